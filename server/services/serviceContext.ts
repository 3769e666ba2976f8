import type { AuditContext } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';

/** What every use case receives: storage, time, the rules, live-update fan-out, and who is acting. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  /** The platform rules and desk policy; see `server/rulebooks.ts` for how platforms plug in. */
  rulebooks: Rulebooks;
  bus: ChangeBus;
  audit: AuditContext;
  /** A number in [0, 1) for QA sampling; Math.random when absent, seeded under test. */
  random?: () => number;
}

/** The acting staff member's id, for use cases only staff can perform. */
export function actingUserId(ctx: ServiceContext): number {
  if (ctx.audit.actor.type !== 'user' || !ctx.audit.actor.id)
    throw new Error('this use case needs a signed-in staff member');
  return Number(ctx.audit.actor.id);
}
