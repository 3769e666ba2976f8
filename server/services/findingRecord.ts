import type { Executor } from '../db/database';
import { violationsRepo } from '../db/repositories/violations.repo';

/**
 * Puts a finding on the subject's record: the one place a violation row is written (a decision
 * taking effect, a lighter finding on appeal, false appeal evidence). `recordedAt` is the
 * moment it takes effect: punishments, demotions and the ledger year count from there, while
 * `violationAt` (when the conduct happened) picks the rule version.
 */
export async function recordFinding(
  db: Executor,
  finding: {
    id: string;
    subjectId: string;
    caseId: number;
    decisionId: number;
    rule: string;
    violationAt: string;
    facts: Record<string, unknown>;
    recordedAt: string;
  },
): Promise<void> {
  await violationsRepo.insert(db, {
    id: finding.id,
    subject_id: finding.subjectId,
    case_id: finding.caseId,
    decision_id: finding.decisionId,
    rule: finding.rule,
    at: finding.violationAt,
    facts: finding.facts,
    created_at: finding.recordedAt,
  });
}
