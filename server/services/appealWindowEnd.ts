import { defaultRulebook, standing } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { noticesRepo } from '../db/repositories/notices.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import { violationIdOf } from './decisionIds';

const DAY_MS = 86_400_000;
const PLATFORM_OFFSET_MS = 8 * 3_600_000;

/** The end of a platform-local date (YYYY-MM-DD, UTC+8): the first instant of the next day. */
function endOfPlatformDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY_MS - PLATFORM_OFFSET_MS);
}

/**
 * Until when a decision can be appealed: the notice's window (fake transactions: 3 days),
 * or longer while an item it demoted is still demoted (seed 004: "降權期間內可申訴").
 */
export async function appealWindowEnd(
  db: Executor,
  args: { decisionId: number; caseId: number; subjectId: string; now: Date },
): Promise<Date | null> {
  const notice = (await noticesRepo.forCase(db, args.caseId)).find((n) => n.decision_id === args.decisionId);
  if (!notice?.appeal_until) return null;
  let end = new Date(notice.appeal_until);
  const violationId = violationIdOf(args.decisionId);
  const current = standing(await violationsRepo.historyOf(db, args.subjectId), args.now, defaultRulebook);
  for (const d of current.demotions) {
    if (d.active && d.findings.includes(violationId)) {
      const demotedUntil = endOfPlatformDay(d.until);
      if (demotedUntil > end) end = demotedUntil;
    }
  }
  return end;
}
