/**
 * CSV of a chart's data, for "export CSV": RFC 4180 quoting, and cells that a spreadsheet
 * would run as a formula (=, +, -, @ at the start of text) prefixed with an apostrophe.
 */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | null;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');
  return [line(columns.map((c) => c.header)), ...rows.map((r) => line(columns.map((c) => c.value(r))))].join('\r\n');
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
