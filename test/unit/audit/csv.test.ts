import { describe, expect, it } from 'vitest';
import { csvField } from '../../../server/audit/csvField';
import { CSV_HEADER, csvRow, ndjsonRow } from '../../../server/audit/exportFormats';
import type { AuditEventRow } from '../../../server/db/tables/auditEvents.table';
import { parseCsv } from '../../support/csv';

const awkward: AuditEventRow = {
  seq: 42,
  at: '2026-11-23T01:02:03.004Z',
  actor_type: 'user',
  actor_id: '7',
  action: 'case.decided',
  target_type: 'case',
  target_id: '12,13',
  data: '{"note":"他说：\\"假货\\"，不认","x":1}',
  request_id: '',
  batch_id: null,
  ip: '::1',
  user_agent: 'Mozilla/5.0 "quoted"\r\nsecond line\nthird, with comma 审核台 🙂',
  prev_hash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('CSV fields (RFC 4180)', () => {
  it('quotes every text value and doubles its quotes', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak\n')).toBe('"line\r\nbreak\n"');
    expect(csvField('中文，逗号')).toBe('"中文，逗号"');
  });

  it('keeps NULL apart from the empty string, and numbers bare', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(7)).toBe('7');
  });

  it('round-trips an awkward row through an independent parser, column for column', () => {
    const [header, row, ...rest] = parseCsv(CSV_HEADER + csvRow(awkward));
    expect(rest).toEqual([]);
    expect(header).toEqual(Object.keys(awkward));
    expect(row).toEqual(Object.values(awkward).map((v) => (v === null ? null : String(v))));
  });

  it('ends every row with CRLF, also when a field holds line breaks', () => {
    const text = csvRow(awkward) + csvRow({ ...awkward, seq: 43 });
    expect(parseCsv(text).map((r) => r[0])).toEqual(['42', '43']);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes NDJSON with columns in table order and data as the exact stored text', () => {
    const line = ndjsonRow(awkward);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual(Object.keys(awkward));
    expect(parsed).toEqual(awkward);
  });
});
