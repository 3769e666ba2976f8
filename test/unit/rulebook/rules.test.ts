/** Rule versions (《淘宝规则》第四十七、六十五条 as changed on 2016-08-02), listing without admission, false appeal evidence, reversals. */
import { describe, expect, it } from 'vitest';
import { standing } from '../../../shared/rulebook';
import { finding, run, v } from './helpers';

describe('improper registration changed on 2016-08-02 (《淘宝规则》第四十七条)', () => {
  it.each([
    { at: '2016-08-01T23:59', ledger: 'general', points: 12, version: '1970-01-01', sealed: false },
    { at: '2016-08-02T00:00', ledger: 'serious', points: 48, version: '2016-08-02', sealed: true },
    { at: '2020-05-05T12:00', ledger: 'serious', points: 48, version: '2016-08-02', sealed: true },
  ])('committed $at (platform time) → $points $ledger', ({ at, ledger, points, version, sealed }) => {
    const s = run([v('a', 'improper-registration', at, { accounts: 50 })], '2020-12-31');
    const f = finding(s, 'a');
    expect({ ledger: f.ledger, points: f.points, ruleVersion: f.ruleVersion }).toEqual({
      ledger,
      points,
      ruleVersion: version,
    });
    expect(f.measures).toEqual(['registered-accounts-sealed']);
    expect(s.sealed).toBe(sealed);
  });

  it('the change is judged on platform time: 2016-08-01T16:00Z is already 2 August in UTC+8', () => {
    const s = standing(
      { violations: [{ id: 'a', rule: 'improper-registration', at: '2016-08-01T16:00:00Z', facts: {} }] },
      '2016-09-01T00:00:00+08:00',
    );
    expect(s.findings[0]).toMatchObject({ ledger: 'serious', points: 48 });
  });
});

describe('abuse of member rights (《淘宝规则》第六十五条)', () => {
  it('before 2016-08-02 it is judged as part of old improper registration: 12 general points', () => {
    const f = finding(run([v('a', 'member-rights-abuse', '2016-07-30')], '2016-12-31'), 'a');
    expect(f).toMatchObject({
      ledger: 'general',
      points: 12,
      outcome: 'points',
      ruleVersion: '1970-01-01',
      measures: ['orders-closed'],
    });
    expect(f.basis.en).toContain('improper registration');
  });

  it('from 2016-08-02 it is its own general rule: a warning unless the reviewer gives points', () => {
    const s = run(
      [
        v('a', 'member-rights-abuse', '2016-08-02', { measures: ['identity-verification'] }),
        v('b', 'member-rights-abuse', '2016-09-01', { points: 6 }),
      ],
      '2016-12-31',
    );
    expect(finding(s, 'a')).toMatchObject({
      ledger: 'general',
      points: 0,
      outcome: 'warning',
      ruleVersion: '2016-08-02',
      measures: ['identity-verification'],
    });
    expect(finding(s, 'b')).toMatchObject({ ledger: 'general', points: 6, outcome: 'points' });
  });
});

describe('listing without admission (《淘宝规则》第六十条)', () => {
  it.each([
    { facts: { admission: 'product' }, ledger: 'general', points: 6, measure: 'item-removed' },
    { facts: { admission: 'seller' }, ledger: 'general', points: 12, measure: 'item-removed' },
    { facts: { admission: 'product', serious: true }, ledger: 'serious', points: 6, measure: 'item-deleted' },
    { facts: { admission: 'seller', serious: true }, ledger: 'serious', points: 12, measure: 'item-deleted' },
  ])('$facts → $points $ledger', ({ facts, ledger, points, measure }) => {
    const f = finding(run([v('a', 'unauthorized-product', '2024-01-01', facts)], '2024-01-02'), 'a');
    expect({ ledger: f.ledger, points: f.points, measures: f.measures }).toEqual({
      ledger,
      points,
      measures: [measure],
    });
  });
});

describe('false evidence in an appeal (《淘宝虚假交易认定与处罚细则》)', () => {
  it('the first time is a warning, every later time 6 general points', () => {
    const s = run(
      [
        v('a', 'false-appeal-evidence', '2023-05-01'),
        v('b', 'false-appeal-evidence', '2024-02-01'),
        v('c', 'false-appeal-evidence', '2024-03-01'),
      ],
      '2024-04-01',
    );
    expect(s.findings.map((f) => [f.outcome, f.points, f.ledger])).toEqual([
      ['warning', 0, 'general'],
      ['points', 6, 'general'],
      ['points', 6, 'general'],
    ]);
    expect(s.points.general).toBe(12);
  });

  it('reversing the first makes the second the warning', () => {
    const s = run(
      [v('a', 'false-appeal-evidence', '2024-01-01'), v('b', 'false-appeal-evidence', '2024-02-01')],
      '2024-03-01',
      { reversed: ['a'] },
    );
    expect(s.findings.map((f) => [f.id, f.outcome])).toEqual([['b', 'warning']]);
    expect(s.excluded).toEqual([{ id: 'a', reason: 'reversed' }]);
  });
});

describe('history handling', () => {
  it('reversing a violation removes everything it triggered and renumbers later occurrences', () => {
    const history = [
      v('a', 'fake-transaction', '2024-01-01', { transactions: 10, items: ['A'] }),
      v('b', 'fake-transaction', '2024-01-02', { transactions: 10, items: ['A'] }),
      v('c', 'fake-transaction', '2024-01-03', { transactions: 10, items: ['B'] }),
    ];
    const kept = run(history, '2024-02-01');
    expect(finding(kept, 'c').points).toBe(12);
    const s = run(history, '2024-02-01', { reversed: ['a'] });
    expect(finding(s, 'c')).toMatchObject({ occurrence: 2, points: 0, outcome: 'correction' });
    expect(s.points.general).toBe(0);
    expect(s.punishments).toEqual([]);
    expect(s.demotions.map((d) => [d.item, d.from])).toEqual([
      ['A', '2024-01-02'],
      ['B', '2024-01-03'],
    ]);
  });

  it('unknown reversed ids are ignored (the published contract example reverses an id not in its history)', () => {
    const s = run([v('a', 'false-appeal-evidence', '2024-01-01')], '2024-02-01', { reversed: ['v7'] });
    expect(s.findings).toHaveLength(1);
  });

  it('violations after asOf play no part and are listed as excluded', () => {
    const s = run(
      [v('a', 'counterfeit', '2024-01-01', { kind: 'sale' }), v('b', 'counterfeit', '2024-03-01', { kind: 'sale' })],
      '2024-02-01',
    );
    expect(s.findings.map((f) => f.id)).toEqual(['a']);
    expect(s.excluded).toEqual([{ id: 'b', reason: 'after-as-of' }]);
  });

  it('equal times are ordered by id', () => {
    const s = run(
      [v('b', 'false-appeal-evidence', '2024-01-01'), v('a', 'false-appeal-evidence', '2024-01-01')],
      '2024-02-01',
    );
    expect(s.findings.map((f) => [f.id, f.outcome])).toEqual([
      ['a', 'warning'],
      ['b', 'points'],
    ]);
  });

  it('rejects input it cannot judge with the offending field in the message', () => {
    expect(() => run([v('a', 'no-such-rule', '2024-01-01')], '2024-02-01')).toThrow(
      'violations[0].rule: unknown rule "no-such-rule"',
    );
    expect(() =>
      standing({ violations: [{ id: 'a', rule: 'counterfeit', at: 'yesterday', facts: {} }] }, '2024-01-01'),
    ).toThrow('violations[0].at');
    expect(() =>
      run([v('a', 'false-appeal-evidence', '2024-01-01'), v('a', 'false-appeal-evidence', '2024-01-02')], '2024-02-01'),
    ).toThrow('violations[1].id: duplicate violation id "a"');
    expect(() => standing({ violations: [] }, 'soon')).toThrow('asOf');
  });

  it('an empty history is a clean standing', () => {
    expect(standing({ violations: [] }, '2024-01-01T00:00:00+08:00')).toMatchObject({
      asOf: '2024-01-01T00:00:00+08:00',
      points: { general: 0, serious: 0, counterfeit: 0 },
      findings: [],
      punishments: [],
      demotions: [],
      sealed: false,
    });
  });
});
