import { z } from 'zod';
import { QA_DECISIONS, qaVerdict } from '../qa/verdict';

/** Most cases one calibration session may hold: a sitting, not a backlog. */
export const CALIBRATION_MAX_CASES = 50;
/** Most reviewers one session invites. */
export const CALIBRATION_MAX_REVIEWERS = 50;

const id = z.number().int().positive();
const note = z.string().trim().min(1).max(2000);

/** `qa.gold.mark`: a decided case becomes a known-answer case with its expected verdict. */
export const goldMarkInput = z.object({
  caseId: id,
  expected: qaVerdict,
  note: note.optional(),
});

export const goldView = z.object({
  id: z.number(),
  sourceCaseId: z.number(),
  /** The first training copy: what calibration sessions show of it. */
  copyCaseId: z.number(),
  rule: z.string(),
  expected: qaVerdict,
  note: z.string().nullable(),
  summary: z.string(),
  markedBy: z.object({ id: z.number(), name: z.string() }),
  markedAt: z.string(),
  retired: z.boolean(),
  attempts: z.number(),
  correct: z.number(),
});
export type GoldView = z.infer<typeof goldView>;

export const goldListInput = z
  .object({ includeRetired: z.boolean().default(false) })
  .default({ includeRetired: false });

export const goldSetRateInput = z.object({
  queueId: z.string().trim().min(1).max(64),
  percent: z.number().int().min(0).max(100),
});

export const goldRateView = z.object({ queueId: z.string(), percent: z.number() });

/** `qa.calibration.create`: N cases (real decided ones, and gold cases by gold id) and reviewers. */
export const calibrationCreateInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    caseIds: z.array(id).max(CALIBRATION_MAX_CASES).default([]),
    reviewerIds: z.array(id).min(2).max(CALIBRATION_MAX_REVIEWERS),
    goldCaseIds: z.array(id).max(CALIBRATION_MAX_CASES).optional(),
  })
  .refine((v) => v.caseIds.length + (v.goldCaseIds?.length ?? 0) >= 1, {
    message: 'pick at least one case',
    path: ['caseIds'],
  })
  .refine((v) => v.caseIds.length + (v.goldCaseIds?.length ?? 0) <= CALIBRATION_MAX_CASES, {
    message: `at most ${CALIBRATION_MAX_CASES} cases`,
    path: ['caseIds'],
  });

export const calibrationAnswerInput = z.object({
  sessionId: id,
  caseId: id,
  decision: z.enum(QA_DECISIONS),
  rule: z.string().max(64).optional(),
  facts: z.record(z.string().max(64), z.unknown()).optional(),
  reason: z.string().trim().min(1).max(2000),
});

/** What a blind reviewer sees of a case: the allegation and evidence, never a decision. */
export const blindCaseView = z.object({
  caseId: z.number(),
  rule: z.string(),
  subjectKind: z.string(),
  summary: z.string(),
  reports: z.array(z.object({ source: z.string(), summary: z.string(), facts: z.record(z.string(), z.unknown()) })),
  evidence: z.array(z.object({ kind: z.string(), title: z.string(), text: z.string().nullable() })),
});
export type BlindCaseView = z.infer<typeof blindCaseView>;

const person = z.object({ id: z.number(), name: z.string() });

export const calibrationAnswerView = z.object({
  reviewerId: z.number(),
  decision: z.enum(QA_DECISIONS),
  rule: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  reason: z.string(),
});

/** Pairwise agreement: items both answered, and how many of them agreed. */
export const agreementCell = z.object({
  a: z.number(),
  b: z.number(),
  compared: z.number(),
  agreed: z.number(),
  rate: z.number().nullable(),
});

export const calibrationMatrix = z.object({
  reviewers: z.array(person),
  pairs: z.array(agreementCell),
  /** Each reviewer against the gold answer, over the gold items they answered. */
  gold: z.array(
    z.object({ reviewerId: z.number(), compared: z.number(), agreed: z.number(), rate: z.number().nullable() }),
  ),
});
export type CalibrationMatrix = z.infer<typeof calibrationMatrix>;

export const calibrationItemView = z.object({
  caseId: z.number(),
  gold: z.boolean(),
  case: blindCaseView,
  /** The caller's own answer, if any. */
  myAnswer: calibrationAnswerView.nullable(),
  /** After closing only: everyone's answers, the gold answer and the real decision. */
  answers: z.array(calibrationAnswerView).nullable(),
  goldAnswer: qaVerdict.nullable(),
  realDecision: z.object({ decision: z.string(), rule: z.string().nullable() }).nullable(),
});

export const calibrationSummary = z.object({
  id: z.number(),
  name: z.string(),
  createdBy: person,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  reviewers: z.array(person.extend({ answered: z.number() })),
  itemCount: z.number(),
  /** The caller is one of the invited reviewers. */
  invited: z.boolean(),
});

export const calibrationDetail = calibrationSummary.extend({
  items: z.array(calibrationItemView),
  /** After closing only. */
  matrix: calibrationMatrix.nullable(),
});
export type CalibrationDetail = z.infer<typeof calibrationDetail>;
