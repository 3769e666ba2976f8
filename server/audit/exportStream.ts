import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Executor } from '../db/database';
import { type AuditRange, auditEventsRepo } from '../db/repositories/auditEvents.repo';
import type { ExportFormatSpec } from './exportFormats';

/** The slice of the chain an export covers, fixed before the first row is read. */
export interface ExportSlice {
  from?: string;
  to?: string;
  /** Rows appended after the export began are not part of it. */
  throughSeq: number;
  /** Where the walk starts: the row before the first one inside `from`. */
  afterSeq: number;
}

export interface ExportSummary {
  /** Rows written (events, or statements for the DSA export). */
  count: number;
  /** Source events read but not written (DSA: decisions that restrict nothing). */
  skipped: number;
  first: { seq: number; hash: string } | null;
  last: { seq: number; hash: string } | null;
  sha256: string;
  bytes: number;
}

/** The client went away or the file closed before the export finished. */
export class ExportAborted extends Error {
  constructor() {
    super('the export was aborted before it finished');
    this.name = 'ExportAborted';
  }
}

const PAGE_SIZE = 5000;

/** Fixes the slice: the current head bounds it above, and `from` is turned into a sequence number. */
export async function sliceFor(db: Executor, range: { from?: string; to?: string }): Promise<ExportSlice> {
  const head = await auditEventsRepo.head(db);
  const throughSeq = head?.seq ?? 0;
  const firstInRange = range.from ? await auditEventsRepo.firstSeqFrom(db, range.from) : 1;
  return { ...range, throughSeq, afterSeq: firstInRange === null ? throughSeq : firstInRange - 1 };
}

export function sliceRange(slice: ExportSlice, spec: Pick<ExportFormatSpec, 'action'>): AuditRange {
  return {
    afterSeq: slice.afterSeq,
    throughSeq: slice.throughSeq,
    from: slice.from,
    to: slice.to,
    action: spec.action,
  };
}

/** One page of output and where it leaves the walk. */
interface RenderedPage {
  bytes: Buffer;
  /** Source rows read, and rows written (fewer when the format leaves some out). */
  read: number;
  written: number;
  first: { seq: number; hash?: string } | null;
  last: { seq: number; hash?: string } | null;
  /** Where the next page starts (exclusive). */
  nextAfter: number;
}

/**
 * Reads the slice as windows of PAGE_SIZE sequence numbers (`a < seq <= a + PAGE_SIZE`) rather
 * than "the next PAGE_SIZE rows": a bounded primary-key range is planned as an index scan by
 * any planner, even on statistics gone stale after a bulk load (PostgreSQL otherwise chose a
 * scan and sort of the whole rest of the table for every page). An empty window jumps to the
 * next existing row, so a stretch without rows (or one forged huge seq) costs one lookup.
 */
function pageReader(db: Executor, range: AuditRange, spec: ExportFormatSpec) {
  const throughSeq = range.throughSeq ?? 0;
  const windowOf = (afterSeq: number): AuditRange => ({
    ...range,
    afterSeq,
    throughSeq: Math.min(afterSeq + PAGE_SIZE, throughSeq),
  });
  const continueAfter = async (afterSeq: number, read: number): Promise<number> => {
    const windowEnd = Math.min(afterSeq + PAGE_SIZE, throughSeq);
    if (read > 0) return windowEnd;
    const next = await auditEventsRepo.nextSeq(db, windowEnd);
    return next === null ? throughSeq : Math.min(next - 1, throughSeq);
  };

  const render = spec.row;
  if (!render) {
    return async (afterSeq: number): Promise<RenderedPage> => {
      const page = await auditEventsRepo.csvPage(db, windowOf(afterSeq), PAGE_SIZE);
      return {
        bytes: page.bytes,
        read: page.rows,
        written: page.rows,
        first: page.firstSeq === null ? null : { seq: page.firstSeq },
        last: page.lastSeq === null ? null : { seq: page.lastSeq },
        nextAfter: await continueAfter(afterSeq, page.rows),
      };
    };
  }
  return async (afterSeq: number): Promise<RenderedPage> => {
    const rows = await auditEventsRepo.page(db, windowOf(afterSeq), PAGE_SIZE);
    let text = '';
    let written = 0;
    let first: RenderedPage['first'] = null;
    let last: RenderedPage['last'] = null;
    for (const row of rows) {
      const line = render(row);
      if (line === null) continue;
      text += line;
      written += 1;
      first ??= { seq: row.seq, hash: row.hash };
      last = { seq: row.seq, hash: row.hash };
    }
    return {
      bytes: Buffer.from(text, 'utf8'),
      read: rows.length,
      written,
      first,
      last,
      nextAfter: await continueAfter(afterSeq, rows.length),
    };
  };
}

/**
 * Streams a slice of the trail into `sink` one page at a time, hashing as it writes: memory
 * holds two pages (the one being written and the next, already being read), whatever the size
 * of the trail. Honors back-pressure, and stops with ExportAborted when the sink closes early.
 */
export async function streamExport(
  db: Executor,
  slice: ExportSlice,
  spec: ExportFormatSpec,
  sink: Writable,
  onProgress?: (sourceRowsRead: number) => void,
): Promise<ExportSummary> {
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (chunk: Buffer) => {
    if (chunk.length === 0) return;
    hash.update(chunk);
    bytes += chunk.length;
    await writeChunk(sink, chunk);
  };

  const readPage = pageReader(db, sliceRange(slice, spec), spec);
  let count = 0;
  let read = 0;
  let first: RenderedPage['first'] = null;
  let last: RenderedPage['last'] = null;
  let pending: Promise<RenderedPage> | null = slice.afterSeq < slice.throughSeq ? readPage(slice.afterSeq) : null;
  try {
    await write(Buffer.from(spec.header, 'utf8'));
    while (pending) {
      const page: RenderedPage = await pending;
      // Ask for the next page before writing this one: the database reads while we hash and write.
      pending = page.nextAfter < slice.throughSeq ? readPage(page.nextAfter) : null;
      await write(page.bytes);
      count += page.written;
      read += page.read;
      first ??= page.first;
      last = page.last ?? last;
      onProgress?.(read);
    }
  } catch (err) {
    pending?.catch(() => {});
    throw err;
  }
  return {
    count,
    skipped: read - count,
    first: await withHash(db, first),
    last: await withHash(db, last),
    sha256: hash.digest('hex'),
    bytes,
  };
}

/** CSV pages carry only sequence numbers; the manifest wants the hashes of the two ends. */
async function withHash(db: Executor, point: { seq: number; hash?: string } | null) {
  if (!point) return null;
  if (point.hash !== undefined) return { seq: point.seq, hash: point.hash };
  const row = await auditEventsRepo.bySeq(db, point.seq);
  return { seq: point.seq, hash: row?.hash ?? '' };
}

function writeChunk(sink: Writable, chunk: Buffer): Promise<void> {
  if (sink.destroyed || sink.writableEnded) return Promise.reject(new ExportAborted());
  if (sink.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: unknown) => {
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      sink.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAborted());
    const onError = (err: Error) => done(err);
    sink.once('drain', onDrain);
    sink.once('close', onClose);
    sink.once('error', onError);
  });
}
