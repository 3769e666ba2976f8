import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../shared/api/intake';
import { PLATFORM_IDS, platformOfRule, ruleIdsOf } from '../../../shared/rulebook/platforms';

describe('the rule ids intake accepts', () => {
  it('are exactly every platform own rules, each owned by one platform', () => {
    const owned = PLATFORM_IDS.flatMap(ruleIdsOf);
    expect([...RULE_IDS].sort()).toEqual([...owned].sort());
    expect(new Set(owned).size).toBe(owned.length);
    for (const rule of RULE_IDS) expect(platformOfRule(rule), rule).toBeDefined();
  });

  it('start with a Taobao rule, the platform of a subject reported without one', () => {
    expect(platformOfRule(RULE_IDS[0])).toBe('taobao');
  });
});
