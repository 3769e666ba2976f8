/**
 * The Taobao ambiguities, each a rulebook setting with a test per value (docs/RULEBOOK.md,
 * "Readings of ambiguous passages"):
 * - whether occurrence counts and three strikes restart each year (`RuleDefinition.counting`,
 *   `StrikePolicy.counting`; the seeds say "累計" and name no period);
 * - whether serious points of 48 or more reset at year end (`YearEndPolicy.keepAtOrAbove`;
 *   "如果已經到達48分以上,包含48分…你不要抱有任何的清零希望");
 * - whom bulk registration charges and seals (`settings.bulkRegistrationSeals`; 《淘宝规则》第四十七条
 *   "對使用軟件、程序方式批量註冊而成的賬戶每次扣48分").
 */
import { describe, expect, it } from 'vitest';
import {
  checkRulebook,
  DEFAULT_RULEBOOK_SETTINGS,
  defaultRulebook,
  type LedgerPolicy,
  type Rulebook,
  type RulebookSettings,
} from '../../../shared/rulebook';
import { fake, finding, run, v } from './helpers';

const withSettings = (settings: Partial<RulebookSettings>): Rulebook => ({ ...defaultRulebook, settings });
const withRuleCounting = (rule: string, counting: 'ever' | 'year'): Rulebook => ({
  ...defaultRulebook,
  rules: defaultRulebook.rules.map((r) => (r.id === rule ? { ...r, counting } : r)),
});
const withLedger = (ledger: 'serious' | 'counterfeit', change: (p: LedgerPolicy) => LedgerPolicy): Rulebook => {
  const policy = defaultRulebook.ledgers[ledger];
  if (!policy) throw new Error(`Taobao keeps no ${ledger} ledger`);
  return { ...defaultRulebook, ledgers: { ...defaultRulebook.ledgers, [ledger]: change(policy) } };
};

describe('whom bulk registration seals (第四十七条), settings.bulkRegistrationSeals', () => {
  const registration = v('r', 'improper-registration', '2024-01-01', {
    accounts: 200,
    measures: ['identity-verification'],
  });

  it('the default is "registering-account", as the desk always read it', () => {
    expect(defaultRulebook.settings).toEqual({ bulkRegistrationSeals: 'registering-account' });
    expect(DEFAULT_RULEBOOK_SETTINGS.bulkRegistrationSeals).toBe('registering-account');
  });

  it('"registering-account": 48 serious points on the member, sealed at the 48 node, its accounts sealed too', () => {
    const s = run([registration], '2024-02-01', {
      rulebook: withSettings({ bulkRegistrationSeals: 'registering-account' }),
    });
    expect(finding(s, 'r')).toMatchObject({ ledger: 'serious', points: 48, outcome: 'points' });
    expect(finding(s, 'r').measures).toEqual(['registered-accounts-sealed', 'identity-verification']);
    expect(s.sealed).toBe(true);
    expect(run([registration], '2024-02-01')).toEqual(s);
  });

  it('"registered-accounts": only the bulk-registered accounts are sealed; the member gets the reviewer\'s temporary measures', () => {
    const s = run([registration], '2024-02-01', {
      rulebook: withSettings({ bulkRegistrationSeals: 'registered-accounts' }),
    });
    expect(finding(s, 'r')).toMatchObject({ points: 0, outcome: 'warning' });
    expect(finding(s, 'r').measures).toEqual(['registered-accounts-sealed', 'identity-verification']);
    expect(s.sealed).toBe(false);
    expect(s.points.serious).toBe(0);
  });

  it('before 2016-08-02 the old 第六十四条 is plain ("每次扣12分") whatever the setting', () => {
    const old = v('o', 'improper-registration', '2015-01-01', { accounts: 20 });
    for (const bulkRegistrationSeals of ['registering-account', 'registered-accounts'] as const) {
      const s = run([old], '2015-02-01', { rulebook: withSettings({ bulkRegistrationSeals }) });
      expect(finding(s, 'o')).toMatchObject({ ledger: 'general', points: 12 });
    }
  });

  it('checkRulebook refuses a value or a setting the engine does not know', () => {
    expect(checkRulebook(withSettings({ bulkRegistrationSeals: 'both' as never }))).toEqual([
      'settings: setting "bulkRegistrationSeals" is one of registering-account, registered-accounts, not "both"',
    ]);
    expect(checkRulebook({ ...defaultRulebook, settings: { sealsEveryone: true } as never })).toEqual([
      'settings: unknown setting "sealsEveryone"',
    ]);
  });
});

describe('whether occurrences restart each year, RuleDefinition.counting', () => {
  // 《淘宝虚假交易认定与处罚细则》: "賣家第三次發生虛假交易行為：若違規交易筆數未達96筆,每次將會以一般違規行為扣12分".
  const history = [fake('a', '2023-03-01', 10), fake('b', '2023-06-01', 10), fake('c', '2024-02-01', 10)];

  it('"ever" (default): the 2024 finding is the third, 12 points', () => {
    expect(defaultRulebook.rules.find((r) => r.id === 'fake-transaction')?.counting).toBe('ever');
    expect(finding(run(history, '2024-03-01'), 'c')).toMatchObject({ occurrence: 3, points: 12 });
  });

  it('"year": the count restarts on 1 January, so it is the first, a correction', () => {
    const s = run(history, '2024-03-01', { rulebook: withRuleCounting('fake-transaction', 'year') });
    expect(finding(s, 'c')).toMatchObject({ occurrence: 1, points: 0, outcome: 'correction' });
  });

  it('checkRulebook refuses any other counting', () => {
    expect(checkRulebook(withRuleCounting('fake-transaction', 'month' as never))).toEqual([
      'rules.fake-transaction: counting is "ever" or "year", not "month"',
    ]);
  });
});

describe('whether three strikes restart each year, StrikePolicy.counting ("三振出局")', () => {
  const sale = (id: string, at: string) => v(id, 'counterfeit', at, { kind: 'sale' });
  const history = [sale('a', '2023-03-01'), sale('b', '2023-06-01'), sale('c', '2024-02-01')];

  it('"ever" (default, "累計達三次的,則將被永久查封賬戶"): the third sale in the next year seals', () => {
    const s = run(history, '2024-03-01');
    expect(s.strikes.counterfeit).toBe(3);
    expect(s.sealed).toBe(true);
  });

  it('"year": strikes restart on 1 January, so the 2024 sale is the first and nothing is sealed', () => {
    const rulebook = withLedger('counterfeit', (p) => ({
      ...p,
      strikes: { ...(p.strikes as NonNullable<LedgerPolicy['strikes']>), counting: 'year' },
    }));
    const s = run(history, '2024-03-01', { rulebook });
    expect(finding(s, 'c').strike).toBe(1);
    expect(s.sealed).toBe(false);
  });

  it('checkRulebook refuses any other counting', () => {
    const rulebook = withLedger('counterfeit', (p) => ({
      ...p,
      strikes: { ...(p.strikes as NonNullable<LedgerPolicy['strikes']>), counting: 'never' as never },
    }));
    expect(checkRulebook(rulebook)).toEqual(['ledgers.counterfeit.strikes: counting is "ever" or "year", not "never"']);
  });
});

describe('whether serious points of 48 or more reset at year end, YearEndPolicy.keepAtOrAbove', () => {
  const history = [v('r', 'improper-registration', '2023-05-01', { accounts: 10 })];

  it('kept (default, keepAtOrAbove 48): the 48 points stand in the next year', () => {
    expect(defaultRulebook.ledgers.serious?.yearEnd.keepAtOrAbove).toBe(48);
    const s = run(history, '2024-03-01');
    expect(s.points.serious).toBe(48);
    expect(s.carried.serious).toBe(48);
    expect(s.sealed).toBe(true);
  });

  it('reset (no keepAtOrAbove): the points clear on 1 January, the seal stays (a permanent punishment)', () => {
    const rulebook = withLedger('serious', (p) => ({ ...p, yearEnd: {} }));
    const s = run(history, '2024-03-01', { rulebook });
    expect(s.points.serious).toBe(0);
    expect(s.sealed).toBe(true);
  });

  it('checkRulebook refuses a threshold that is negative or fractional, and takes 0 (keep every point)', () => {
    for (const keepAtOrAbove of [-1, 2.5]) {
      const rulebook = withLedger('serious', (p) => ({ ...p, yearEnd: { keepAtOrAbove } }));
      expect(checkRulebook(rulebook)).toEqual([
        'ledgers.serious.yearEnd: keepAtOrAbove is a whole number of points, 0 or more',
      ]);
    }
    expect(checkRulebook(withLedger('serious', (p) => ({ ...p, yearEnd: { keepAtOrAbove: 0 } })))).toEqual([]);
  });
});
