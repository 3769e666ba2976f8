import { PLATFORM_UTC_OFFSET_MINUTES } from '../../shared/rulebook';
import { AUDIT_COLUMNS, type AuditEventRow } from '../db/tables/auditEvents.table';
import { csvField } from './csvField';

/**
 * The audit trail for people who open it in Excel (format `csv-excel`): UTF-8 with a byte-order
 * mark, so Excel reads Chinese as Chinese on a double-click; each event's time also in platform
 * time (UTC+8, named in the header) beside the stored UTC time; and each actor's name beside its
 * id. It is a reading copy: a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, CR first) gets a leading `'`, so rows are not re-hashable from it — the `csv` and
 * `ndjson` formats stay the verifiable ones.
 */
export const EXCEL_BOM = '\uFEFF';

const PLATFORM_TIME_HEADER = `at_platform (UTC+${PLATFORM_UTC_OFFSET_MINUTES / 60})`;

const COLUMNS = AUDIT_COLUMNS.flatMap((c) =>
  c === 'at' ? ['at (UTC)', PLATFORM_TIME_HEADER] : c === 'actor_id' ? ['actor_id', 'actor_name'] : [c],
);

export const EXCEL_CSV_HEADER = `${EXCEL_BOM}${COLUMNS.join(',')}\r\n`;

/** `2026-03-02T02:00:00.000Z` → `2026-03-02 10:00:00.000`, a form Excel reads as a date and time. */
export function platformTime(isoUtc: string): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return isoUtc;
  return new Date(ms + PLATFORM_UTC_OFFSET_MINUTES * 60_000).toISOString().replace('T', ' ').replace('Z', '');
}

function cell(value: string | number | null): string {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return csvField(`'${value}`);
  return csvField(value);
}

/** Names by `user:<id>` / `token:<id>`; the system actor has none. */
export type ActorNames = ReadonlyMap<string, string>;

export function excelCsvRow(row: AuditEventRow, actorNames: ActorNames): string {
  const cells: string[] = [];
  for (const column of AUDIT_COLUMNS) {
    cells.push(cell(row[column as keyof AuditEventRow] as string | number | null));
    if (column === 'at') cells.push(cell(platformTime(row.at)));
    if (column === 'actor_id')
      cells.push(cell(row.actor_id === null ? null : (actorNames.get(`${row.actor_type}:${row.actor_id}`) ?? null)));
  }
  return `${cells.join(',')}\r\n`;
}
