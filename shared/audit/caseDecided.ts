import { z } from 'zod';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';

/** The audit action a case decision records; the DSA export reads exactly these events. */
export const CASE_DECIDED = 'case.decided';

export const CASE_DECISIONS = ['apply', 'waive', 'dismiss'] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/**
 * The payload of a `case.decided` audit event: what the decision use case records, and all a
 * statement of reasons is built from. Defined here, once, so the writer and the exports agree.
 */
export const caseDecidedPayload = z.object({
  caseId: z.number().int(),
  subjectId: z.string().min(1),
  subjectKind: z.enum(SUBJECT_KINDS),
  rule: z.string().min(1),
  ruleVersion: z.string().min(1),
  decision: z.enum(CASE_DECISIONS),
  /** Measure ids from the rulebook's measures table (shared/rulebook/measures.ts). */
  measures: z.array(z.string()),
  source: z.enum(REPORT_SOURCES),
  automatedDetection: z.boolean(),
  automatedDecision: z.boolean(),
  /** ISO 8601 with offset. */
  decidedAt: z.string(),
  reason: z.string(),
});
export type CaseDecidedPayload = z.infer<typeof caseDecidedPayload>;
