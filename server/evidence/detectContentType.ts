import { fileTypeFromBuffer } from 'file-type';

/**
 * What evidence files may be. The type always comes from the bytes: a file's name and the
 * uploader's Content-Type are claims, and an attacker's first move is to lie in them.
 */
export const ALLOWED_BINARY_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
export const TEXT_TYPES: Record<string, string> = {
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/json': 'json',
};

export type Detection =
  | { ok: true; contentType: string; extension: string }
  /** `detected` names what the bytes looked like, for the uploader's error message. */
  | { ok: false; detected: string };

export async function detectContentType(bytes: Buffer): Promise<Detection> {
  const magic = await fileTypeFromBuffer(bytes);
  if (magic) {
    const extension = ALLOWED_BINARY_TYPES[magic.mime];
    return extension ? { ok: true, contentType: magic.mime, extension } : { ok: false, detected: magic.mime };
  }
  return detectText(bytes);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Tab, line feed, form feed, carriage return: the only C0 controls text files have. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);
// Other C0 controls and DEL mean binary data (UTF-8 never uses these bytes inside a character).
const hasControlBytes = (bytes: Buffer) => bytes.some((b) => (b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f);

function detectText(bytes: Buffer): Detection {
  if (hasControlBytes(bytes)) return { ok: false, detected: 'application/octet-stream' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, detected: 'application/octet-stream' };
  }
  const start = text.trimStart();
  // Browsers sniff a leading tag as HTML (or SVG/XML, which run script too): never accept markup.
  if (start.startsWith('<')) return { ok: false, detected: 'text/html' };
  if (looksLikeJson(start)) return { ok: true, contentType: 'application/json', extension: 'json' };
  if (looksLikeCsv(text)) return { ok: true, contentType: 'text/csv', extension: 'csv' };
  return { ok: true, contentType: 'text/plain', extension: 'txt' };
}

function looksLikeJson(text: string): boolean {
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Two or more lines with the same number of commas (outside quotes), at least one a line. */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const commas = (line: string) => line.replace(/"[^"]*"/g, '').split(',').length - 1;
  const first = commas(lines[0] ?? '');
  return first > 0 && lines.every((l) => commas(l) === first);
}

/** Whether the browser may show the file in place; everything else is offered as a download. */
export function isInlineImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}
