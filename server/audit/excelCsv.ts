import { auditActionLabel } from '../../shared/audit/events';
import { formatUtcOffset } from '../../shared/rulebook';
import { AUDIT_COLUMNS, type AuditEventRow } from '../db/tables/auditEvents.table';
import { csvField } from './csvField';

/**
 * The audit trail for people who open it in Excel (format `csv-excel`): UTF-8 with a byte-order
 * mark, so Excel reads Chinese as Chinese on a double-click; each event's time also in platform
 * time (the rulebook's offset, named in the header) beside the stored UTC time; each actor's name
 * beside its id; and each action's Chinese name from the event registry beside its code (empty for
 * an action no desk version registered). It is a reading copy: a text cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, CR first) gets a leading `'`, so rows are not re-hashable from it — the `csv` and
 * `ndjson` formats stay the verifiable ones.
 */
export const EXCEL_BOM = '\uFEFF';

/** The header row, naming the platform's offset, e.g. `at_platform (UTC+8)`. */
export function excelCsvHeader(utcOffsetMinutes: number): string {
  const platformTimeHeader = `at_platform (${formatUtcOffset(utcOffsetMinutes)})`;
  const columns = AUDIT_COLUMNS.flatMap((c) =>
    c === 'at'
      ? ['at (UTC)', platformTimeHeader]
      : c === 'actor_id'
        ? ['actor_id', 'actor_name']
        : c === 'action'
          ? ['action', 'action_label']
          : [c],
  );
  return `${EXCEL_BOM}${columns.join(',')}\r\n`;
}

/** `2026-03-02T02:00:00.000Z` → `2026-03-02 10:00:00.000` (UTC+8), a form Excel reads as a date and time. */
export function platformTime(isoUtc: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) return isoUtc;
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().replace('T', ' ').replace('Z', '');
}

function cell(value: string | number | null): string {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return csvField(`'${value}`);
  return csvField(value);
}

/** Names by `user:<id>` / `token:<id>`; the system actor has none. */
export type ActorNames = ReadonlyMap<string, string>;

export function excelCsvRow(row: AuditEventRow, actorNames: ActorNames, utcOffsetMinutes: number): string {
  const cells: string[] = [];
  for (const column of AUDIT_COLUMNS) {
    cells.push(cell(row[column as keyof AuditEventRow] as string | number | null));
    if (column === 'at') cells.push(cell(platformTime(row.at, utcOffsetMinutes)));
    if (column === 'actor_id')
      cells.push(cell(row.actor_id === null ? null : (actorNames.get(`${row.actor_type}:${row.actor_id}`) ?? null)));
    if (column === 'action') cells.push(cell(auditActionLabel(row.action)?.zh ?? null));
  }
  return `${cells.join(',')}\r\n`;
}
