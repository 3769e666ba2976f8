import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/metrics/csv';

describe('chart CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const csv = toCsv(
      [
        { header: '名称', value: (r: { name: string; n: number | null }) => r.name },
        { header: 'n', value: (r) => r.n },
      ],
      [
        { name: '杭州悦享, "数码"', n: 3 },
        { name: '=HYPERLINK("x")', n: null },
        { name: '-1', n: Number.NaN },
      ],
    );
    expect(csv.split('\r\n')).toEqual(['名称,n', '"杭州悦享, ""数码""",3', `"'=HYPERLINK(""x"")",`, "'-1,"]);
  });
});
