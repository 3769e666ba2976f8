import { DeskError, notFound } from '../../shared/errors/deskError';
import type { ScoringContext } from '../../shared/qa/score';
import type { QaVerdict } from '../../shared/qa/verdict';
import type { Rulebook } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import type { QaTask } from '../db/repositories/qa.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { historyOf, violationsRepo } from '../db/repositories/violations.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { DecisionRow } from '../db/tables/decisions.table';
import type { Rulebooks } from '../rulebooks';
import { violationIdOf } from './decisionIds';
import { validateFacts } from './decisionPreview';

/** The first decision of a task, its case, and the record both verdicts are judged on. */
export interface TaskSetting {
  c: CaseRow;
  decision: DecisionRow;
  rulebook: Rulebook;
  context: ScoringContext & { violationAt: string };
  first: QaVerdict;
}

/**
 * Both verdicts are judged on the subject's record as the first decision met it: findings on
 * record before the decision took effect (the task was sampled that moment), the decision's own
 * finding left out, at that instant, for the conduct's time. Later findings and reversals do not
 * move the score of a verdict given blind on the same case.
 */
export async function taskSetting(db: Executor, rulebooks: Rulebooks, task: QaTask): Promise<TaskSetting> {
  const [c, decision] = await Promise.all([casesRepo.find(db, task.caseId), decisionsRepo.find(db, task.decisionId)]);
  if (!c) throw notFound('case', task.caseId);
  if (!decision) throw notFound('decision', task.decisionId);
  const own = violationIdOf(decision.id);
  const rows = (await violationsRepo.forSubject(db, c.subject_id)).filter(
    (v) => v.id !== own && v.created_at < task.sampledAt,
  );
  const history = historyOf(
    rows.map((v) => (v.reversed_at && v.reversed_at >= task.sampledAt ? { ...v, reversed_at: null } : v)),
  );
  // As cases.decide defaults it: the conduct predates the first report.
  const violationAt = decision.violation_at ?? (await reportsRepo.listForCase(db, c.id))[0]?.created_at ?? c.created_at;
  const kind = decision.kind === 'escalate' ? 'dismiss' : decision.kind;
  const first: QaVerdict =
    kind === 'dismiss'
      ? { decision: 'dismiss' }
      : { decision: kind, rule: decision.rule ?? c.rule, facts: decision.facts ?? {} };
  return {
    c,
    decision,
    rulebook: await rulebooks.forSubject(db, c.subject_id),
    context: { history, asOf: task.sampledAt, violationAt },
    first,
  };
}

/**
 * The QA reviewer's verdict, checked the way `cases.decide` checks a decision: a finding is under
 * the case's own rule (`rule_not_in_family`) with facts the rulebook accepts (`invalid_facts`,
 * `measure_not_in_rule`, naming the field); a dismissal carries neither.
 */
export function checkedVerdict(
  setting: Pick<TaskSetting, 'c' | 'rulebook' | 'context'>,
  input: { decision: QaVerdict['decision']; rule?: string; facts?: Record<string, unknown> },
): QaVerdict {
  if (input.decision === 'dismiss') return { decision: 'dismiss' };
  const rule = input.rule ?? setting.c.rule;
  if (rule !== setting.c.rule) {
    throw new DeskError('BAD_REQUEST', 'rule_not_in_family', `case ${setting.c.id} is about ${setting.c.rule}`, {
      field: 'rule',
    });
  }
  const facts = validateFacts(setting.rulebook, rule, input.facts ?? {}, setting.context.violationAt);
  return { decision: input.decision, rule, facts };
}
