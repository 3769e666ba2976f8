import { recordEvent } from '../audit/recordEvent';
import { enforcementStateRepo } from '../db/repositories/enforcementState.repo';
import { announceEnforcement } from '../outbox/announceEnforcement';
import type { ServiceContext } from './serviceContext';

/**
 * The time-driven side of enforcement: every subject with an announced measure whose end has
 * come is diffed again at `now` (announceEnforcement), which emits `measure.ended` for it and
 * forgets it. One transaction per subject keeps each short. Run by several instances at once,
 * the subjects are diffed one after the other under the outbox lock, so the second finds nothing
 * left to end; the idempotency key backs that up. Returns how many measures ended.
 */
export async function endDueMeasures(ctx: ServiceContext, batchSize = 200): Promise<number> {
  const now = ctx.clock.now();
  let ended = 0;
  for (const subjectId of await enforcementStateRepo.subjectsWithDueEnds(ctx.db, now.toISOString(), batchSize)) {
    ended += await ctx.db.transaction().execute(async (trx) => {
      const rulebook = await ctx.rulebooks.forSubject(trx, subjectId);
      const changes = await announceEnforcement(trx, { subjectId, rulebook, now, cause: { kind: 'expiry' } });
      if (changes.ended + changes.lifted + changes.started > 0) {
        await recordEvent(
          trx,
          ctx.audit,
          { action: 'enforcement.measures_ended', target: { type: 'subject', id: subjectId }, data: changes },
          now,
        );
      }
      return changes.ended;
    });
  }
  return ended;
}
