import type { Role } from '../../../shared/auth/roles';
import type { PlatformId } from '../../../shared/rulebook/platforms';
import type { Executor } from '../database';
import type { CaseRow } from '../tables/cases.table';
import { decodeCase } from './cases.repo';
import { decodePlatform } from './platformColumn';
import { isMemberOfQueue } from './queues.repo';
import { rememberPlatform } from './subjects.repo';

/** A case about to be decided, with what the decision guard and the rulebook need around it. */
export interface CaseUnderDecisionRow {
  c: CaseRow;
  /** The acting staff member's role; null when no such user exists. */
  actorRole: Role | null;
  /** Whether the actor is a member of the case's queue (listed, or by role while active), as `queue.next` counts it. */
  actorInQueue: boolean;
  /** The subject's platform; undefined for a subject the desk has not stored. */
  platform: PlatformId | undefined;
}

/**
 * One statement instead of four (the actor, their queues, the case, the subject's platform):
 * each statement inside a write transaction holds SQLite's one writer for a round trip to the
 * database thread and back, so the decision's transaction is shorter by three of them. The
 * platform is remembered for the rest of the transaction, where the rulebook looks it up.
 */
export async function findCaseUnderDecision(
  trx: Executor,
  caseId: number,
  actorId: number,
): Promise<CaseUnderDecisionRow | undefined> {
  const row = await trx
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) => [
      eb.selectFrom('users').select('users.role').where('users.id', '=', actorId).as('actor_role'),
      eb
        .exists(
          eb
            .selectFrom('queues')
            .select('queues.id')
            .whereRef('queues.id', '=', 'cases.queue')
            .where((q) => isMemberOfQueue(q, actorId)),
        )
        .as('actor_in_queue'),
      eb
        .selectFrom('subjects')
        .select('subjects.platform')
        .whereRef('subjects.id', '=', 'cases.subject_id')
        .as('subject_platform'),
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { actor_role, actor_in_queue, subject_platform, ...caseColumns } = row;
  const platform = subject_platform == null ? undefined : decodePlatform(subject_platform);
  const c = decodeCase(caseColumns);
  if (platform) rememberPlatform(trx, c.subject_id, platform);
  // SQLite answers a boolean expression with 0 or 1, PostgreSQL with a boolean.
  return { c, actorRole: actor_role ?? null, actorInQueue: Boolean(actor_in_queue), platform };
}
