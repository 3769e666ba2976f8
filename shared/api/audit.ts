import { z } from 'zod';
import { RECONCILED_TABLES } from '../audit/expectedState';
import { isoInstant } from './instant';

/** `user:12`, `token:3` or `system`: who acted, as the filter and the grid name it. */
export const auditActorKey = z.string().regex(/^(user:\d{1,12}|token:\d{1,12}|system)$/, 'not an actor key');

export const auditListInput = z.object({
  actor: auditActorKey.optional(),
  action: z.string().min(1).max(64).optional(),
  /** `case`, `subject`, `user`, `export`, …; `subject` also matches events on that subject's cases. */
  targetType: z.string().min(1).max(32).optional(),
  targetId: z.string().min(1).max(128).optional(),
  batchId: z.string().min(1).max(128).optional(),
  /** Inclusive lower and exclusive upper bound on the event time. */
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditListInput = z.input<typeof auditListInput>;
export type AuditFilter = Omit<z.output<typeof auditListInput>, 'cursor' | 'limit'>;

export const auditEventItem = z.object({
  seq: z.number(),
  at: z.string(),
  /** `name`: the staff member's display name, or the token's name; null for the system. */
  actor: z.object({ key: z.string(), type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  /** `name`: the staff member's or token's name when the target is one, else null. */
  target: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }).nullable(),
  /** The stored JSON, parsed: before/after or the decision payload. */
  data: z.unknown(),
  requestId: z.string().nullable(),
  batchId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventItem = z.infer<typeof auditEventItem>;

export const auditListOutput = z.object({
  items: z.array(auditEventItem),
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type AuditListOutput = z.infer<typeof auditListOutput>;

export const AUDIT_BREAK_REASONS = ['gap', 'altered', 'truncated', 'anchor_mismatch'] as const;

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  count: z.number(),
  head: z.string(),
  /** The first sequence number that cannot be vouched for; everything before it verified. */
  firstBad: z.number().optional(),
  reason: z.enum(AUDIT_BREAK_REASONS).optional(),
  /** Head hashes kept outside the database that this check compared against. */
  anchors: z.object({ checked: z.number(), lastSeq: z.number().nullable() }),
  /**
   * Business rows that differ from what the trail says (shared/audit/expectedState.ts): the
   * first 100, and how many in all. Any makes `ok` false, even with an intact chain.
   */
  mismatches: z.array(
    z.object({
      table: z.enum(RECONCILED_TABLES),
      id: z.string(),
      field: z.string(),
      expected: z.string().nullable(),
      actual: z.string().nullable(),
    }),
  ),
  mismatchCount: z.number(),
});
export type AuditVerifyOutput = z.infer<typeof auditVerifyOutput>;

export const auditFacetsOutput = z.object({
  actions: z.array(z.string()),
  actors: z.array(z.object({ key: z.string(), name: z.string() })),
  targetTypes: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof auditFacetsOutput>;

/** `csv-excel`: a reading copy for spreadsheets (BOM, platform time, actor names); `csv` stays verifiable. */
export const AUDIT_EXPORT_FORMATS = ['csv', 'csv-excel', 'ndjson', 'dsa'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const auditExportQuery = z.object({
  format: z.enum(AUDIT_EXPORT_FORMATS),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

const chainPoint = z.object({ seq: z.number(), hash: z.string() }).nullable();

/** `<file>.manifest.json`: what was exported, and how to check the file is the one exported. */
export const auditExportManifest = z.object({
  /** The exported file's name (CLI manifests, written beside the file). */
  file: z.string().optional(),
  format: z.enum(AUDIT_EXPORT_FORMATS),
  range: z.object({ from: z.string().nullable(), to: z.string().nullable(), throughSeq: z.number() }),
  /** Rows (events, or statements for `dsa`) in the file. */
  count: z.number(),
  /** Events read but not written: for `dsa`, decisions that restrict nothing. */
  skipped: z.number(),
  first: chainPoint,
  last: chainPoint,
  sha256: z.string(),
  bytes: z.number(),
  exportedAt: z.string(),
  /** Sequence number of the `audit.exported` event that records this export. */
  exportId: z.number(),
});
export type AuditExportManifest = z.infer<typeof auditExportManifest>;

/** Headers the export endpoint sends before the body, for progress and the manifest. */
export const EXPORT_HEADERS = { rows: 'x-audit-export-rows', id: 'x-audit-export-id' } as const;
