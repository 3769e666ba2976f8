import { appealWindowEnd } from '../../shared/decisions/appealWindow';
import { standing } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { noticesRepo } from '../db/repositories/notices.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { Rulebooks } from '../rulebooks';
import { violationIdOf } from './decisionIds';

/**
 * Until when a decision can be appealed, read from storage: its notice's window and the
 * subject's standing now. The rules themselves are in shared/decisions/appealWindow.ts.
 * `null`: the decision sent no notice with a window (nothing to appeal).
 */
export async function appealWindowEndOf(
  db: Executor,
  rulebooks: Rulebooks,
  args: { decisionId: number; caseId: number; subjectId: string; now: Date },
): Promise<Date | null> {
  const notice = (await noticesRepo.forCase(db, args.caseId)).find((n) => n.decision_id === args.decisionId);
  if (!notice?.appeal_until) return null;
  const rulebook = await rulebooks.forSubject(db, args.subjectId);
  const current = standing(await violationsRepo.historyOf(db, args.subjectId), args.now, rulebook);
  return appealWindowEnd(rulebook, {
    noticeUntil: notice.appeal_until,
    violationId: violationIdOf(args.decisionId),
    standing: current,
  });
}
