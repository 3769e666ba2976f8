import { type CsvColumn, toCsv } from '../../../shared/metrics/csv';

/**
 * Saves a chart's rows as a CSV file, built in the browser from the data the chart shows.
 * The byte-order mark makes spreadsheet programs read the Chinese text as UTF-8.
 */
export function downloadCsv<Row>(fileName: string, columns: readonly CsvColumn<Row>[], rows: readonly Row[]): void {
  const blob = new Blob([`\uFEFF${toCsv(columns, rows)}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has handed the blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
