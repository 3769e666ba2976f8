import type { AuditExportFormat } from '../../shared/api/audit';
import { CASE_DECIDED, caseDecidedPayload } from '../../shared/audit/caseDecided';
import { type StatementOptions, toStatementOfReasons } from '../../shared/dsa/statementOfReasons';
import { AUDIT_COLUMNS, type AuditEventRow } from '../db/tables/auditEvents.table';
import { csvField } from './csvField';
import { type ActorNames, EXCEL_CSV_HEADER, excelCsvRow } from './excelCsv';

export const CSV_HEADER = `${AUDIT_COLUMNS.join(',')}\r\n`;

export function csvRow(row: AuditEventRow): string {
  let line = csvField(row.seq);
  for (let i = 1; i < AUDIT_COLUMNS.length; i++) line += `,${csvField(row[AUDIT_COLUMNS[i] as keyof AuditEventRow])}`;
  return `${line}\r\n`;
}

/** One JSON object per line, columns in table order; `data` stays the exact stored text. */
export function ndjsonRow(row: AuditEventRow): string {
  const ordered: Record<string, unknown> = {};
  for (const column of AUDIT_COLUMNS) ordered[column] = row[column];
  return `${JSON.stringify(ordered)}\n`;
}

/**
 * A `case.decided` event as one NDJSON statement of reasons; null when the decision needs none
 * (nothing restricted) or the payload is not a decision payload.
 */
export function dsaRow(row: AuditEventRow, options?: StatementOptions): string | null {
  if (row.action !== CASE_DECIDED || row.data === null) return null;
  const parsed = caseDecidedPayload.safeParse(JSON.parse(row.data));
  if (!parsed.success) return null;
  const statement = toStatementOfReasons(parsed.data, options);
  return statement ? `${JSON.stringify(statement)}\n` : null;
}

export interface ExportFormatSpec {
  contentType: string;
  extension: string;
  header: string;
  /** Only rows with this action are read (the DSA export reads decisions only). */
  action?: string;
  /**
   * Renders one row, or null to leave it out. Absent for CSV, which the database renders a
   * page at a time (auditEventsRepo.csvPage) in exactly `csvRow`'s format, for speed.
   */
  row?: (row: AuditEventRow) => string | null;
}

export function exportFormat(
  format: AuditExportFormat,
  options?: StatementOptions & { actorNames?: ActorNames },
): ExportFormatSpec {
  switch (format) {
    case 'csv':
      return { contentType: 'text/csv; charset=utf-8', extension: 'csv', header: CSV_HEADER };
    case 'csv-excel': {
      const names = options?.actorNames ?? new Map<string, string>();
      return {
        contentType: 'text/csv; charset=utf-8',
        extension: 'excel.csv',
        header: EXCEL_CSV_HEADER,
        row: (row) => excelCsvRow(row, names),
      };
    }
    case 'ndjson':
      return { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ndjson', header: '', row: ndjsonRow };
    case 'dsa':
      return {
        contentType: 'application/x-ndjson; charset=utf-8',
        extension: 'dsa.ndjson',
        header: '',
        action: CASE_DECIDED,
        row: (row) => dsaRow(row, options),
      };
  }
}
