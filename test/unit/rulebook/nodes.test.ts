/** Node punishments (《淘寶規則》第42/43條) and "only the heaviest is executed". */
import { describe, expect, it } from 'vitest';
import { fake, finding, run, serious, v } from './helpers';

const general = (id: string, at: string, points: number) => v(id, 'member-rights-abuse', at, { points });

const NODE_12 = [
  'shop-shielded',
  'listing-restricted',
  'shop-creation-restricted',
  'site-messages-restricted',
  'community-restricted',
  'public-warning',
];
const NODE_24 = [
  'shop-shielded',
  'items-delisted',
  'listing-restricted',
  'shop-creation-restricted',
  'site-messages-restricted',
  'community-restricted',
  'public-warning',
];
const NODE_36 = ['shop-closed', 'site-messages-restricted', 'community-restricted', 'public-warning'];

describe('serious ledger nodes 12/24/36/48', () => {
  const s = run(
    [
      serious('a', '2024-01-01T10:00', 12),
      serious('b', '2024-02-01T10:00', 12),
      serious('c', '2024-03-01T10:00', 12),
      serious('d', '2024-04-01T10:00', 12),
    ],
    '2024-06-01',
  );

  it.each([
    { node: 12, measures: NODE_12, from: '2024-01-01T10:00:00+08:00', until: '2024-01-08T10:00:00+08:00' },
    { node: 24, measures: NODE_24, from: '2024-02-01T10:00:00+08:00', until: '2024-02-15T10:00:00+08:00' },
    { node: 36, measures: NODE_36, from: '2024-03-01T10:00:00+08:00', until: '2024-03-22T10:00:00+08:00' },
    { node: 48, measures: ['account-sealed'], from: '2024-04-01T10:00:00+08:00', until: null },
  ])('reaching $node: $measures until $until', ({ node, measures, from, until }) => {
    const p = s.punishments.find((x) => x.node === node);
    expect(p).toMatchObject({ ledger: 'serious', node, measures, from, until, trigger: 'node' });
  });

  it('48 seals the account for good', () => {
    expect(s.sealed).toBe(true);
    expect(s.punishments.filter((p) => p.active).map((p) => p.node)).toEqual([48]);
  });

  it('below 48 the account is not sealed', () => {
    const t = run([serious('a', '2024-01-01', 36), serious('b', '2024-03-01', 11)], '2024-06-01');
    expect(t.points.serious).toBe(47);
    expect(t.sealed).toBe(false);
  });
});

describe('general ledger: every 12 points', () => {
  it('each multiple of 12 gives shop shielded, listing restricted and public warning for 7 days', () => {
    const s = run(
      [general('a', '2024-01-01', 12), general('b', '2024-02-01', 6), general('c', '2024-03-01', 6)],
      '2024-06-01',
    );
    expect(s.punishments.map((p) => [p.node, p.from.slice(0, 10), p.until?.slice(0, 10)])).toEqual([
      [12, '2024-01-01', '2024-01-08'],
      [24, '2024-03-01', '2024-03-08'],
    ]);
    expect(s.punishments[1]?.measures).toEqual([
      'shop-shielded',
      'listing-restricted',
      'public-warning',
      'buyer-actions-restricted',
    ]);
  });

  it('points from abuse of member rights add buyer-action restrictions to the next node (第43條); other rules do not', () => {
    const s = run(
      [v('a', 'unauthorized-product', '2024-01-01', { admission: 'seller' }), general('b', '2024-02-01', 12)],
      '2024-06-01',
    );
    expect(s.punishments.map((p) => p.measures.includes('buyer-actions-restricted'))).toEqual([false, true]);
  });
});

describe('heaviest only ("僅執行最重的節點處理")', () => {
  it('one deduction crossing several serious nodes executes only the heaviest', () => {
    const s = run([serious('a', '2024-01-01', 30)], '2024-02-01');
    expect(finding(s, 'a').crossedNodes).toEqual([12, 24]);
    expect(s.punishments).toHaveLength(1);
    expect(s.punishments[0]).toMatchObject({ node: 24, until: '2024-01-15T10:00:00+08:00' });
  });

  it('48 points at once (improper registration since 2016-08-02) crosses all four nodes and only seals', () => {
    const s = run([v('a', 'improper-registration', '2024-01-01', { accounts: 200 })], '2024-02-01');
    expect(finding(s, 'a').crossedNodes).toEqual([12, 24, 36, 48]);
    expect(s.punishments.map((p) => p.node)).toEqual([48]);
    expect(s.sealed).toBe(true);
  });

  it('48 general points at once give one 7-day general node, not four', () => {
    const s = run([fake('a', '2024-01-01', 10, { largeScale: true })], '2024-02-01');
    expect(finding(s, 'a').crossedNodes).toEqual([12, 24, 36, 48]);
    expect(s.punishments.map((p) => [p.ledger, p.node, p.until])).toEqual([
      ['general', 48, '2024-01-08T10:00:00+08:00'],
    ]);
  });

  it('a heavier node falling due while a lighter one runs replaces it from that moment', () => {
    const s = run([serious('a', '2024-01-01', 12), serious('b', '2024-01-04', 12)], '2024-02-01');
    expect(
      s.punishments.map((p) => ({ node: p.node, from: p.from, until: p.until, supersededBy: p.supersededBy })),
    ).toEqual([
      { node: 12, from: '2024-01-01T10:00:00+08:00', until: '2024-01-04T10:00:00+08:00', supersededBy: 'b' },
      { node: 24, from: '2024-01-04T10:00:00+08:00', until: '2024-01-18T10:00:00+08:00', supersededBy: undefined },
    ]);
  });

  it('a lighter node falling due while a heavier one runs is absorbed (across the year reset)', () => {
    const s = run(
      [serious('a', '2023-12-20', 36), serious('b', '2024-01-05', 12), serious('c', '2024-01-15', 12)],
      '2024-02-01',
    );
    expect(finding(s, 'b').nodeOutcome).toBe('absorbed');
    // After the 36 node ends on 10 January, the 24 node of the new year executes normally.
    expect(finding(s, 'c').nodeOutcome).toBe('executed');
    expect(s.punishments.map((p) => [p.node, p.from.slice(0, 10), p.until?.slice(0, 10)])).toEqual([
      [36, '2023-12-20', '2024-01-10'],
      [24, '2024-01-15', '2024-01-29'],
    ]);
  });

  it('a general node falling due while another runs restarts the 7 days (equal weight)', () => {
    const s = run([general('a', '2024-01-01', 12), general('b', '2024-01-03', 12)], '2024-02-01');
    expect(s.punishments.map((p) => [p.node, p.from.slice(0, 10), p.until?.slice(0, 10), p.supersededBy])).toEqual([
      [12, '2024-01-01', '2024-01-03', 'b'],
      [24, '2024-01-03', '2024-01-10', undefined],
    ]);
  });

  it('two deductions at the same instant: the node replaced at once never counts as executed', () => {
    const s = run([serious('a', '2024-01-01', 12), serious('b', '2024-01-01', 12)], '2024-02-01');
    expect(s.punishments.map((p) => p.node)).toEqual([24]);
    expect([finding(s, 'a').nodeOutcome, finding(s, 'b').nodeOutcome]).toEqual(['absorbed', 'executed']);
  });

  it('reversal can split overlapping general nodes apart (docs/RULEBOOK.md, "Reversals")', () => {
    const history = [
      general('a', '2024-01-01', 12),
      general('b', '2024-01-04', 6),
      general('c', '2024-01-07', 6),
      general('d', '2024-01-09', 6),
    ];
    const spans = (reversed: string[]) =>
      run(history, '2024-02-01', { reversed }).punishments.map((p) => [
        p.node,
        p.from.slice(0, 10),
        p.until?.slice(0, 10),
      ]);
    expect(spans([])).toEqual([
      [12, '2024-01-01', '2024-01-07'],
      [24, '2024-01-07', '2024-01-14'],
    ]);
    expect(spans(['b'])).toEqual([
      [12, '2024-01-01', '2024-01-08'],
      [24, '2024-01-09', '2024-01-16'],
    ]);
  });

  it('nodes of different ledgers run side by side', () => {
    const s = run([serious('a', '2024-01-01', 12), general('b', '2024-01-02', 12)], '2024-01-05');
    expect(s.punishments.map((p) => [p.ledger, p.active])).toEqual([
      ['serious', true],
      ['general', true],
    ]);
  });
});
