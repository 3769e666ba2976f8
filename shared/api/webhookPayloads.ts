import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { OUTBOX_EVENT_TYPES, type OutboxEventType } from './outbox';

/**
 * The body of every outbox message by type: what a webhook receiver gets (docs/OUTBOX.md) and
 * what `enforcement.changes` lists. Published as JSON Schemas (`GET /api/schemas/<type>.json`
 * and the OpenAPI document's components) for integrators who do not read TypeScript; the
 * writers are in server/outbox/, and a test checks real messages against these schemas.
 */
const envelope = <T extends OutboxEventType>(type: T) =>
  z.object({
    /** The idempotency key: `<type>:<40 hex>`; the same change always carries the same id. */
    id: z.string(),
    /** Increasing in commit order; per subject, the order messages are delivered in. */
    sequence: z.number().int(),
    type: z.literal(type),
    occurredAt: z.iso.datetime(),
    subject: z.object({
      id: z.string(),
      /** The platform the subject trades on; messages written before platforms existed have none. */
      platform: z.enum(PLATFORM_IDS).optional(),
    }),
    caseId: z.number().int().nullable(),
  });

const cause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), decisionId: z.number().int(), caseId: z.number().int() }),
  z.object({
    kind: z.literal('appeal'),
    appealId: z.number().int(),
    caseId: z.number().int(),
    approved: z.boolean(),
  }),
  /** A lead corrected or reversed the decision after quality assurance (docs/QA.md). */
  z.object({
    kind: z.literal('qa'),
    taskId: z.number().int(),
    decisionId: z.number().int(),
    caseId: z.number().int(),
  }),
  z.object({ kind: z.literal('expiry') }),
]);

/** One measure in one scope: instants, or platform-local dates (inclusive) for an item's demotion. */
const measureFields = {
  measure: z.string(),
  scope: z.object({ type: z.enum(['finding', 'punishment', 'item']), id: z.string() }),
  from: z.string(),
  until: z.string().nullable(),
  /** The same span as UTC instants; `endsAt` null: until reversed. */
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  rule: z.string(),
  ruleVersion: z.string(),
  /** The finding (violation id) that set it. */
  finding: z.string(),
  cause,
};

export const measureStartedPayload = envelope('measure.started').extend({
  ...measureFields,
  /** Set when this replaces an earlier span of the same measure in the same scope. */
  previous: z.object({ from: z.string(), until: z.string().nullable() }).nullable(),
});

export const measureEndedPayload = envelope('measure.ended').extend({
  ...measureFields,
  reason: z.enum(['expired', 'superseded']),
});

export const measureLiftedPayload = envelope('measure.lifted').extend({
  ...measureFields,
  reason: z.literal('reversed'),
});

const localized = z.object({ zh: z.string(), en: z.string() });

export const noticeIssuedPayload = envelope('notice.issued').extend({
  noticeId: z.number().int(),
  decisionId: z.number().int(),
  decision: z.enum(['apply', 'waive']),
  rule: z.string(),
  ruleVersion: z.string(),
  ledger: z.string().nullable(),
  points: z.number(),
  outcome: z.string().nullable(),
  measures: z.array(z.object({ measure: z.string(), from: z.string(), until: z.string().nullable() })),
  demotions: z.array(z.object({ item: z.string(), from: z.string(), until: z.string(), days: z.number().int() })),
  /** Null when there is nothing to appeal (a waiver). */
  appealUntil: z.string().nullable(),
  automatedDetection: z.boolean(),
  /** The statement of reasons, in both languages. */
  text: localized,
});

export const appealDecidedPayload = envelope('appeal.decided').extend({
  appealId: z.number().int(),
  decisionId: z.number().int(),
  outcome: z.enum(['approved', 'rejected']),
  reason: z.string(),
  rule: z.string(),
  reversedViolation: z.string().nullable(),
  reliefViolation: z.string().nullable(),
  falseEvidence: z.boolean(),
});

/** Every type's schema; a type added to OUTBOX_EVENT_TYPES without one here fails to compile. */
export const WEBHOOK_PAYLOADS: Record<OutboxEventType, z.ZodType> = {
  'measure.started': measureStartedPayload,
  'measure.ended': measureEndedPayload,
  'measure.lifted': measureLiftedPayload,
  'notice.issued': noticeIssuedPayload,
  'appeal.decided': appealDecidedPayload,
};

export const WEBHOOK_TYPES = OUTBOX_EVENT_TYPES;
