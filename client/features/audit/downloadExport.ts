import { type AuditExportFormat, EXPORT_HEADERS } from '../../../shared/api/audit';

export interface ExportRequest {
  format: AuditExportFormat;
  from?: string;
  to?: string;
}

export interface DownloadedExport {
  exportId: number;
  filename: string;
  file: Blob;
}

/** The server refused the export; `code` is its stable error code (FORBIDDEN, BAD_REQUEST…). */
export class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Downloads `GET /api/audit/export` as it streams, reporting progress as lines arrive against
 * the row count the server announces, then hands the file to the browser to save. (Lines are
 * counted, not parsed, so a CSV field holding a line break can run the count slightly ahead.)
 */
export async function downloadExport(
  request: ExportRequest,
  onProgress: (received: number, total: number) => void,
  signal?: AbortSignal,
): Promise<DownloadedExport> {
  const query = new URLSearchParams({ format: request.format });
  if (request.from) query.set('from', request.from);
  if (request.to) query.set('to', request.to);
  // The export is audited: the server takes it only with the desk's header (or a ticket).
  const res = await fetch(`/api/audit/export?${query}`, {
    credentials: 'same-origin',
    headers: { 'x-verdict-csrf': '1' },
    signal,
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ExportRefused(
      res.status,
      body?.error?.code ?? 'INTERNAL_SERVER_ERROR',
      body?.error?.message ?? res.statusText,
    );
  }
  const total = Number(res.headers.get(EXPORT_HEADERS.rows) ?? 0);
  const exportId = Number(res.headers.get(EXPORT_HEADERS.id) ?? 0);
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'verdict-audit';
  const headerLines = request.format === 'csv' || request.format === 'csv-excel' ? 1 : 0;

  const parts: Uint8Array[] = [];
  let lines = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines += 1;
    onProgress(Math.min(Math.max(lines - headerLines, 0), total), total);
  }
  const file = new Blob(parts as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  saveFile(file, filename);
  return { exportId, filename, file };
}

export function saveFile(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; give the browser a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** SHA-256 of the file in hex, or null where the browser offers no WebCrypto (plain http). */
export async function sha256Hex(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
