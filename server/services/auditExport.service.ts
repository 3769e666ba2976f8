import type { Writable } from 'node:stream';
import type { AuditExportFormat, AuditExportManifest } from '../../shared/api/audit';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { type ExportFormatSpec, exportFormat } from '../audit/exportFormats';
import { type ExportSlice, type ExportSummary, sliceFor, sliceRange, streamExport } from '../audit/exportStream';
import { recordEvent } from '../audit/recordEvent';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import type { ServiceContext } from './serviceContext';

type ExportContext = Pick<ServiceContext, 'db' | 'clock' | 'rulebooks' | 'audit'>;

export const EXPORT_STARTED = 'audit.exported';
export const EXPORT_COMPLETED = 'audit.export_completed';

export interface AuditExportRequest {
  format: AuditExportFormat;
  from?: string;
  to?: string;
  /** Who runs a CLI export (the OS user), since the CLI acts as `system`. */
  operator?: string;
}

/** A started export: its slice is fixed and its start is on the record. */
export interface AuditExportJob {
  exportId: number;
  format: AuditExportFormat;
  spec: ExportFormatSpec;
  slice: ExportSlice;
  /** Source rows the export will read (for progress). */
  total: number;
  startedAt: string;
}

/**
 * Fixes the slice and records who exports what, in its own transaction, before a byte is sent:
 * an export that is cut short is still on the record. Its own event lies after the slice.
 */
export async function beginAuditExport(ctx: ExportContext, request: AuditExportRequest): Promise<AuditExportJob> {
  const from = request.from ? new Date(request.from).toISOString() : undefined;
  const to = request.to ? new Date(request.to).toISOString() : undefined;
  if (from && to && from >= to)
    throw new DeskError('BAD_REQUEST', 'invalid_range', '"from" must be before "to"', { field: 'from' });
  const actorNames = request.format === 'csv-excel' ? await auditEventsRepo.actorNames(ctx.db) : undefined;
  const spec = exportFormat(request.format, { actorNames, utcOffsetMinutes: ctx.rulebooks.default.utcOffsetMinutes });
  const slice = await sliceFor(ctx.db, { from, to });
  const total = await auditEventsRepo.countRange(ctx.db, sliceRange(slice, spec));
  const now = ctx.clock.now();
  const { seq } = await ctx.db.transaction().execute((trx) =>
    recordEvent(
      trx,
      ctx.audit,
      {
        action: EXPORT_STARTED,
        data: {
          format: request.format,
          from: from ?? null,
          to: to ?? null,
          throughSeq: slice.throughSeq,
          rows: total,
          ...(request.operator ? { operator: request.operator } : {}),
        },
      },
      now,
    ),
  );
  return { exportId: seq, format: request.format, spec, slice, total, startedAt: now.toISOString() };
}

/** Streams the export, then records what was sent (count, ends, SHA-256) and returns the manifest. */
export async function completeAuditExport(
  ctx: ExportContext,
  job: AuditExportJob,
  sink: Writable,
  onProgress?: (rowsRead: number) => void,
): Promise<AuditExportManifest> {
  const summary = await streamExport(ctx.db, job.slice, job.spec, sink, onProgress);
  await ctx.db
    .transaction()
    .execute((trx) =>
      recordEvent(
        trx,
        ctx.audit,
        { action: EXPORT_COMPLETED, target: { type: 'export', id: job.exportId }, data: summary },
        ctx.clock.now(),
      ),
    );
  return manifestOf(job, summary);
}

function manifestOf(
  job: Pick<AuditExportJob, 'exportId' | 'format' | 'slice' | 'startedAt'>,
  summary: ExportSummary,
): AuditExportManifest {
  return {
    format: job.format,
    range: { from: job.slice.from ?? null, to: job.slice.to ?? null, throughSeq: job.slice.throughSeq },
    count: summary.count,
    skipped: summary.skipped,
    first: summary.first,
    last: summary.last,
    sha256: summary.sha256,
    bytes: summary.bytes,
    exportedAt: job.startedAt,
    exportId: job.exportId,
  };
}

/** The manifest of a finished export, rebuilt from its two audit events (for browser downloads). */
export async function exportManifest(ctx: Pick<ServiceContext, 'db'>, exportId: number): Promise<AuditExportManifest> {
  const started = await auditEventsRepo.bySeq(ctx.db, exportId);
  const completed = await auditEventsRepo.findByTarget(ctx.db, EXPORT_COMPLETED, {
    type: 'export',
    id: String(exportId),
  });
  if (started?.action !== EXPORT_STARTED || !started.data || !completed?.data) throw notFound('export', exportId);
  const request = started.payload as {
    format: AuditExportFormat;
    from: string | null;
    to: string | null;
    throughSeq: number;
  };
  return manifestOf(
    {
      exportId,
      format: request.format,
      slice: {
        from: request.from ?? undefined,
        to: request.to ?? undefined,
        throughSeq: request.throughSeq,
        afterSeq: 0,
      },
      startedAt: started.at,
    },
    completed.payload as ExportSummary,
  );
}
