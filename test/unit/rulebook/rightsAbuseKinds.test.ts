/**
 * Abuse of member rights by kind. 《淘宝规则》第四十三条 (第二十五条 in the older numbering):
 * "若會員因惡意評價或競拍不買被扣分,則在隨後的節點處理中將對其增加限制買家行為的處理" — only points for
 * malicious reviews or bid-and-not-buy add the buyer-action restriction; the other kinds of
 * 《滥用会员权利实施细则》 ("包括但不限于以下情形") do not.
 */
import { describe, expect, it } from 'vitest';
import { FACT_LABELS_BY_RULE, FACT_VALUE_LABELS } from '../../../shared/notices/factLabels';
import {
  defaultRulebook,
  parseStandingInput,
  RIGHTS_ABUSE_KINDS,
  StandingInputError,
  type Violation,
} from '../../../shared/rulebook';
import { run, v } from './helpers';

const abuse = (id: string, at: string, facts: Record<string, unknown>): Violation =>
  v(id, 'member-rights-abuse', at, facts);
const restricted = (measures: readonly string[]) => measures.includes('buyer-actions-restricted');

describe('abuse of member rights: the kind decides the buyer-action restriction (第四十三条)', () => {
  it.each([
    ['malicious-review', true], // "惡意評價"; 细则: "以發起投訴、給予差評等手段威脅他人"
    ['bid-not-buy', true], // "競拍不買"; 细则: "在短時間大量拍下商品不付款"
    ['complaint-extortion', false],
    ['invalid-address', false], // 细则: "惡意使用無效的或不準確的收貨地址"
    ['other-abuse', false],
  ])('12 points for %s: restriction on the next node = %s', (kind, expected) => {
    const s = run([abuse('a', '2024-03-01', { points: 12, kind })], '2024-06-01');
    expect(s.punishments).toHaveLength(1);
    expect(restricted(s.punishments[0]?.measures ?? [])).toBe(expected);
  });

  it('no kind stated: no restriction, since the seed adds it only for those two kinds', () => {
    const s = run([abuse('a', '2024-03-01', { points: 12 })], '2024-06-01');
    expect(s.punishments[0]?.measures).toEqual(['shop-shielded', 'listing-restricted', 'public-warning']);
  });

  it('"在隨後的節點處理中": points below a node wait for the next node of the same year, whatever rule reaches it', () => {
    const s = run(
      [
        abuse('a', '2024-03-01', { points: 6, kind: 'bid-not-buy' }),
        v('b', 'unauthorized-product', '2024-04-01', { admission: 'product' }),
      ],
      '2024-06-01',
    );
    expect(s.punishments.map((p) => [p.finding, restricted(p.measures)])).toEqual([['b', true]]);
  });

  it('a warning (no points) for a malicious review adds nothing: "被扣分" is the condition', () => {
    const s = run(
      [
        abuse('a', '2024-03-01', { kind: 'malicious-review' }),
        v('b', 'unauthorized-product', '2024-04-01', { admission: 'seller' }),
      ],
      '2024-06-01',
    );
    expect(s.findings[0]?.outcome).toBe('warning');
    expect(restricted(s.punishments[0]?.measures ?? [])).toBe(false);
  });

  it('before 2016-08-02 (old 第六十四条, 12 points per time) the kind decides the same way', () => {
    const s = run(
      [abuse('a', '2015-03-01', { kind: 'bid-not-buy' }), abuse('b', '2015-06-01', { kind: 'invalid-address' })],
      '2015-12-01',
    );
    expect(s.findings.map((f) => [f.id, f.points, f.ruleVersion])).toEqual([
      ['a', 12, '1970-01-01'],
      ['b', 12, '1970-01-01'],
    ]);
    expect(s.punishments.map((p) => [p.finding, restricted(p.measures)])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('refuses a kind the rule does not know, listing the kinds', () => {
    const raw = {
      asOf: '2024-06-01T00:00:00+08:00',
      violations: [{ id: 'a', rule: 'member-rights-abuse', at: '2024-03-01T10:00:00+08:00', facts: { kind: 'x' } }],
    };
    expect(() => parseStandingInput(raw)).toThrow(StandingInputError);
    expect(() => parseStandingInput(raw)).toThrow(
      `violations[0].facts.kind: expected one of ${RIGHTS_ABUSE_KINDS.join(', ')}`,
    );
  });

  it('names the fact and every kind in both languages', () => {
    const rule = defaultRulebook.rules.find((r) => r.id === 'member-rights-abuse');
    expect(rule?.facts.kind).toMatchObject({ type: 'enum', values: RIGHTS_ABUSE_KINDS });
    expect(FACT_LABELS_BY_RULE['member-rights-abuse'].kind.zh).toBe('滥用会员权利情形');
    for (const kind of RIGHTS_ABUSE_KINDS) {
      const label = (FACT_VALUE_LABELS as Record<string, { zh: string; en: string }>)[kind];
      expect(label?.zh, kind).toMatch(/\p{Script=Han}/u);
      expect(label?.en, kind).toMatch(/[A-Za-z]/);
    }
  });
});
