import { describe, expect, it } from 'vitest';
import { defaultRulebook } from '../../../shared/rulebook/defaultRulebook';
import { xianyuRulebook } from '../../../shared/rulebook/xianyuRulebook';
import { ASCII_PUNCTUATION_BESIDE_HAN } from '../../support/chinesePunctuation';

/** Every `zh` text of a rulebook (names, summaries, bases, fact descriptions), with where it is. */
function chineseTexts(value: unknown, path: string, out: { path: string; text: string }[] = []) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) chineseTexts(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'zh' && typeof v === 'string') out.push({ path, text: v });
      else chineseTexts(v, `${path}.${key}`, out);
    }
  }
  return out;
}

describe('the rulebooks’ Chinese texts', () => {
  for (const book of [defaultRulebook, xianyuRulebook]) {
    it(`use full-width punctuation in ${book.id}, as staff read Chinese`, () => {
      const texts = chineseTexts(book, book.id);
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.filter((t) => ASCII_PUNCTUATION_BESIDE_HAN.test(t.text))).toEqual([]);
    });
  }
});
