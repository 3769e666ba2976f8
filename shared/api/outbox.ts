import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';

/** What the marketplace is told (docs/OUTBOX.md has one example of each). */
export const OUTBOX_EVENT_TYPES = [
  'measure.started',
  'measure.ended',
  'measure.lifted',
  'notice.issued',
  'appeal.decided',
  'rulebook.published',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

/** Every message: the envelope fields first; the rest depends on `type`. */
export const outboxMessage = z
  .object({
    /** The idempotency key: the same change always carries the same id. */
    id: z.string(),
    /** Increasing in commit order; per subject, the order messages are delivered in. */
    sequence: z.number(),
    type: z.enum(OUTBOX_EVENT_TYPES),
    occurredAt: z.string(),
    /** `platform`: the subject's platform; messages written before platforms existed have none. */
    subject: z.object({ id: z.string(), platform: z.enum(PLATFORM_IDS).optional() }),
    caseId: z.number().nullable(),
  })
  .catchall(z.unknown());
export type OutboxMessage = z.infer<typeof outboxMessage>;

// ---------------------------------------------------------------------------------------------
// Pull API: `enforcement.changes`.

export const enforcementChangesInput = z.object({
  /** Opaque: the `nextCursor` of the previous page; absent to start from the beginning. */
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export const enforcementChangesOutput = z.object({
  items: z.array(outboxMessage),
  /** Where to continue; an empty page with the same cursor means "caught up, poll later". */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Endpoint administration.

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(500);

export const endpointInput = z.object({
  url: httpUrl,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(z.enum(OUTBOX_EVENT_TYPES)).min(1),
  enabled: z.boolean().default(true),
});
export type EndpointInput = z.input<typeof endpointInput>;

/** Only what is given changes (no defaults here, unlike creation). */
export const endpointUpdateInput = z.object({
  id: z.number().int().positive(),
  url: httpUrl.optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(z.enum(OUTBOX_EVENT_TYPES)).min(1).optional(),
  enabled: z.boolean().optional(),
});

export const endpointView = z.object({
  id: z.number(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(OUTBOX_EVENT_TYPES)),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Deliveries by status, for the endpoint list. */
  counts: z.object({ pending: z.number(), delivered: z.number(), dead: z.number() }),
});
export type EndpointView = z.infer<typeof endpointView>;

/** Shown once, when the endpoint is created or its secret rotated. */
export const endpointWithSecret = z.object({ endpoint: endpointView, secret: z.string() });

// ---------------------------------------------------------------------------------------------
// Deliveries page.

export const deliveryListInput = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  endpointId: z.number().int().positive().optional(),
  subjectId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const deliveryView = z.object({
  id: z.number(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  /** Waiting behind an earlier message of the same subject that has not been delivered. */
  blocked: z.boolean(),
  endpoint: z.object({ id: z.number(), url: z.string() }),
  message: z.object({
    sequence: z.number(),
    id: z.string(),
    type: z.enum(OUTBOX_EVENT_TYPES),
    subjectId: z.string(),
    caseId: z.number().nullable(),
    measure: z.string().nullable(),
  }),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const ATTEMPT_RESULTS = ['delivered', 'retry', 'dead', 'interrupted'] as const;

/** One HTTP attempt of a delivery, as the outbox page lists them. */
export const deliveryAttemptView = z.object({
  id: z.number(),
  attempt: z.number(),
  startedAt: z.string(),
  finishedAt: z.string(),
  result: z.enum(ATTEMPT_RESULTS),
  httpStatus: z.number().nullable(),
  /** timeout, refused, dns, tls, blocked_address or `http_status <n>`. */
  error: z.string().nullable(),
  durationMs: z.number(),
  nextAttemptAt: z.string().nullable(),
  /** Another worker had taken the delivery over; this attempt's result did not count. */
  leaseLost: z.boolean(),
  worker: z.string(),
});
export type DeliveryAttemptView = z.infer<typeof deliveryAttemptView>;

export const deliveryListOutput = z.object({ items: z.array(deliveryView), nextCursor: z.string().nullable() });

export const deliveryCounts = z.object({ pending: z.number(), delivered: z.number(), dead: z.number() });
