/**
 * One RFC 4180 field: text always quoted with its quotes doubled, so commas, quotes, CR/LF and
 * any other character pass through untouched; NULL is an empty unquoted field, so it stays
 * distinct from an empty string (`""`); numbers are bare. Values are never altered otherwise
 * (no spreadsheet-formula escaping), so exported rows can still be re-hashed and verified.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
}
