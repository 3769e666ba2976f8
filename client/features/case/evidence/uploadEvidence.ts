import { EVIDENCE_MAX_BYTES } from '../../../../shared/api/evidenceData';

export type UploadOutcome =
  | { ok: true; evidenceId: number; sha256: string }
  | { ok: false; problem: 'tooLarge' | 'unsupported' | 'empty' | 'forbidden' | 'failed'; detail?: string };

/**
 * Sends the file as the raw request body; the server detects its type from the bytes, so the
 * browser's guess is not sent. The name only labels it.
 */
export async function uploadEvidenceFile(caseId: number, file: File): Promise<UploadOutcome> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  const query = new URLSearchParams({ fileName: file.name });
  let res: Response;
  try {
    res = await fetch(`/api/cases/${caseId}/evidence?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      // The desk's CSRF header: cookie-authenticated writes carry it (server/http/csrf.ts).
      headers: { 'content-type': 'application/octet-stream', 'x-verdict-csrf': '1' },
      body: file,
    });
  } catch {
    return { ok: false, problem: 'failed' };
  }
  const body = await res.json().catch(() => null);
  if (res.ok) return { ok: true, evidenceId: body.evidenceId, sha256: body.sha256 };
  const error = body?.error ?? {};
  if (res.status === 413) return { ok: false, problem: 'tooLarge' };
  if (res.status === 415) return { ok: false, problem: 'unsupported', detail: error.detected };
  if (error.reason === 'empty_file') return { ok: false, problem: 'empty' };
  if (res.status === 401 || res.status === 403) return { ok: false, problem: 'forbidden' };
  return { ok: false, problem: 'failed', detail: error.message };
}
