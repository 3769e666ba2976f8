/** The year and what survives it (《淘寶規則》第四十五條; docs/MARKETPLACE.md §4). */
import { describe, expect, it } from 'vitest';
import { run, serious, v } from './helpers';

/** 12 counterfeit points without a strike: facilitation in serious circumstances. */
const facilitation12 = (id: string, at: string) => v(id, 'counterfeit', at, { kind: 'facilitation', serious: true });
const counterfeitPoints = (prefix: string, year: number, twelves: number) =>
  Array.from({ length: twelves }, (_, i) => facilitation12(`${prefix}${i}`, `${year}-0${i + 1}-10`));

describe('annual reset at 24:00 on 31 December, platform time', () => {
  const lastMinute = [v('a', 'member-rights-abuse', '2023-12-31T23:59', { points: 12 })];

  it('points of 31 December 23:59 count in that year', () => {
    const s = run(lastMinute, '2023-12-31T23:59');
    expect(s.points.general).toBe(12);
    expect(s.year).toBe(2023);
  });

  it('are gone at 00:00 on 1 January', () => {
    const s = run(lastMinute, '2024-01-01T00:00');
    expect(s.points).toEqual({ general: 0, serious: 0, counterfeit: 0 });
    expect(s.year).toBe(2024);
  });

  it('uses platform time, not UTC: 2023-12-31T16:00Z is already 2024 on the platform', () => {
    const s = run(
      [{ id: 'a', rule: 'member-rights-abuse', at: '2023-12-31T16:00:00Z', facts: { points: 12 } }],
      '2024-01-02',
    );
    expect(s.points.general).toBe(12);
    expect(s.findings[0]?.year).toBe(2024);
  });

  it('a punishment running at the reset runs until its end date ("懲罰還將繼續")', () => {
    const s = run(lastMinute, '2024-01-03T12:00');
    expect(s.points.general).toBe(0);
    expect(s.punishments).toEqual([
      expect.objectContaining({
        node: 12,
        from: '2023-12-31T23:59:00+08:00',
        until: '2024-01-07T23:59:00+08:00',
        active: true,
      }),
    ]);
  });

  it('serious points below 48 reset; 48 or more are kept and the account stays sealed', () => {
    const below = run([serious('a', '2023-06-01', 47)], '2024-01-02');
    expect(below.points.serious).toBe(0);
    const sealed = run([v('a', 'improper-registration', '2023-06-01', { accounts: 3 })], '2025-01-02');
    expect(sealed.points.serious).toBe(48);
    expect(sealed.sealed).toBe(true);
  });
});

describe('counterfeit carry-over ("以24分計入次年")', () => {
  it.each([
    { points2023: 12, expected2024: 0, carried: 0 },
    { points2023: 24, expected2024: 24, carried: 24 },
    { points2023: 36, expected2024: 24, carried: 24 },
  ])('$points2023 points in 2023 → $expected2024 on 1 January 2024', ({ points2023, expected2024, carried }) => {
    const s = run(counterfeitPoints('x', 2023, points2023 / 12), '2024-01-01T00:00');
    expect(s.points.counterfeit).toBe(expected2024);
    expect(s.carried.counterfeit).toBe(carried);
  });

  it('carried 24 plus fewer than 24 new points clear at the end of the next year', () => {
    const history = [...counterfeitPoints('x', 2023, 2), ...counterfeitPoints('y', 2024, 1)];
    expect(run(history, '2024-12-31T23:59').points.counterfeit).toBe(36);
    expect(run(history, '2025-01-01T00:00').points.counterfeit).toBe(0);
  });

  it('the clearing looks at the new points, not the sum: 24 carried + 20 new = 44 still clears', () => {
    const history = [
      ...counterfeitPoints('x', 2023, 2),
      ...Array.from({ length: 10 }, (_, i) =>
        v(`f${i}`, 'counterfeit', `2024-0${(i % 9) + 1}-2${i % 9}`, { kind: 'facilitation' }),
      ),
    ];
    expect(run(history, '2024-12-31T23:59').points.counterfeit).toBe(44);
    expect(run(history, '2025-01-01T00:00').points.counterfeit).toBe(0);
  });

  it('carried 24 plus 24 or more new points reach 48: sealed, and the points stay', () => {
    const history = [...counterfeitPoints('x', 2023, 2), ...counterfeitPoints('y', 2024, 2)];
    const s = run(history, '2025-06-01');
    expect(s.points.counterfeit).toBe(48);
    expect(s.sealed).toBe(true);
    expect(s.punishments).toEqual([
      expect.objectContaining({ ledger: 'counterfeit', node: 48, from: '2024-02-10T10:00:00+08:00', until: null }),
    ]);
  });

  it('a clean year after the clearing starts from 0 again, and a new 24 carries again', () => {
    const history = [
      ...counterfeitPoints('x', 2022, 2),
      ...counterfeitPoints('y', 2023, 1),
      ...counterfeitPoints('z', 2024, 2),
    ];
    expect(run(history, '2024-01-01T00:00').points.counterfeit).toBe(0);
    expect(run(history, '2025-01-01T00:00').points.counterfeit).toBe(24);
  });

  it('48 or more in one year: sealed, and the account stays sealed the following years', () => {
    const s = run(counterfeitPoints('x', 2023, 4), '2026-01-01');
    expect(s.points.counterfeit).toBe(48);
    expect(s.sealed).toBe(true);
  });
});
