import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/locales/en';
import { zhCN } from '../../../client/i18n/locales/zh-CN';
import { ASCII_PUNCTUATION_BESIDE_HAN } from '../../support/chinesePunctuation';

function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.entries(obj).reduce<Record<string, string>>((acc, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') acc[path] = value;
    else Object.assign(acc, flatten(value as object, path));
    return acc;
  }, {});
}

describe('UI translations', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('have the same keys in Simplified Chinese and English', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty strings, and Chinese text in every zh-CN string', () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(english)]) expect(value, key).not.toBe('');
    const untranslated = Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v));
    expect(untranslated).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) expect(vars(english[key] ?? ''), key).toEqual(vars(zh[key] ?? ''));
  });

  it('use full-width punctuation in Chinese text, placeholders aside', () => {
    const mixed = Object.entries(zh).filter(([, v]) => ASCII_PUNCTUATION_BESIDE_HAN.test(v.replace(/{{\w+}}/g, '')));
    expect(mixed).toEqual([]);
  });
});
