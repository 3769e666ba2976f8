/** Uploaded file names: kept for people to recognise, never used to decide anything. */

const MAX_NAME = 200;

/** The last path segment without control characters, trimmed and shortened; null when nothing is left. */
export function cleanFileName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim()
    .slice(0, MAX_NAME);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}

/**
 * The name to save a download under: the uploader's name, with the detected type's extension
 * added when it claims another (so "invoice.html" that is really text saves as "invoice.html.txt").
 */
export function downloadName(fileName: string | null, evidenceId: number, extension: string): string {
  const name = fileName ?? `evidence-${evidenceId}`;
  const ext = extension === 'jpg' ? /\.jpe?g$/i : new RegExp(`\\.${extension}$`, 'i');
  return ext.test(name) ? name : `${name}.${extension}`;
}

/**
 * A Content-Disposition header value: an ASCII fallback name for old clients and the exact
 * name in RFC 5987 encoding, so Chinese names survive and no quote or CRLF can break out.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
