/** Input validation (docs/CONTRACTS.md): every bad field is named in one line. */
import { describe, expect, it } from 'vitest';
import {
  checkRulebook,
  DEFAULT_RULE_IDS,
  defaultRulebook,
  parseStandingInput,
  StandingInputError,
} from '../../../shared/rulebook';

const valid = {
  asOf: '2024-02-20T12:00:00+08:00',
  violations: [
    {
      id: 'v1',
      rule: 'fake-transaction',
      at: '2024-01-01T10:00:00+08:00',
      facts: { transactions: 120, items: ['item-1'] },
    },
  ],
  reversed: ['v7'],
};

function withViolation(violation: Record<string, unknown>) {
  return { asOf: valid.asOf, violations: [{ id: 'x', at: '2024-01-01T10:00:00+08:00', ...violation }] };
}

function messageOf(raw: unknown): string {
  try {
    parseStandingInput(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(StandingInputError);
    return (error as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('default rulebook data', () => {
  it('is consistent', () => {
    expect(checkRulebook(defaultRulebook)).toEqual([]);
  });

  it('has the rule ids of the published contract but the 1688 and Kuaishou ones, each with bilingual names and dated versions', () => {
    const elsewhere = ['improper-info-use', 'unfair-competition'];
    expect(defaultRulebook.rules.map((r) => r.id)).toEqual(DEFAULT_RULE_IDS.filter((id) => !elsewhere.includes(id)));
    for (const rule of defaultRulebook.rules) {
      expect(rule.name.zh.length).toBeGreaterThan(0);
      expect(rule.name.en.length).toBeGreaterThan(0);
      for (const version of rule.versions) expect(version.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('labels every measure in both languages', () => {
    for (const [id, m] of Object.entries(defaultRulebook.measures)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(m.label.zh.length * m.label.en.length).toBeGreaterThan(0);
    }
  });

  it('catches a typo in rulebook data', () => {
    const broken = { ...defaultRulebook, measures: { ...defaultRulebook.measures } } as typeof defaultRulebook;
    delete (broken.measures as Record<string, unknown>)['shop-shielded'];
    expect(checkRulebook(broken)).toContain('ledgers.general: unknown measure "shop-shielded"');
  });
});

describe('parseStandingInput', () => {
  it('accepts the published contract example, naming the platform its rule ids decide', () => {
    expect(parseStandingInput(valid)).toEqual({ ...valid, platform: 'taobao' });
  });

  it('defaults missing facts to {} and accepts times without an offset as platform time', () => {
    const parsed = parseStandingInput({
      asOf: '2024-02-01',
      violations: [{ id: 'a', rule: 'false-appeal-evidence', at: '2024-01-01T10:00' }],
    });
    expect(parsed.violations[0]?.facts).toEqual({});
  });

  it.each([
    [{ ...valid, asOf: 'tomorrow' }, 'asOf: expected an ISO 8601 date-time'],
    [{ ...valid, asOf: '2024-02-30T00:00:00+08:00' }, 'asOf: expected an ISO 8601 date-time'],
    [{ violations: [] }, 'asOf: expected an ISO 8601 date-time string'],
    [{ asOf: valid.asOf }, 'violations: expected an array of violations'],
    [withViolation({ rule: 'spam' }), 'violations[0].rule: unknown rule "spam"; expected one of member-rights-abuse'],
    [{ ...valid, platform: 'amazon' }, 'platform: expected one of taobao, xianyu, 1688, kuaishou'],
    [
      { ...valid, platform: 'kuaishou' },
      'violations[0].rule: rule "fake-transaction" is a Taobao rule (platform taobao), not a Kuaishou rule (platform kuaishou)',
    ],
    [
      { asOf: valid.asOf, violations: [valid.violations[0], { id: 'u', rule: 'unfair-competition', at: valid.asOf }] },
      'violations[1].rule: rule "unfair-competition" is a Kuaishou rule (platform kuaishou), but violations[0] ("fake-transaction") is a Taobao rule (platform taobao): a history mixing platforms is refused',
    ],
    [
      withViolation({ rule: 'fake-transaction', facts: {} }),
      'violations[0].facts.transactions: expected an integer ≥ 0',
    ],
    [
      withViolation({ rule: 'fake-transaction', facts: { transactions: 2.5 } }),
      'violations[0].facts.transactions: expected an integer ≥ 0',
    ],
    [
      withViolation({ rule: 'fake-transaction', facts: { transactions: 3, items: 'item-1' } }),
      'violations[0].facts.items: expected an array of strings',
    ],
    [
      withViolation({ rule: 'fake-transaction', facts: { transactions: 3, largescale: true } }),
      'violations[0].facts.largescale: unknown fact for rule "fake-transaction"',
    ],
    [
      withViolation({ rule: 'fake-transaction', facts: { transactions: 3, aggravated: 'yes' } }),
      'violations[0].facts.aggravated: expected true or false',
    ],
    [
      withViolation({ rule: 'counterfeit', facts: { kind: 'gift' } }),
      'violations[0].facts.kind: expected one of listing, sale, facilitation',
    ],
    [
      withViolation({ rule: 'counterfeit', facts: { kind: 'listing' } }),
      'violations[0].facts.items: required when kind is listing',
    ],
    [
      withViolation({ rule: 'unauthorized-product', facts: {} }),
      'violations[0].facts.admission: expected one of product, seller',
    ],
    [
      withViolation({ rule: 'improper-info-use', facts: { measures: ['public-warning', 'jail'] } }),
      'violations[0].facts.measures[1]: unknown measure "jail"',
    ],
    [
      withViolation({ rule: 'improper-info-use', facts: { points: -1 } }),
      'violations[0].facts.points: expected an integer ≥ 0',
    ],
    [
      withViolation({ rule: 'improper-info-use', facts: { step: 'points' } }),
      'violations[0].facts.points: required when step is points',
    ],
    [
      withViolation({ rule: 'counterfeit', id: '', facts: { kind: 'sale' } }),
      'violations[0].id: expected a non-empty string',
    ],
    [{ ...valid, reversed: 'v1' }, 'reversed: expected an array of violation ids'],
  ])('%j → %s', (raw, message) => {
    const text = messageOf(raw);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('rejects duplicate violation ids', () => {
    const raw = { asOf: valid.asOf, violations: [valid.violations[0], valid.violations[0]] };
    expect(messageOf(raw)).toBe('violations[1].id: duplicate violation id "v1"');
  });
});
