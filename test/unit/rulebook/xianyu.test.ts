/** Xianyu's scale (闲鱼扣分规则) expressed in the same rulebook format. */
import { describe, expect, it } from 'vitest';
import { checkRulebook, parseStandingInput, xianyuRulebook } from '../../../shared/rulebook';
import { finding, run, v } from './helpers';

const rulebook = xianyuRulebook;

describe('Xianyu rulebook', () => {
  it('is consistent data', () => {
    expect(checkRulebook(xianyuRulebook)).toEqual([]);
  });

  it('general violation: 2 points, items delisted, no node', () => {
    const s = run([v('a', 'xianyu-general', '2024-01-01'), v('b', 'xianyu-general', '2024-01-02')], '2024-01-05', {
      rulebook,
    });
    expect(s.points.general).toBe(4);
    expect(finding(s, 'a').measures).toEqual(['items-delisted']);
    expect(s.punishments).toEqual([]);
  });

  it('serious violation below 48: 12 points, all items deleted and 7–30 days of control', () => {
    const s = run(
      [v('a', 'xianyu-serious', '2024-01-01', { controlDays: 15 }), v('b', 'xianyu-serious', '2024-03-01')],
      '2024-03-02',
      { rulebook },
    );
    expect(s.points.serious).toBe(24);
    expect(s.punishments.map((p) => [p.measures, p.from.slice(0, 10), p.until?.slice(0, 10), p.trigger])).toEqual([
      [['all-items-deleted', 'account-controlled'], '2024-01-01', '2024-01-16', 'finding'],
      [['all-items-deleted', 'account-controlled'], '2024-03-01', '2024-03-08', 'finding'],
    ]);
    expect(s.sealed).toBe(false);
  });

  it('serious points reaching 48: the shop is banned for good', () => {
    const history = ['01', '02', '03', '04'].map((m) => v(`s${m}`, 'xianyu-serious', `2024-${m}-01`));
    const s = run(history, '2025-06-01', { rulebook });
    expect(s.sealed).toBe(true);
    expect(s.points.serious).toBe(48);
    expect(s.punishments.at(-1)).toMatchObject({
      trigger: 'node',
      node: 48,
      measures: ['shop-banned'],
      until: null,
      finding: 's04',
    });
    // "低於48分" only: the violation that reaches 48 brings the ban, not another spell of control.
    expect(s.punishments.filter((p) => p.trigger === 'finding').map((p) => p.finding)).toEqual(['s01', 's02', 's03']);
  });

  it('major violation: no points, banned for good at once', () => {
    const s = run([v('a', 'xianyu-major', '2024-01-01')], '2024-01-02', { rulebook });
    expect(finding(s, 'a')).toMatchObject({ points: 0, outcome: 'correction' });
    expect(s.points).toEqual({ general: 0, serious: 0 });
    expect(s.sealed).toBe(true);
  });

  it('validates control days against the 7–30 range of the seed', () => {
    const input = {
      asOf: '2024-02-01T00:00:00+08:00',
      violations: [{ id: 'a', rule: 'xianyu-serious', at: '2024-01-01', facts: { controlDays: 45 } }],
    };
    expect(() => parseStandingInput(input, rulebook)).toThrow(
      'violations[0].facts.controlDays: expected an integer between 7 and 30',
    );
  });
});
