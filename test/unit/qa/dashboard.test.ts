/** The dashboard's QA section: agreement per reviewer, rule, queue and platform day. */
import { describe, expect, it } from 'vitest';
import { qaAgreement, type ScoredTask } from '../../../shared/qa/dashboard';

const task = (over: Partial<ScoredTask>): ScoredTask => ({
  reviewerId: 1,
  rule: 'counterfeit',
  queueId: 'general',
  agreed: true,
  submittedAt: '2026-03-02T02:00:00.000Z',
  ...over,
});

describe('qaAgreement', () => {
  const days = ['2026-03-01', '2026-03-02'];
  const args = {
    days,
    utcOffsetMinutes: 480,
    nameOf: (id: number) => `审核员${id}`,
    backlog: 3,
    gold: { answered: 0, correct: 0 },
  };

  it('gives rates per reviewer, rule and queue, most scored first', () => {
    const out = qaAgreement(
      [task({}), task({ agreed: false }), task({ reviewerId: 2, rule: 'fake-transaction', queueId: null })],
      args,
    );
    expect(out).toMatchObject({ scored: 3, agreed: 2, backlog: 3 });
    expect(out.rate).toBeCloseTo(2 / 3);
    expect(out.byReviewer).toEqual([
      { key: '1', label: '审核员1', scored: 2, agreed: 1, rate: 0.5 },
      { key: '2', label: '审核员2', scored: 1, agreed: 1, rate: 1 },
    ]);
    expect(out.byRule.map((r) => r.key)).toEqual(['counterfeit', 'fake-transaction']);
    expect(out.byQueue.map((r) => r.key)).toEqual(['general', '']);
  });

  it('counts each verdict on its platform day, with empty days as zeros', () => {
    // 2026-03-01T17:00Z is 01:00 on 2 March in UTC+8; 15:00Z is still 1 March.
    const out = qaAgreement(
      [
        task({ submittedAt: '2026-03-01T17:00:00.000Z' }),
        task({ submittedAt: '2026-03-01T15:00:00.000Z', agreed: false }),
      ],
      { ...args, days: [...days, '2026-03-03'] },
    );
    expect(out.daily).toEqual([
      { day: '2026-03-01', scored: 1, agreed: 0 },
      { day: '2026-03-02', scored: 1, agreed: 1 },
      { day: '2026-03-03', scored: 0, agreed: 0 },
    ]);
  });

  it('reports a zero rate, not NaN, when nothing was scored', () => {
    expect(qaAgreement([], args)).toMatchObject({ scored: 0, agreed: 0, rate: 0, byReviewer: [] });
  });
});
