import { z } from 'zod';

/**
 * Typed evidence data: what an integration or staff member sends as `evidence[].data`, stored
 * as JSON on the evidence row and drawn by the matching viewer. Each kind that has a shape is
 * validated against exactly that shape (see `structuredDataIssues`); other kinds carry none.
 */

/** Largest evidence file accepted (10 MiB): screenshots, order exports and scanned agreements fit well within it. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const line = (max: number) => z.string().trim().min(1).max(max);
/** Times in evidence are as the source recorded them: ISO 8601 preferred, free text tolerated. */
const when = z.string().trim().min(1).max(64);

export const orderRow = z.object({
  orderId: line(64),
  /** In yuan (or the table's currency). */
  amount: z.number().finite(),
  buyer: line(128).optional(),
  time: when.optional(),
  status: line(64).optional(),
});

export const ordersData = z.object({
  rows: z.array(orderRow).min(1).max(5000),
  /** Order ids the report names; the viewer highlights them. Each must be one of the rows. */
  highlight: z.array(line(64)).max(5000).default([]),
  currency: z.string().trim().length(3).optional(),
});

export const chatData = z.object({
  messages: z
    .array(z.object({ from: line(128), at: when, text: z.string().max(5000) }))
    .min(1)
    .max(5000),
});

export const logisticsData = z.object({
  waybill: line(64),
  carrier: line(128),
  /** Text messages the buyer received about the parcel (e.g. from another shop). */
  sms: z
    .array(z.object({ from: line(64), at: when, text: z.string().max(2000) }))
    .max(500)
    .optional(),
  /** The carrier's tracking events, oldest first. */
  events: z
    .array(z.object({ at: when, text: line(500), location: line(200).optional() }))
    .max(500)
    .optional(),
});

export const listingSnapshotData = z.object({
  title: line(300),
  price: z.number().finite().nonnegative(),
  currency: z.string().trim().length(3).optional(),
  listingId: line(64).optional(),
  /** Addresses of the listing's pictures when captured (shown as links, never hot-linked). */
  images: z
    .array(z.url({ protocol: /^https?$/ }).max(2000))
    .max(50)
    .optional(),
  description: z.string().max(20_000),
  /** When the listing looked like this: the snapshot is evidence of that moment, not of today. */
  capturedAt: when,
});

export type OrdersData = z.infer<typeof ordersData>;
export type ChatData = z.infer<typeof chatData>;
export type LogisticsData = z.infer<typeof logisticsData>;
export type ListingSnapshotData = z.infer<typeof listingSnapshotData>;

/** The schema of each evidence kind that carries typed data. */
export const STRUCTURED_SCHEMAS = {
  orders: ordersData,
  chat: chatData,
  logistics: logisticsData,
  listing_snapshot: listingSnapshotData,
} as const;
export type StructuredKind = keyof typeof STRUCTURED_SCHEMAS;

export const evidenceData = z.union([ordersData, chatData, logisticsData, listingSnapshotData]);
export type EvidenceData = z.infer<typeof evidenceData>;

/** `data` as the kind's schema reads it (defaults filled, unknown keys dropped), or null when it does not fit. */
export function parseStructuredData(kind: string, data: unknown): EvidenceData | null {
  if (!isStructuredKind(kind)) return null;
  const parsed = STRUCTURED_SCHEMAS[kind].safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function isStructuredKind(kind: string): kind is StructuredKind {
  return Object.hasOwn(STRUCTURED_SCHEMAS, kind);
}

/**
 * Why `data` does not fit `kind` (empty when it does): the union above accepts any of the
 * shapes, this checks it is the one the kind names, and that highlighted orders exist.
 */
export function structuredDataIssues(kind: string, data: unknown): { path: (string | number)[]; message: string }[] {
  if (!isStructuredKind(kind)) return [{ path: [], message: `evidence of kind ${kind} carries no structured data` }];
  const parsed = STRUCTURED_SCHEMAS[kind].safeParse(data);
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
  if (kind === 'orders') {
    const orders = parsed.data as OrdersData;
    const ids = new Set(orders.rows.map((r) => r.orderId));
    return orders.highlight.flatMap((id, i) =>
      ids.has(id) ? [] : [{ path: ['highlight', i], message: `highlighted order ${id} is not in the rows` }],
    );
  }
  return [];
}
