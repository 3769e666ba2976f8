/** Fake transactions tier by tier (docs/MARKETPLACE.md §5), and the 39-day rolling demotion. */
import { describe, expect, it } from 'vitest';
import { fake, finding, run } from './helpers';

/** n-1 earlier small occurrences (corrections or 12s), then the one under test. */
function nth(n: number, transactions: number, extra: Record<string, boolean> = {}) {
  const earlier = Array.from({ length: n - 1 }, (_, i) => fake(`p${i + 1}`, `2024-01-0${i + 1}`, 10));
  return run([...earlier, fake('x', '2024-01-20', transactions, extra)], '2024-01-31');
}

describe('fake-transaction tiers (《淘宝虚假交易认定与处罚细则》 items 1–4)', () => {
  it.each([
    { occurrence: 1, transactions: 95, ledger: 'general', points: 0, outcome: 'correction' },
    { occurrence: 1, transactions: 96, ledger: 'general', points: 12, outcome: 'points' },
    { occurrence: 2, transactions: 10, ledger: 'general', points: 0, outcome: 'correction' },
    { occurrence: 2, transactions: 200, ledger: 'general', points: 12, outcome: 'points' },
    { occurrence: 3, transactions: 95, ledger: 'general', points: 12, outcome: 'points' },
    { occurrence: 3, transactions: 96, ledger: 'general', points: 48, outcome: 'points' },
    { occurrence: 4, transactions: 1, ledger: 'general', points: 48, outcome: 'points' },
    { occurrence: 4, transactions: 500, ledger: 'general', points: 48, outcome: 'points' },
    { occurrence: 5, transactions: 1, ledger: 'general', points: 48, outcome: 'points' },
  ])(
    'occurrence $occurrence with $transactions transactions → $points $ledger ($outcome)',
    ({ occurrence, transactions, ledger, points, outcome }) => {
      const f = finding(nth(occurrence, transactions), 'x');
      expect(f.occurrence).toBe(occurrence);
      expect({ ledger: f.ledger, points: f.points, outcome: f.outcome }).toEqual({ ledger, points, outcome });
    },
  );

  it('large-scale faking is 48 general points whatever the count ("不論次數和筆數")', () => {
    const f = finding(nth(1, 5, { largeScale: true }), 'x');
    expect({ ledger: f.ledger, points: f.points }).toEqual({ ledger: 'general', points: 48 });
    expect(f.tags).toEqual(['serious-circumstances', 'large-scale']);
  });

  it('the first two small occurrences are corrections but still count as occurrences', () => {
    const s = run(
      [fake('a', '2024-01-01', 10), fake('b', '2024-01-02', 10), fake('c', '2024-01-03', 10)],
      '2024-01-31',
    );
    expect(s.findings.map((f) => [f.occurrence, f.points, f.outcome])).toEqual([
      [1, 0, 'correction'],
      [2, 0, 'correction'],
      [3, 12, 'points'],
    ]);
  });

  it('counts occurrences over the whole history, not per year (the seed sets no period)', () => {
    const s = run(
      [fake('a', '2022-03-01', 10), fake('b', '2023-03-01', 10), fake('c', '2024-03-01', 10)],
      '2024-03-31',
    );
    expect(finding(s, 'c').occurrence).toBe(3);
    expect(finding(s, 'c').points).toBe(12);
  });
});

describe('fake-transaction serious ledger (《淘宝虚假交易认定与处罚细则》 item 5, "優先執行第5項")', () => {
  it('a: the third "serious circumstances" finding is 48 serious points', () => {
    // 3rd with ≥96 (serious #1), 4th (serious #2), 5th (serious #3 → serious ledger).
    const s = run(
      [
        fake('a', '2024-01-01', 10),
        fake('b', '2024-01-02', 10),
        fake('c', '2024-01-03', 100),
        fake('d', '2024-01-04', 10),
        fake('e', '2024-01-05', 10),
      ],
      '2024-01-31',
    );
    expect(s.findings.map((f) => `${f.id}:${f.points}${f.ledger[0]}`)).toEqual([
      'a:0g',
      'b:0g',
      'c:48g',
      'd:48g',
      'e:48s',
    ]);
    expect(s.points).toEqual({ general: 96, serious: 48, counterfeit: 0 });
    expect(s.sealed).toBe(true);
  });

  it('b: large-scale faking again after a large-scale finding is 48 serious', () => {
    const s = run(
      [fake('a', '2024-01-01', 10, { largeScale: true }), fake('b', '2024-02-01', 10, { largeScale: true })],
      '2024-03-01',
    );
    expect([finding(s, 'a').ledger, finding(s, 'b').ledger]).toEqual(['general', 'serious']);
    expect(finding(s, 'b').points).toBe(48);
  });

  it('b needs an earlier large-scale finding: a large count alone after one is not "again"', () => {
    const s = run([fake('a', '2024-01-01', 10, { largeScale: true }), fake('b', '2024-02-01', 500)], '2024-03-01');
    expect({ ledger: finding(s, 'b').ledger, points: finding(s, 'b').points }).toEqual({
      ledger: 'general',
      points: 12,
    });
  });

  it.each([['aggravated'], ['providesService']])('%s on a first, small occurrence is 48 serious', (flag) => {
    const f = finding(nth(1, 3, { [flag]: true }), 'x');
    expect({ ledger: f.ledger, points: f.points, outcome: f.outcome }).toEqual({
      ledger: 'serious',
      points: 48,
      outcome: 'points',
    });
  });

  it('where large-scale (item 4) and aggravated (item 5) both apply, the serious rule wins', () => {
    const f = finding(nth(1, 3, { largeScale: true, aggravated: true }), 'x');
    expect({ ledger: f.ledger, points: f.points }).toEqual({ ledger: 'serious', points: 48 });
    expect(f.tags).toContain('large-scale');
  });
});

describe('search demotion per item (《淘宝虚假交易认定与处罚细则》: "降權時間滾動計算")', () => {
  it('findings on 1, 2 and 10 January demote the item from 1 January to 8 February: 39 days', () => {
    const s = run(
      [
        fake('a', '2024-01-01', 10, { items: ['A'] }),
        fake('b', '2024-01-02', 10, { items: ['A'] }),
        fake('c', '2024-01-10', 10, { items: ['A'] }),
      ],
      '2024-02-20',
    );
    expect(s.demotions).toEqual([
      { item: 'A', from: '2024-01-01', until: '2024-02-08', days: 39, findings: ['a', 'b', 'c'], active: false },
    ]);
  });

  it('one finding demotes each item 30 days including its own day; windows that do not touch stay apart', () => {
    const s = run(
      [fake('a', '2024-01-01', 10, { items: ['A', 'B'] }), fake('b', '2024-03-01', 10, { items: ['A'] })],
      '2024-03-05',
    );
    expect(s.demotions.map(({ item, from, until, days, active }) => ({ item, from, until, days, active }))).toEqual([
      { item: 'A', from: '2024-01-01', until: '2024-01-30', days: 30, active: false },
      { item: 'A', from: '2024-03-01', until: '2024-03-30', days: 30, active: true },
      { item: 'B', from: '2024-01-01', until: '2024-01-30', days: 30, active: false },
    ]);
  });

  it('a window starting the day after another ends continues it', () => {
    const s = run(
      [fake('a', '2024-01-01', 10, { items: ['A'] }), fake('b', '2024-01-31', 10, { items: ['A'] })],
      '2024-03-31',
    );
    expect(s.demotions.map((d) => [d.from, d.until, d.days])).toEqual([['2024-01-01', '2024-02-29', 60]]);
  });

  it('uses the platform-local day: 23:30 UTC on 31 Dec is 1 January in UTC+8', () => {
    const s = run(
      [{ id: 'a', rule: 'fake-transaction', at: '2023-12-31T23:30:00Z', facts: { transactions: 1, items: ['A'] } }],
      '2024-02-01',
    );
    expect(s.demotions[0]).toMatchObject({ from: '2024-01-01', until: '2024-01-30' });
    expect(s.findings[0]?.year).toBe(2024);
  });
});
