import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeCondition,
  describeDays,
  describePoints,
  describeWhen,
} from '../../../client/features/rulebook/describeRule';
import { en } from '../../../client/i18n/locales/en';
import { zhCN } from '../../../client/i18n/locales/zh-CN';

describe('rulebook conditions and points in words', () => {
  let english: TFunction;
  let chinese: TFunction;

  beforeAll(async () => {
    const i18n = createInstance();
    await i18n.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
    english = i18n.getFixedT('en');
    chinese = i18n.getFixedT('zh-CN');
  });

  it('words the fake-transaction tiers', () => {
    const third = { all: [{ occurrence: { atLeast: 3, atMost: 3 } }, { fact: 'transactions', atLeast: 96 }] };
    expect(describeCondition(english, third)).toBe('Occurrence 3 and transactions ≥ 96');
    expect(describeCondition(chinese, third)).toBe('第 3 次 且 transactions 不少于 96');
    expect(describeCondition(english, { occurrence: { atLeast: 4 } })).toBe('Occurrence 4 or later');
    expect(describeCondition(english, { fact: 'largeScale', equals: true })).toBe('largeScale is yes');
    expect(describeCondition(english, { tagged: { tag: 'large-scale', atLeast: 1, includeCurrent: false } })).toBe(
      '1 or more earlier findings tagged "large-scale"',
    );
  });

  it('words a rulebook setting and its value, not their codes (第四十七条)', () => {
    const literal = { setting: 'bulkRegistrationSeals', equals: 'registered-accounts' } as const;
    expect(describeCondition(english, literal)).toBe(
      'Whom improper registration charges and seals is Only the accounts registered in bulk; temporary measures for the member',
    );
    expect(describeCondition(chinese, literal)).toContain('仅批量注册而成的账户');
    expect(describeCondition(chinese, literal)).not.toContain('registered-accounts');
  });

  it('brackets mixed "and" / "or" and words negation', () => {
    const mixed = {
      any: [
        {
          all: [
            { fact: 'a', equals: 'x' },
            { fact: 'b', below: 2 },
          ],
        },
        { not: { fact: 'c', equals: false } },
      ],
    };
    expect(describeCondition(english, mixed)).toBe('(a is x and b < 2) or not (c is no)');
  });

  it('says when a tier without a condition applies', () => {
    expect(describeWhen(english, null, true)).toBe('Always');
    expect(describeWhen(chinese, null, false)).toBe('其他情形');
  });

  it('words points and durations', () => {
    expect(describePoints(chinese, 48)).toBe('48 分');
    expect(describePoints(english, { perUnit: 'items', each: 2 })).toBe('2 points each (items)');
    expect(describePoints(english, { fromFact: 'points', default: 0 })).toBe("Reviewer's choice (default 0)");
    expect(describeDays(chinese, 7)).toBe('7 天');
    expect(describeDays(english, null)).toBe('Permanent');
    expect(describeDays(english, { fromFact: 'controlDays', default: 7 })).toBe('controlDays days (default 7)');
  });
});
