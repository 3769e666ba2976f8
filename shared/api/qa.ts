import { z } from 'zod';
import { AGREEMENTS } from '../qa/score';
import { QA_DECISIONS, QA_OUTCOMES } from '../qa/verdict';

export { QA_OUTCOMES, type QaOutcome } from '../qa/verdict';

import { caseDetail } from './caseDetail';
import { RULE_IDS } from './intake';

/** The life of a QA task: sampled (open), taken by a QA reviewer, scored, and for a disagreement adjudicated. */
export const QA_TASK_STATUSES = ['open', 'taken', 'agreed', 'disagreed', 'upheld', 'corrected', 'reversed'] as const;
export type QaTaskStatus = (typeof QA_TASK_STATUSES)[number];

const id = z.number().int().positive();
const queueId = z.string().min(1).max(40);
const ruleId = z.string().min(1).max(64);
const facts = z.record(z.string().max(64), z.unknown());
const note = z.string().trim().min(1).max(2000);
const person = z.object({ id: z.number(), name: z.string() });
const agreement = z.enum(AGREEMENTS);

/** `qa.setPolicy`: a lead sets how a queue's effective decisions are sampled. */
export const qaSetPolicyInput = z.object({
  queueId,
  /** Share of effective decisions sampled at random, 0–100. */
  percent: z.number().int().min(0).max(100),
  /** Rules whose decisions are always sampled. */
  alwaysRules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
  /** Always sample a decision whose finding seals the account. */
  alwaysSeals: z.boolean().optional(),
  /** Always sample a waiver of serious-violation points. */
  alwaysSeriousWaivers: z.boolean().optional(),
});
export type QaSetPolicyInput = z.infer<typeof qaSetPolicyInput>;

export const qaPolicy = z.object({
  queueId: z.string(),
  percent: z.number(),
  alwaysRules: z.array(z.string()),
  alwaysSeals: z.boolean(),
  alwaysSeriousWaivers: z.boolean(),
  updatedBy: person.nullable(),
  updatedAt: z.string(),
});
export type QaPolicy = z.infer<typeof qaPolicy>;
export const qaPoliciesOutput = z.array(qaPolicy);

/** `qa.next`: the next open task for the caller (one they hold already first); null when none. */
export const qaNextOutput = z.object({ taskId: z.number(), caseId: z.number() }).nullable();

export const qaTaskInput = z.object({ taskId: id });

/**
 * `qa.task`: the BLIND view. The case as it was reported (subject, reports, evidence) and nothing
 * of the first decision: no status, decision, notices, timeline, standing, assignee or notes.
 */
export const qaTaskView = z.object({
  taskId: z.number(),
  status: z.enum(QA_TASK_STATUSES),
  /** Whether the caller holds the task and may submit a verdict. */
  mine: z.boolean(),
  case: caseDetail.pick({ id: true, rule: true, source: true, summary: true, queue: true, createdAt: true }).extend({
    subject: caseDetail.shape.subject,
    reports: caseDetail.shape.reports,
    evidence: caseDetail.shape.evidence,
  }),
  /**
   * When the conduct was committed as a decision assumes by default (the first report), not the
   * time the first reviewer chose; both verdicts are judged for the first decision's time.
   */
  violationAt: z.string(),
});
export type QaTaskView = z.infer<typeof qaTaskView>;

const verdictFields = {
  decision: z.enum(QA_DECISIONS),
  rule: ruleId.optional(),
  facts: facts.optional(),
};

/** `qa.preview`: what the QA reviewer's verdict would be worth, judged on the record the first decision met. */
export const qaPreviewInput = z.object({ taskId: id, ...verdictFields });
export const qaPreviewOutput = z.object({
  ledger: z.string(),
  points: z.number(),
  measures: z.array(z.string()),
  /** The rulebook's basis for the points, in both languages. */
  basis: z.object({ zh: z.string(), en: z.string() }),
});

/** `qa.submit`: the QA reviewer's own verdict, scored against the first decision. */
export const qaSubmitInput = z.object({
  taskId: id,
  ...verdictFields,
  reason: z.string().trim().min(1).max(2000),
});
export type QaSubmitInput = z.infer<typeof qaSubmitInput>;

const effect = z.object({ ledger: z.string(), points: z.number(), measures: z.array(z.string()) });
export const qaScores = z.object({
  kind: agreement,
  rule: agreement,
  points: agreement,
  measures: agreement,
  agreed: z.boolean(),
  effects: z.object({ first: effect.nullable(), second: effect.nullable() }),
});
export type QaScoresView = z.infer<typeof qaScores>;

export const qaSubmitOutput = z.object({ status: z.enum(['agreed', 'disagreed']), scores: qaScores });

/** One verdict as a lead compares them. */
export const qaVerdictView = z.object({
  decision: z.enum(QA_DECISIONS),
  rule: z.string().nullable(),
  facts: facts.nullable(),
  reason: z.string(),
  by: person,
  at: z.string(),
});

/** `qa.adjudications`: disagreements waiting for a lead, both verdicts side by side, oldest first. */
export const qaAdjudicationsInput = z.object({ queueId: queueId.optional() }).default({});
export const qaAdjudicationItem = z.object({
  taskId: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  queue: z.string().nullable(),
  subjectId: z.string(),
  first: qaVerdictView,
  second: qaVerdictView,
  scores: qaScores,
  submittedAt: z.string(),
  /** Whether the caller may adjudicate it (not their own decision or QA verdict). */
  canAdjudicate: z.boolean(),
});
export const qaAdjudicationsOutput = z.array(qaAdjudicationItem);
export type QaAdjudicationItem = z.infer<typeof qaAdjudicationItem>;

/** `qa.adjudicate`: uphold the first decision, correct it to the QA verdict, or reverse it. */
export const qaAdjudicateInput = z.object({ taskId: id, outcome: z.enum(QA_OUTCOMES), note });
export const qaAdjudicateOutput = z.object({
  status: z.enum(['upheld', 'corrected', 'reversed']),
  /** The state the first decision is left in: effective (upheld), adjusted (corrected) or overturned. */
  decisionStatus: z.string(),
  noticeId: z.number().nullable(),
});

/** `qa.mine`: the caller's sampled decisions and what QA made of them (never who the QA reviewer was). */
export const qaMineItem = z.object({
  taskId: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  status: z.enum(QA_TASK_STATUSES),
  sampledAt: z.string(),
  /** Null until the QA reviewer has submitted. */
  scores: qaScores.nullable(),
  /** The QA verdict, once submitted. */
  verdict: z
    .object({
      decision: z.enum(QA_DECISIONS),
      rule: z.string().nullable(),
      facts: facts.nullable(),
      reason: z.string(),
    })
    .nullable(),
  leadNote: z.string().nullable(),
  adjudicatedAt: z.string().nullable(),
});
export const qaMineOutput = z.array(qaMineItem);
export type QaMineItem = z.infer<typeof qaMineItem>;

const rateRow = z.object({
  key: z.string(),
  label: z.string(),
  scored: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
  /** agreed / scored; 0 when nothing was scored. */
  rate: z.number(),
});

/** `metrics.dashboard`'s `qa` section. Without `metrics.team`, only the caller's own decisions. */
export const qaDashboard = z.object({
  scored: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
  rate: z.number(),
  byReviewer: z.array(rateRow),
  byRule: z.array(rateRow),
  byQueue: z.array(rateRow),
  /** Per platform day of the dashboard's range, by when the QA verdict was submitted. */
  daily: z.array(
    z.object({ day: z.string(), scored: z.number().int().nonnegative(), agreed: z.number().int().nonnegative() }),
  ),
  /** Disagreements waiting for a lead now. */
  backlog: z.number().int().nonnegative(),
  /** Known-answer (gold) cases answered in the range and how many matched the expected verdict. */
  gold: z.object({ answered: z.number().int().nonnegative(), correct: z.number().int().nonnegative() }),
});
export type QaDashboard = z.infer<typeof qaDashboard>;
