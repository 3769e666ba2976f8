/**
 * One rulebook per platform, and the `standing` contract's `platform`: each platform's rules,
 * ledgers and measures, the rule ids deciding the platform when the input names none, and the
 * refusal of a history mixing platforms. The 1688 and Kuaishou rows cite the clause they encode.
 */
import { describe, expect, it } from 'vitest';
import {
  alibaba1688Rulebook,
  checkRulebook,
  DEFAULT_RULE_IDS,
  IMPROPER_INFO_USE_SITUATIONS,
  kuaishouRulebook,
  PLATFORM_IDS,
  type PlatformId,
  parseStandingInput,
  platformOfRule,
  type Rulebook,
  RulebookError,
  rulebookOf,
  ruleIdsOf,
  StandingInputError,
  standing,
  UNFAIR_COMPETITION_SCENES,
  type Violation,
} from '../../../shared/rulebook';
import { finding, run, v } from './helpers';

const asOf = (date: string) => `${date}T23:59:59+08:00`;

describe('each platform has its own rulebook', () => {
  it.each(PLATFORM_IDS)(
    '%s: consistent data, named for its platform, every rule and ledger named in zh and en',
    (p) => {
      const book = rulebookOf(p);
      expect(checkRulebook(book)).toEqual([]);
      expect(book.platform).toBe(p);
      expect(book.utcOffsetMinutes).toBe(480);
      for (const named of [book, ...book.rules, ...Object.values(book.ledgers)]) {
        expect(named.name.zh.length * named.name.en.length).toBeGreaterThan(0);
      }
      expect(ruleIdsOf(p)).toEqual(book.rules.map((r) => r.id));
      for (const id of ruleIdsOf(p)) expect(platformOfRule(id)).toBe(p);
    },
  );

  it('no rule belongs to two platforms, and every rule id of the contract belongs to one', () => {
    const all = PLATFORM_IDS.flatMap((p) => ruleIdsOf(p));
    expect(new Set(all).size).toBe(all.length);
    for (const id of DEFAULT_RULE_IDS) expect(platformOfRule(id)).toBeDefined();
  });

  it.each([
    ['unfair-competition', 'kuaishou'],
    ['improper-info-use', '1688'],
    ['xianyu-general', 'xianyu'],
    ['xianyu-serious', 'xianyu'],
    ['xianyu-major', 'xianyu'],
    ['counterfeit', 'taobao'],
    ['fake-transaction', 'taobao'],
    ['member-rights-abuse', 'taobao'],
    ['spam', undefined],
  ])('rule %s → platform %s', (rule, platform) => {
    expect(platformOfRule(rule)).toBe(platform);
  });

  it("lists each platform's own ledgers: Taobao's three as before, Xianyu's two, 1688's account, Kuaishou's tally", () => {
    const ledgers = (p: PlatformId) => Object.keys(rulebookOf(p).ledgers);
    expect(ledgers('taobao')).toEqual(['general', 'serious', 'counterfeit']);
    expect(ledgers('xianyu')).toEqual(['general', 'serious']);
    expect(ledgers('1688')).toEqual(['account']);
    expect(ledgers('kuaishou')).toEqual(['violation']);
  });
});

describe('the standing contract: which platform judges a history', () => {
  const one: Record<PlatformId, Violation> = {
    taobao: v('a', 'false-appeal-evidence', '2024-01-01'),
    xianyu: v('a', 'xianyu-general', '2024-01-01'),
    '1688': v('a', 'improper-info-use', '2024-01-01', { points: 12 }),
    kuaishou: v('a', 'unfair-competition', '2024-01-01', { points: 12 }),
  };

  it.each(PLATFORM_IDS)('without `platform`, the rule ids decide: %s', (p) => {
    const s = standing({ violations: [one[p]] }, asOf('2024-02-01'));
    expect(s.platform).toBe(p);
    expect(s.rulebook).toBe(rulebookOf(p).id);
    expect(Object.keys(s.points)).toEqual(Object.keys(rulebookOf(p).ledgers));
  });

  it('a named platform judges the history by its rulebook, even an empty one; no rules and no name is Taobao', () => {
    expect(standing({ platform: 'kuaishou', violations: [] }, asOf('2024-02-01'))).toMatchObject({
      platform: 'kuaishou',
      points: { violation: 0 },
    });
    expect(standing({ violations: [] }, asOf('2024-02-01')).platform).toBe('taobao');
    expect(parseStandingInput({ platform: '1688', asOf: asOf('2024-02-01'), violations: [] }).platform).toBe('1688');
  });

  it('refuses a history mixing platforms, naming the first violation that does not fit', () => {
    const mixed = { asOf: asOf('2024-02-01'), violations: [one.taobao, { ...one.kuaishou, id: 'b' }] };
    const expected =
      'violations[1].rule: rule "unfair-competition" is a Kuaishou rule (platform kuaishou), but violations[0] ("false-appeal-evidence") is a Taobao rule (platform taobao)';
    expect(() => standing(mixed, mixed.asOf)).toThrow(RulebookError);
    expect(() => standing(mixed, mixed.asOf)).toThrow(expected);
    expect(() => parseStandingInput(mixed)).toThrow(StandingInputError);
    expect(() => parseStandingInput(mixed)).toThrow(expected);
  });

  it("refuses another platform's rule in a history that names its platform", () => {
    const input = { platform: 'xianyu', asOf: asOf('2024-02-01'), violations: [one['1688']] };
    const expected =
      'violations[0].rule: rule "improper-info-use" is a 1688 rule (platform 1688), not a Xianyu rule (platform xianyu)';
    expect(() => parseStandingInput(input)).toThrow(expected);
    expect(() => standing({ platform: 'xianyu', violations: [one['1688']] }, input.asOf)).toThrow(expected);
  });

  it("given a platform's rulebook, another platform's finding is set aside and moves none of its ledgers", () => {
    const taobao = [v('t', 'counterfeit', '2024-01-05', { kind: 'sale' })];
    const alone = standing({ violations: taobao }, asOf('2024-02-01'), rulebookOf('taobao'));
    const withOthers = standing(
      { violations: [...taobao, { ...one.kuaishou, id: 'k' }, { ...one['1688'], id: 'i' }] },
      asOf('2024-02-01'),
      rulebookOf('taobao'),
    );
    expect(withOthers.excluded).toEqual([
      { id: 'i', reason: 'other-platform' },
      { id: 'k', reason: 'other-platform' },
    ]);
    expect({ ...withOthers, excluded: [] }).toEqual(alone);
  });

  it('the Kuaishou 12 points that once set off Taobao\'s 7-day "shop shielded" node set off nothing', () => {
    const s = standing({ violations: [one.kuaishou] }, asOf('2024-02-01'));
    expect(s.points).toEqual({ violation: 12 });
    expect(s.punishments).toEqual([]);
    expect(finding(s, 'a')).toMatchObject({ ledger: 'violation', crossedNodes: [], nodeOutcome: 'none' });
  });

  it("a 1688 finding lands in 1688's account ledger, never in Taobao's serious ledger", () => {
    const s = standing({ violations: [{ ...one['1688'], facts: { points: 48 } }] }, asOf('2024-02-01'));
    expect(s.points).toEqual({ account: 48 });
    expect(s.sealed).toBe(false);
    expect(s.punishments).toEqual([]);
  });
});

/** 1688《不当获取使用信息处理规则》: "将采取公示警告、账户扣分、经营权限管控直至账户关闭等处理". */
describe('1688: improper acquisition or use of information', () => {
  const judge1688 = (facts: Record<string, unknown>, date = '2024-03-01') =>
    run([v('a', 'improper-info-use', date, facts)], '2024-06-30', { rulebook: alibaba1688Rulebook });

  it.each([
    { facts: {}, clause: '公示警告', outcome: 'warning', points: 0, measures: ['public-warning'], sealed: false },
    {
      facts: { step: 'warning' },
      clause: '公示警告',
      outcome: 'warning',
      points: 0,
      measures: ['public-warning'],
      sealed: false,
    },
    { facts: { points: 12 }, clause: '账户扣分', outcome: 'points', points: 12, measures: [], sealed: false },
    {
      facts: { step: 'points', points: 6 },
      clause: '账户扣分',
      outcome: 'points',
      points: 6,
      measures: [],
      sealed: false,
    },
    {
      facts: { step: 'permission-control' },
      clause: '经营权限管控',
      outcome: 'correction',
      points: 0,
      measures: ['business-permissions-restricted'],
      sealed: false,
    },
    {
      facts: { step: 'permission-control', points: 6 },
      clause: '经营权限管控',
      outcome: 'points',
      points: 6,
      measures: ['business-permissions-restricted'],
      sealed: false,
    },
    {
      facts: { step: 'closure', points: 12 },
      clause: '直至账户关闭',
      outcome: 'points',
      points: 12,
      measures: ['account-closed'],
      sealed: true,
    },
  ])(
    '$facts → "$clause": $outcome, $points points, $measures',
    ({ facts, clause, outcome, points, measures, sealed }) => {
      const s = judge1688(facts);
      const f = finding(s, 'a');
      expect(f.basis.zh).toContain(clause);
      expect({ ledger: f.ledger, outcome: f.outcome, points: f.points, measures: f.measures }).toEqual({
        ledger: 'account',
        outcome,
        points,
        measures,
      });
      expect(s.sealed).toBe(sealed);
      expect(alibaba1688Rulebook.rules[0]?.versions[0]?.source).toContain('《不当获取使用信息处理规则》');
    },
  );

  it.each(IMPROPER_INFO_USE_SITUATIONS)(
    'situation %s is one of the seven the reviewer selects; it is recorded, and the rung decides the outcome',
    (situation) => {
      const input = {
        asOf: asOf('2024-06-30'),
        violations: [{ id: 'a', rule: 'improper-info-use', at: '2024-03-01', facts: { situation, points: 3 } }],
      };
      const s = standing(parseStandingInput(input), input.asOf);
      expect(finding(s, 'a')).toMatchObject({ ledger: 'account', points: 3 });
    },
  );

  it('has exactly the seven situations of the seed, and refuses any other', () => {
    expect(IMPROPER_INFO_USE_SITUATIONS).toHaveLength(7);
    const input = {
      asOf: asOf('2024-06-30'),
      violations: [{ id: 'a', rule: 'improper-info-use', at: '2024-03-01', facts: { situation: 'spam' } }],
    };
    expect(() => parseStandingInput(input)).toThrow('violations[0].facts.situation: expected one of ordered-elsewhere');
  });

  it("offers only 1688's measures: a Taobao node measure is refused", () => {
    const input = {
      asOf: asOf('2024-06-30'),
      violations: [
        { id: 'a', rule: 'improper-info-use', at: '2024-03-01', facts: { points: 3, measures: ['shop-shielded'] } },
      ],
    };
    expect(() => parseStandingInput(input)).toThrow('violations[0].facts.measures[0]: unknown measure "shop-shielded"');
  });

  it('has no node punishments, however many points', () => {
    const s = run(
      [1, 2, 3, 4, 5].map((n) => v(`a${n}`, 'improper-info-use', `2024-0${n}-01`, { points: 24 })),
      '2024-06-30',
      { rulebook: alibaba1688Rulebook },
    );
    expect(s.points).toEqual({ account: 120 });
    expect(s.punishments).toEqual([]);
    expect(s.sealed).toBe(false);
  });

  it('resets the account points at 24:00 on 31 December, platform time', () => {
    const s = run([v('a', 'improper-info-use', '2023-12-31T23:59', { points: 12 })], '2024-01-01', {
      rulebook: alibaba1688Rulebook,
    });
    expect(s.points).toEqual({ account: 0 });
    expect(s.carried).toEqual({ account: 0 });
  });
});

/** 《快手商家/达人不正当竞争的违规治理公告》. */
describe('Kuaishou: unfair competition', () => {
  const judgeKuaishou = (violations: Violation[], date: string, rulebook: Rulebook = kuaishouRulebook) =>
    run(violations, date, { rulebook });

  it.each(UNFAIR_COMPETITION_SCENES)('scene %s is one of the three the announcement lists', (scene) => {
    const s = judgeKuaishou([v('a', 'unfair-competition', '2023-03-01', { scene, points: 6 })], '2023-06-30');
    expect(finding(s, 'a')).toMatchObject({ ledger: 'violation', points: 6, outcome: 'points' });
    expect(finding(s, 'a').basis.zh).toContain('视违规情节的严重程度、违规次数等情况综合判定');
  });

  it('"处扣分、暂停使用购物车、支付违约金…": only the measures the reviewer chose, and no node at any total', () => {
    const s = judgeKuaishou(
      [
        v('a', 'unfair-competition', '2023-03-01', { points: 12, measures: ['shopping-cart-suspended'] }),
        v('b', 'unfair-competition', '2023-04-01', { points: 36, measures: ['liquidated-damages'] }),
        v('c', 'unfair-competition', '2023-05-01', { points: 48 }),
      ],
      '2023-06-30',
    );
    expect(s.points).toEqual({ violation: 96 });
    expect(s.findings.map((f) => [f.id, f.measures, f.occurrence])).toEqual([
      ['a', ['shopping-cart-suspended'], 1],
      ['b', ['liquidated-damages'], 2],
      ['c', [], 3],
    ]);
    expect(s.punishments).toEqual([]);
    expect(s.sealed).toBe(false);
  });

  it.each(['account-banned', 'platform-removal'])(
    '"封禁快手账号……直至清除平台": %s chosen by the reviewer closes the account for good',
    (measure) => {
      const s = judgeKuaishou([v('a', 'unfair-competition', '2023-03-01', { measures: [measure] })], '2023-06-30');
      expect(finding(s, 'a').outcome).toBe('warning');
      expect(s.sealed).toBe(true);
      expect(s.punishments).toEqual([
        expect.objectContaining({ trigger: 'finding', node: 0, measures: [measure], until: null, ledger: 'violation' }),
      ]);
    },
  );

  it('conduct before the campaign of 2022-12-17 is judged under the rules the campaign enforces', () => {
    const s = judgeKuaishou(
      [
        v('a', 'unfair-competition', '2022-12-16T23:59', { points: 6 }),
        v('b', 'unfair-competition', '2022-12-17T00:00', { points: 6 }),
      ],
      '2023-01-01',
    );
    expect(s.findings.map((f) => [f.id, f.ruleVersion, f.points])).toEqual([
      ['a', '1970-01-01', 6],
      ['b', '2022-12-17', 6],
    ]);
  });

  it('a platform reading the campaign date as the start of the rule drops the earlier version, and earlier conduct is refused', () => {
    const rule = kuaishouRulebook.rules[0];
    if (!rule) throw new Error('no rule');
    const campaignOnly: Rulebook = {
      ...kuaishouRulebook,
      rules: [{ ...rule, versions: rule.versions.filter((version) => version.effectiveFrom === '2022-12-17') }],
    };
    expect(checkRulebook(campaignOnly)).toEqual([]);
    expect(() =>
      judgeKuaishou([v('a', 'unfair-competition', '2022-12-16T23:59', { points: 6 })], '2023-01-01', campaignOnly),
    ).toThrow('violations[0].at: rule "unfair-competition" is not in force before 2022-12-17');
  });

  it('names no year end: the points stand from one year to the next', () => {
    const s = judgeKuaishou(
      [
        v('a', 'unfair-competition', '2023-03-01', { points: 12 }),
        v('b', 'unfair-competition', '2024-03-01', { points: 6 }),
      ],
      '2025-01-02',
    );
    expect(s.points).toEqual({ violation: 18 });
    expect(s.carried).toEqual({ violation: 18 });
  });
});
