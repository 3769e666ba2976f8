/** Counterfeits (《淘寶規則》第50條): points per kind, the 3-day listing cap, three strikes. */
import { describe, expect, it } from 'vitest';
import { finding, run, v } from './helpers';

const listing = (id: string, at: string, items: number) => v(id, 'counterfeit', at, { kind: 'listing', items });
const sale = (id: string, at: string, extra = {}) => v(id, 'counterfeit', at, { kind: 'sale', ...extra });

describe('counterfeit points by kind', () => {
  it.each([
    { facts: { kind: 'listing', items: 3 }, points: 6, outcome: 'points', measures: ['item-deleted'] },
    { facts: { kind: 'sale' }, points: 12, outcome: 'points', measures: ['item-deleted'] },
    { facts: { kind: 'facilitation' }, points: 2, outcome: 'points', measures: [] },
    { facts: { kind: 'facilitation', serious: true }, points: 12, outcome: 'points', measures: [] },
    {
      facts: { kind: 'listing', items: 3, special: true },
      points: 0,
      outcome: 'correction',
      measures: ['item-deleted'],
    },
    { facts: { kind: 'sale', special: true }, points: 0, outcome: 'correction', measures: ['item-deleted'] },
  ])('$facts → $points ($outcome)', ({ facts, points, outcome, measures }) => {
    const f = finding(run([v('a', 'counterfeit', '2024-01-01', facts)], '2024-01-02'), 'a');
    expect({ ledger: f.ledger, points: f.points, outcome: f.outcome, measures: f.measures }).toEqual({
      ledger: 'counterfeit',
      points,
      outcome,
      measures,
    });
  });
});

describe('listings: at most 12 points within 3 days ("3天內不超過12分")', () => {
  const s = run(
    [
      listing('a', '2024-01-01T10:00', 4),
      listing('b', '2024-01-02T10:00', 4),
      listing('c', '2024-01-03T10:00', 3),
      listing('d', '2024-01-04T10:01', 1),
      listing('e', '2024-01-09T10:00', 10),
    ],
    '2024-01-31',
  );

  it('charges listings until the 3-day window holds 12, then caps', () => {
    expect(s.findings.map((f) => [f.id, f.points, f.uncappedPoints])).toEqual([
      ['a', 8, undefined],
      ['b', 4, 8],
      ['c', 0, 6],
      ['d', 2, undefined], // 72 hours after a: only b's 4 (and c's 0) remain in the window
      ['e', 12, 20],
    ]);
  });

  it('a listing capped to nothing is a correction (deleted, no points)', () => {
    expect(finding(s, 'c').outcome).toBe('correction');
  });

  it('a single large listing is capped too', () => {
    expect(finding(s, 'e')).toMatchObject({ points: 12, uncappedPoints: 20 });
  });
});

describe('three strikes ("三振出局")', () => {
  // Sales in three different years: the points reset in between and never reach 48.
  const history = [sale('s1', '2023-03-01'), sale('s2', '2024-05-01'), sale('s3', '2025-02-01')];

  it('two actual sales leave the account open', () => {
    const s = run(history, '2025-01-31');
    expect(s.strikes.counterfeit).toBe(2);
    expect(s.sealed).toBe(false);
  });

  it('the third actual sale seals the account for good, whatever the points', () => {
    const s = run(history, '2027-01-01');
    expect(s.points.counterfeit).toBe(0);
    expect(finding(s, 's3').strike).toBe(3);
    expect(s.sealed).toBe(true);
    expect(s.punishments).toEqual([
      expect.objectContaining({
        ledger: 'counterfeit',
        trigger: 'strikes',
        node: 3,
        measures: ['account-sealed'],
        until: null,
        finding: 's3',
      }),
    ]);
  });

  it('listings, facilitation and special cases are not strikes', () => {
    const s = run(
      [
        listing('l', '2024-01-01', 1),
        v('f', 'counterfeit', '2024-02-01', { kind: 'facilitation' }),
        sale('sp', '2024-03-01', { special: true }),
        sale('s', '2024-04-01'),
      ],
      '2024-05-01',
    );
    expect(s.strikes.counterfeit).toBe(1);
    expect(s.findings.map((f) => f.strike)).toEqual([undefined, undefined, undefined, 1]);
  });

  it('a reversed sale is no strike', () => {
    const s = run(history, '2027-01-01', { reversed: ['s2'] });
    expect(s.strikes.counterfeit).toBe(2);
    expect(s.sealed).toBe(false);
  });
});
