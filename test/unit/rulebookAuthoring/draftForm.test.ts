import { describe, expect, it } from 'vitest';
import { getIn, numberFromText, pathKey, setIn } from '../../../client/features/rulebook/authoring/draftEdits';
import { fieldIssues, isLocalDate, publishedVersionsOf } from '../../../client/features/rulebook/authoring/fieldChecks';
import { defaultRulebook } from '../../../shared/rulebook/defaultRulebook';
import type { Rulebook } from '../../../shared/rulebook/types';
import { xianyuRulebook } from '../../../shared/rulebook/xianyuRulebook';

const TODAY = '2026-12-07';
const seriousNode = ['ledgers', 'serious', 'nodes', 'nodes', 0] as const;

describe('editing a draft by path', () => {
  it('names a field the way the server names a refused one', () => {
    expect(pathKey(['rules', 2, 'versions', 1, 'cases', 0, 'points'])).toBe('rules[2].versions[1].cases[0].points');
    expect(pathKey(['ledgers', 'serious', 'yearEnd'])).toBe('ledgers.serious.yearEnd');
  });

  it('changes one value and shares every untouched branch', () => {
    const edited = setIn(xianyuRulebook, [...seriousNode, 'days'], 30);
    expect(getIn(edited, [...seriousNode, 'days'])).toBe(30);
    expect(getIn(xianyuRulebook, [...seriousNode, 'days'])).toBeNull();
    expect(edited.rules).toBe(xianyuRulebook.rules);
    expect(edited.ledgers.general).toBe(xianyuRulebook.ledgers.general);
  });

  it('removes an optional key when given undefined', () => {
    const edited = setIn(xianyuRulebook, ['ledgers', 'serious', 'yearEnd', 'keepAtOrAbove'], undefined);
    expect(edited.ledgers.serious?.yearEnd).toEqual({});
  });

  it('keeps typed text that is not a number, so the check can refuse it at the field', () => {
    expect(numberFromText(' 15 ')).toBe(15);
    expect(numberFromText('')).toBe('');
    expect(numberFromText('7天')).toBe('7天');
  });
});

describe('the checks the editor runs as one types', () => {
  it('finds nothing wrong in the built-in rulebooks', () => {
    expect(fieldIssues(defaultRulebook, publishedVersionsOf(defaultRulebook.rules), TODAY)).toEqual([]);
    expect(fieldIssues(xianyuRulebook, publishedVersionsOf(xianyuRulebook.rules), TODAY)).toEqual([]);
  });

  it('refuses a node duration that is not a whole number of days, at that node', () => {
    const edited = setIn(defaultRulebook, ['ledgers', 'serious', 'nodes', 'nodes', 1, 'days'], '7天');
    expect(fieldIssues(edited, publishedVersionsOf(defaultRulebook.rules), TODAY)).toEqual([
      { path: 'ledgers.serious.nodes.nodes[1].days', key: 'wholeNumber', params: { min: 1 } },
    ]);
    // Permanent is a duration too.
    const permanent = setIn(defaultRulebook, ['ledgers', 'serious', 'nodes', 'nodes', 1, 'days'], null);
    expect(fieldIssues(permanent, publishedVersionsOf(defaultRulebook.rules), TODAY)).toEqual([]);
  });

  it('wants node totals from low to high', () => {
    const edited = setIn(defaultRulebook, ['ledgers', 'serious', 'nodes', 'nodes', 1, 'points'], 12);
    expect(fieldIssues(edited, publishedVersionsOf(defaultRulebook.rules), TODAY)).toEqual([
      { path: 'ledgers.serious.nodes.nodes[1].points', key: 'ascendingNodes' },
    ]);
  });

  it('wants fact descriptions in both languages', () => {
    const r = xianyuRulebook.rules.findIndex((rule) => rule.id === 'xianyu-serious');
    const edited = setIn(xianyuRulebook, ['rules', r, 'facts', 'controlDays', 'description', 'en'], ' ');
    expect(fieldIssues(edited, publishedVersionsOf(xianyuRulebook.rules), TODAY)).toEqual([
      { path: `rules[${r}].facts.controlDays.description.en`, key: 'required' },
    ]);
  });

  it('dates a new version of a rule today or later, after the one before it', () => {
    const rule = xianyuRulebook.rules[0];
    if (!rule) throw new Error('no rule');
    const add = (effectiveFrom: string): Rulebook =>
      setIn(xianyuRulebook, ['rules', 0, 'versions'], [...rule.versions, { ...rule.versions[0], effectiveFrom }]);
    expect(fieldIssues(add('2027-01-01'), publishedVersionsOf(xianyuRulebook.rules), TODAY)).toEqual([]);
    expect(fieldIssues(add('2026-12-01'), publishedVersionsOf(xianyuRulebook.rules), TODAY)).toEqual([
      { path: 'rules[0].versions[1].effectiveFrom', key: 'versionInPast', params: { today: TODAY } },
    ]);
    expect(fieldIssues(add('2026-02-30'), publishedVersionsOf(xianyuRulebook.rules), TODAY)).toEqual([
      { path: 'rules[0].versions[1].effectiveFrom', key: 'date' },
    ]);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });
});
