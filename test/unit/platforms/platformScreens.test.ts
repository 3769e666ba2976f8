import { describe, expect, it } from 'vitest';
import { ruleMeasureIds } from '../../../client/features/case/decision/ruleMeasures';
import { describeMatch } from '../../../client/features/queueAdmin/describeMatch';
import { routingFormOf, validateRoutingForm } from '../../../client/features/queueAdmin/routingForm';
import {
  isRuleOfPlatform,
  measureOf,
  platformName,
  platformParam,
  ruleIdsFor,
  ruleNameOf,
  rulesOffPlatforms,
  subjectPlatform,
} from '../../../client/lib/platforms';

describe('the platform a screen shows for a subject', () => {
  it('is the one the server names', () => {
    expect(subjectPlatform({ id: 'S-1', name: null, platform: 'kuaishou' })).toBe('kuaishou');
    expect(subjectPlatform({ id: 'S-2', platform: '1688' })).toBe('1688');
  });

  it('is Taobao for a subject sent without one (every subject before platforms traded there)', () => {
    expect(subjectPlatform({ id: 'S-3', name: '某店铺' })).toBe('taobao');
    expect(subjectPlatform({ id: 'S-4', platform: 'douyin' })).toBe('taobao');
  });

  it('is named in the staff’s language, never by its id', () => {
    expect(platformName('xianyu', 'zh-CN')).toBe('闲鱼');
    expect(platformName('kuaishou', 'zh-CN')).toBe('快手');
    expect(platformName('kuaishou', 'en')).toBe('Kuaishou');
    expect(platformName('taobao', 'en-GB')).toBe('Taobao');
  });

  it('reads a platform from the URL or a select, anything else meaning every platform', () => {
    expect(platformParam('1688')).toBe('1688');
    expect(platformParam('')).toBe('');
    expect(platformParam(null)).toBe('');
    expect(platformParam('Taobao')).toBe('');
  });
});

describe('the rules a platform’s menus offer', () => {
  it('are that platform’s own rules only', () => {
    expect(ruleIdsFor(['xianyu'])).toEqual(['xianyu-general', 'xianyu-serious', 'xianyu-major']);
    expect(ruleIdsFor(['kuaishou'])).toEqual(['unfair-competition']);
    expect(ruleIdsFor(['1688'])).toEqual(['improper-info-use']);
    const taobao = ruleIdsFor(['taobao']);
    expect(taobao).toContain('counterfeit');
    expect(taobao).not.toContain('unfair-competition');
    expect(taobao).not.toContain('improper-info-use');
    expect(taobao.some((id) => id.startsWith('xianyu-'))).toBe(false);
  });

  it('are every platform’s, each once, when no platform is chosen', () => {
    const all = ruleIdsFor([]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of ['counterfeit', 'unfair-competition', 'improper-info-use', 'xianyu-major'])
      expect(all).toContain(id);
    // In platform order (Taobao, Xianyu, 1688, Kuaishou), whatever order they were chosen in.
    expect(ruleIdsFor(['kuaishou', 'xianyu'])).toEqual([
      'xianyu-general',
      'xianyu-serious',
      'xianyu-major',
      'unfair-competition',
    ]);
  });

  it('decide whether a case can be decided for the subject’s platform', () => {
    expect(isRuleOfPlatform('unfair-competition', 'kuaishou')).toBe(true);
    expect(isRuleOfPlatform('unfair-competition', 'taobao')).toBe(false);
    expect(isRuleOfPlatform('xianyu-general', 'xianyu')).toBe(true);
    expect(isRuleOfPlatform('counterfeit', 'xianyu')).toBe(false);
  });

  it('name each rule as its own platform’s rulebook does', () => {
    expect(ruleNameOf('unfair-competition')?.zh).toBe('不正当竞争');
    expect(ruleNameOf('xianyu-general')?.zh).toMatch(/闲鱼|一般/);
    expect(ruleNameOf('no-such-rule')).toBeUndefined();
  });

  it('list the rules that no chosen platform judges by', () => {
    expect(rulesOffPlatforms(['counterfeit', 'unfair-competition'], ['kuaishou'])).toEqual(['counterfeit']);
    expect(rulesOffPlatforms(['counterfeit', 'unfair-competition'], ['kuaishou', 'taobao'])).toEqual([]);
    expect(rulesOffPlatforms(['counterfeit'], [])).toEqual([]);
  });
});

describe('a routing rule by platform', () => {
  const queues = new Set(['general', 'kuaishou-team']);
  const form = { ...routingFormOf(null, 'kuaishou-team') };

  it('saves the chosen platforms as a condition, and none as any platform', () => {
    expect(validateRoutingForm({ ...form, platforms: ['kuaishou'] }, queues).match).toEqual({
      platforms: ['kuaishou'],
    });
    expect(validateRoutingForm(form, queues).match).toEqual({});
  });

  it('refuses a rule of no chosen platform, which could never match', () => {
    expect(validateRoutingForm({ ...form, platforms: ['kuaishou'], rules: ['counterfeit'] }, queues)).toEqual({
      errors: { rules: 'platforms.routing.rulesOffPlatform' },
    });
    expect(
      validateRoutingForm({ ...form, platforms: ['kuaishou'], rules: ['unfair-competition'] }, queues).match,
    ).toEqual({ platforms: ['kuaishou'], rules: ['unfair-competition'] });
  });

  it('reads a stored rule’s platforms back into the form', () => {
    const stored = { id: 1, position: 0, queueId: 'general', match: { platforms: ['xianyu' as const] }, enabled: true };
    expect(routingFormOf(stored, 'general').platforms).toEqual(['xianyu']);
  });

  it('is described by platform name first', () => {
    const t = ((key: string, options?: { list?: string; defaultValue?: string }) =>
      options?.list !== undefined ? `${key}(${options.list})` : (options?.defaultValue ?? key)) as never;
    expect(describeMatch({ platforms: ['kuaishou', 'xianyu'], rules: ['unfair-competition'] }, t, 'zh-CN')).toEqual([
      'platforms.routing.condition(快手或闲鱼)',
      'queues.routing.condition.rules(不正当竞争)',
    ]);
  });
});

describe('the measures a decision form offers', () => {
  const rulebook = ['public-warning', 'account-sealed', 'shopping-cart-suspended', 'account-banned'];
  const version = (measures: string[]) => ({ measures }) as never;

  it('are the rule’s own, in the rulebook’s order, across its versions', () => {
    const rule = { versions: [version(['account-banned', 'shopping-cart-suspended']), version(['public-warning'])] };
    expect(ruleMeasureIds(rule, rulebook)).toEqual(['public-warning', 'shopping-cart-suspended', 'account-banned']);
  });

  it('are the whole rulebook’s when the rule lists none', () => {
    expect(ruleMeasureIds({ versions: [version([])] }, rulebook)).toEqual(rulebook);
    expect(ruleMeasureIds(undefined, rulebook)).toEqual(rulebook);
  });
});

describe('a measure on a page of every platform’s subjects', () => {
  it('is named by the rulebook that has it', () => {
    expect(measureOf('shop-banned')).toMatchObject({ label: { zh: '店铺永久停封' }, seals: true });
    expect(measureOf('shopping-cart-suspended')?.label.zh).toBe('暂停使用购物车');
    expect(measureOf('no-such-measure')).toBeUndefined();
  });
});
