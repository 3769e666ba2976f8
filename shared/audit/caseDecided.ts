import { z } from 'zod';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { auditEvent, caseStateFields, id, record } from './events/define';

/** The audit action a case decision records; the DSA export reads exactly these events. */
export const CASE_DECIDED = 'case.decided';

export const CASE_DECISIONS = ['apply', 'waive', 'dismiss'] as const;
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/**
 * What every `case.decided` payload carries, and all a statement of reasons is built from: the
 * DSA export reads events through this (it lets the other fields pass and skips a dismissal,
 * which names no subject kind or rule version).
 */
export const caseDecidedPayload = z.object({
  caseId: z.number().int(),
  subjectId: z.string().min(1),
  subjectKind: z.enum(SUBJECT_KINDS),
  /** The platform the subject trades on (its statement names it); absent in events from before platforms. */
  subjectPlatform: z.enum(PLATFORM_IDS).optional(),
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

/** Fields a dismissal and an escalation record (server/services/decisionOutcomes.ts). */
const closedWithoutFinding = {
  decisionId: id,
  caseId: id,
  subjectId: z.string(),
  rule: z.string(),
  measures: z.array(z.string()),
  source: z.enum(REPORT_SOURCES),
  automatedDetection: z.boolean(),
  automatedDecision: z.boolean(),
  decidedAt: z.string(),
  reason: z.string(),
  reasonTemplate: z.string().nullable(),
  ...caseStateFields,
};

/** A dismissal, or an escalation (`case.escalated`), which passes the case on undecided. */
export const caseClosedWithoutFinding = <K extends 'dismiss' | 'escalate'>(kind: K) =>
  z.strictObject({ ...closedWithoutFinding, decision: z.literal(kind) });

/** An applied or waived finding (server/services/decisionEffect.ts): the ledger, the measures, the notice. */
const caseFound = z.strictObject({
  ...caseStateFields,
  decisionId: id,
  caseId: id,
  subjectId: z.string(),
  subjectKind: z.enum(SUBJECT_KINDS).nullable(),
  /** Written since platforms (0022); older events have none (their subjects were Taobao's or named by the rule). */
  subjectPlatform: z.enum(PLATFORM_IDS).optional(),
  rule: z.string(),
  ruleVersion: z.string(),
  decision: z.enum(['apply', 'waive']),
  facts: record,
  violationId: z.string().nullable(),
  ledger: z.unknown(),
  points: z.number(),
  /** Measure ids from the rulebook's measures table (shared/rulebook/measures.ts). */
  measures: z.array(z.string()),
  punishments: z.array(
    z.strictObject({ measures: z.array(z.string()), from: z.string(), until: z.string().nullable() }),
  ),
  source: z.enum(REPORT_SOURCES),
  automatedDetection: z.boolean(),
  automatedDecision: z.boolean(),
  decidedAt: z.string(),
  decidedBy: id,
  approvedBy: z.string().nullable(),
  reason: z.string(),
  noticeId: id,
  appealUntil: z.string().nullable(),
  violationAt: z.string().nullable(),
  recordedAt: z.string(),
});

/** The registry's entry for `case.decided` (shared/audit/events): everything a decision writes. */
export const caseDecidedEvent = auditEvent(
  '作出决定',
  'Case decided',
  z.union([caseFound, caseClosedWithoutFinding('dismiss')]),
);
