import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMessageKey } from '../../../client/features/rulebook/authoring/checkMessages';
import { describeValue } from '../../../client/features/rulebook/authoring/diffValues';
import { setIn } from '../../../client/features/rulebook/authoring/draftEdits';
import { describePlace, splitPath } from '../../../client/features/rulebook/authoring/issuePlaces';
import { zhCN } from '../../../client/i18n/locales/zh-CN';
import { defaultRulebook } from '../../../shared/rulebook/defaultRulebook';
import { parseRulebook } from '../../../shared/rulebook/rulebookSchema';
import type { LocalizedText } from '../../../shared/rulebook/types';

let t: TFunction;
const zh = (text: LocalizedText) => text.zh;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

describe('a place in the draft, in words', () => {
  it('splits a path into keys and indexes', () => {
    expect(splitPath('ledgers.serious.nodes.nodes[1].days')).toEqual([
      'ledgers',
      'serious',
      'nodes',
      'nodes',
      1,
      'days',
    ]);
  });

  it('names the ledger, the node and the field, never the path', () => {
    expect(describePlace(t, zh, defaultRulebook, 'ledgers.serious.nodes.nodes[0].days')).toBe(
      '严重违规 › 第 1 个节点 › 持续天数',
    );
    const r = defaultRulebook.rules.findIndex((rule) => rule.id === 'improper-registration');
    expect(describePlace(t, zh, defaultRulebook, `rules[${r}].versions[1].cases[0].points`)).toBe(
      '不当注册 › 2016-08-02 起施行 › 第 1 档 › 扣分',
    );
  });
});

describe('a changed value, in words', () => {
  it('reads durations, measures and ledgers by their names', () => {
    const rulebooks = [defaultRulebook];
    expect(describeValue(t, zh, rulebooks, 'ledgers.serious.nodes.nodes[0].days', 7)).toBe('7 天');
    expect(describeValue(t, zh, rulebooks, 'ledgers.serious.nodes.nodes[3].days', null)).toBe('永久');
    expect(describeValue(t, zh, rulebooks, 'ledgers.serious.nodes.nodes[3].measures', ['account-sealed'])).toBe(
      '查封账户',
    );
    expect(describeValue(t, zh, rulebooks, 'versions[0].ledger', 'serious')).toBe('严重违规');
    expect(describeValue(t, zh, rulebooks, 'ledgers.serious.nodes.nodes[4]', undefined)).toBe('（无）');
  });
});

describe('the rulebook check, in the staff language', () => {
  it('words what a form can cause', () => {
    const edited = setIn(defaultRulebook, ['ledgers', 'serious', 'nodes', 'nodes', 0, 'days'], '七');
    const parsed = parseRulebook(edited);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual(['ledgers.serious.nodes.nodes[0].days']);
    expect(checkMessageKey(parsed.issues[0]?.message ?? '')).toBe('days');
    expect(checkMessageKey('unknown measure "shop-gone"')).toBe('unknownMeasure');
    expect(checkMessageKey('something new')).toBeUndefined();
  });
});
