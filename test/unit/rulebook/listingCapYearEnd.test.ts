/**
 * The counterfeit listing cap across the year end. 《淘宝规则》第五十条（三）: "通過信息層面判斷的,
 * 每件扣2分(3天內不超過12分)"; 第四十五条: "因出售假冒商品扣分累計達到24分及以上的,該年不進行清零,
 * 以24分計入次年". December listing points that survive in the carry-over are still on the record, so
 * they count toward a January listing's 3-day cap; points a reset cleared do not.
 */
import { describe, expect, it } from 'vitest';
import { finding, run, v } from './helpers';

const listing = (id: string, at: string, items: number) => v(id, 'counterfeit', at, { kind: 'listing', items });
const sale = (id: string, at: string) => v(id, 'counterfeit', at, { kind: 'sale' });

describe('the 3-day listing cap across 31 December (第五十条（三）, 第四十五条)', () => {
  it('December listing points carried into January fill the January window: 24, not 36', () => {
    const s = run(
      [sale('s', '2023-12-10'), listing('dec', '2023-12-31T20:00', 6), listing('jan', '2024-01-01T10:00', 6)],
      '2024-01-05',
    );
    expect(s.carried.counterfeit).toBe(24);
    expect(finding(s, 'jan')).toMatchObject({ points: 0, uncappedPoints: 12, outcome: 'correction', year: 2024 });
    expect(s.points.counterfeit).toBe(24);
  });

  it('only what the window still holds: a December listing three days back no longer counts', () => {
    const s = run(
      [sale('s', '2023-12-10'), listing('dec', '2023-12-29T09:00', 6), listing('jan', '2024-01-01T10:00', 6)],
      '2024-01-05',
    );
    expect(finding(s, 'jan')).toMatchObject({ points: 12 });
    expect(s.points.counterfeit).toBe(36);
  });

  it('December points a reset cleared ("違規扣分在每年的12月31日24時清零") do not count', () => {
    const s = run([listing('dec', '2023-12-31T20:00', 6), listing('jan', '2024-01-01T10:00', 6)], '2024-01-05');
    expect(s.carried.counterfeit).toBe(0);
    expect(finding(s, 'jan')).toMatchObject({ points: 12 });
    expect(s.points.counterfeit).toBe(12);
  });

  it('a partly filled window leaves the rest of the 12: 8 in December, 4 in January', () => {
    const s = run(
      [sale('s', '2023-12-10'), sale('t', '2023-12-20'), listing('dec', '2023-12-31T22:00', 4)],
      '2024-01-05',
    );
    expect(s.carried.counterfeit).toBe(24);
    const next = run(
      [
        sale('s', '2023-12-10'),
        sale('t', '2023-12-20'),
        listing('dec', '2023-12-31T22:00', 4),
        listing('jan', '2024-01-02T10:00', 5),
      ],
      '2024-01-05',
    );
    expect(finding(next, 'jan')).toMatchObject({ points: 4, uncappedPoints: 10 });
  });

  it('a sealed ledger kept whole at 48 or more (第四十五条 "48分及以上") keeps its December listings in the window too', () => {
    const s = run(
      [
        sale('a', '2023-11-01'),
        sale('b', '2023-11-10'),
        v('f', 'counterfeit', '2023-12-01', { kind: 'facilitation', serious: true }),
        listing('dec', '2023-12-31T20:00', 6),
        listing('jan', '2024-01-01T10:00', 6),
      ],
      '2024-01-05',
    );
    expect(s.carried.counterfeit).toBe(48);
    expect(finding(s, 'jan')).toMatchObject({ points: 0, uncappedPoints: 12 });
  });

  it('reversing the sale that made the carry-over clears December, so January is charged in full (and stands lower)', () => {
    const history = [
      sale('s', '2023-12-10'),
      listing('dec', '2023-12-31T20:00', 6),
      listing('jan', '2024-01-01T10:00', 6),
    ];
    const reversed = run(history, '2024-01-05', { reversed: ['s'] });
    expect(finding(reversed, 'jan')).toMatchObject({ points: 12 });
    expect(reversed.points.counterfeit).toBe(12);
    expect(run(history, '2024-01-05').points.counterfeit).toBe(24);
  });
});
