/** The decision panel's preview: what a proposed finding would add. */
import { describe, expect, it } from 'vitest';
import { previewFinding } from '../../../shared/rulebook';
import { SERIOUS_BY_REVIEWER, serious, taobaoForTests, v } from './helpers';

const asOf = '2024-03-01T12:00:00+08:00';

describe('previewFinding', () => {
  it('shows points, nodes crossed, the punishment it starts and whether it seals', () => {
    const history = { violations: [serious('a', '2024-01-10', 30)] };
    const p = previewFinding(history, asOf, { rule: 'improper-registration', facts: { accounts: 20 } }, taobaoForTests);
    expect(p).toMatchObject({
      ledger: 'serious',
      points: 48,
      outcome: 'points',
      crossedNodes: [36, 48],
      nodeOutcome: 'executed',
      seals: true,
    });
    expect(p.pointsBefore.serious).toBe(30);
    expect(p.pointsAfter.serious).toBe(78);
    expect(p.punishments).toEqual([
      expect.objectContaining({
        ledger: 'serious',
        node: 48,
        measures: ['account-sealed'],
        from: asOf,
        until: null,
        finding: 'proposed',
      }),
    ]);
    expect(p.finding.id).toBe('proposed');
  });

  it('shows the running punishment a heavier node would cut short', () => {
    const history = { violations: [serious('a', '2024-02-28', 12)] };
    const p = previewFinding(history, asOf, { rule: SERIOUS_BY_REVIEWER, facts: { points: 12 } }, taobaoForTests);
    expect(p.punishments.map((x) => [x.node, x.until])).toEqual([[24, '2024-03-15T12:00:00+08:00']]);
    expect(p.endedEarly).toEqual([expect.objectContaining({ node: 12, until: asOf, supersededBy: 'proposed' })]);
    expect(p.seals).toBe(false);
  });

  it('shows demotion days an item would gain', () => {
    const history = { violations: [v('a', 'fake-transaction', '2024-02-20', { transactions: 5, items: ['A'] })] };
    const p = previewFinding(history, asOf, {
      rule: 'fake-transaction',
      facts: { transactions: 5, items: ['A', 'B'] },
    });
    expect(p.outcome).toBe('correction');
    expect(p.demotions.map((d) => [d.item, d.from, d.until, d.addedDays])).toEqual([
      ['A', '2024-02-20', '2024-03-30', 10],
      ['B', '2024-03-01', '2024-03-30', 30],
    ]);
  });

  it('a backdated proposal shows the later findings it would re-judge', () => {
    const history = { violations: [v('a', 'false-appeal-evidence', '2024-02-01')] };
    const p = previewFinding(history, asOf, {
      id: 'a',
      rule: 'false-appeal-evidence',
      at: '2024-01-15T10:00:00+08:00',
      facts: {},
    });
    expect(p.finding.id).toBe('a-2');
    expect(p.outcome).toBe('warning');
    expect(p.changedFindings).toEqual([
      {
        id: 'a',
        before: { ledger: 'general', points: 0, outcome: 'warning' },
        after: { ledger: 'general', points: 6, outcome: 'points' },
      },
    ]);
  });

  it('a proposal that changes nothing else adds nothing else', () => {
    const p = previewFinding({ violations: [] }, asOf, { rule: 'false-appeal-evidence', facts: {} });
    expect(p).toMatchObject({
      outcome: 'warning',
      points: 0,
      punishments: [],
      endedEarly: [],
      removed: [],
      demotions: [],
      seals: false,
      changedFindings: [],
    });
  });
});
