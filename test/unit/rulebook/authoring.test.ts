/** The pure half of rulebook authoring: the single check, the diff, and what a new version may change. */
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS, RIGHTS_ABUSE_SPLIT_DATE, rulebookOf } from '../../../shared/rulebook';
import { diffRulebooks, fieldChanges, isEmptyDiff } from '../../../shared/rulebook/diff';
import { parseRulebook } from '../../../shared/rulebook/rulebookSchema';
import { supersedeIssues } from '../../../shared/rulebook/supersede';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
// Drafts are edited as the JSON they are: loosely typed, like the editor's own data.
const taobao = (): any => copy(rulebookOf('taobao'));

describe('parseRulebook, the single check on every write', () => {
  it.each(PLATFORM_IDS)('accepts the built-in rulebook of %s unchanged', (platform) => {
    const parsed = parseRulebook(copy(rulebookOf(platform)));
    expect(parsed.ok && parsed.rulebook).toEqual(copy(rulebookOf(platform)));
  });

  it('names the field of a shape problem', () => {
    const draft = taobao();
    draft.rules[3].versions[0].cases[1].outcome = 'fine';
    draft.ledgers.serious.nodes.nodes[1].days = 2.5;
    draft.utcOffsetMinutes = 9999;
    const parsed = parseRulebook(draft);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((i) => i.path)).toEqual([
      'utcOffsetMinutes',
      'ledgers.serious.nodes.nodes[1].days',
      'rules[3].versions[0].cases[1].outcome',
    ]);
  });

  it('names the field of a consistency problem (checkRulebook) by index, not by rule id and date', () => {
    const draft = taobao();
    const index = draft.rules.findIndex((r: { id: string }) => r.id === 'improper-registration');
    const version = draft.rules[index].versions.findIndex(
      (v: { effectiveFrom: string }) => v.effectiveFrom === RIGHTS_ABUSE_SPLIT_DATE,
    );
    draft.rules[index].versions[version].cases[0].when = { fact: 'no-such-fact', equals: 1 };
    draft.rules.push(copy(draft.rules[0]));
    const parsed = parseRulebook(draft);
    expect(!parsed.ok && parsed.issues).toEqual([
      {
        path: `rules[${index}].versions[${version}].cases[0]`,
        message: 'undeclared fact "no-such-fact"',
      },
      { path: `rules[${draft.rules.length - 1}]`, message: 'duplicate rule id' },
    ]);
  });

  it('refuses unknown fields and non-objects', () => {
    expect(parseRulebook({ ...taobao(), extra: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: 'extra', message: 'unknown field' }],
    });
    expect(parseRulebook('rules')).toMatchObject({ ok: false, issues: [{ path: '' }] });
  });
});

describe('diffRulebooks', () => {
  it('is empty for the same rulebook', () => {
    expect(isEmptyDiff(diffRulebooks(rulebookOf('taobao'), taobao()))).toBe(true);
  });

  it('lists rules added, removed and changed, with each changed field before and after', () => {
    const draft = taobao();
    const removed = draft.rules.shift();
    const added = { ...copy(draft.rules[0]), id: 'new-rule' };
    draft.rules.push(added);
    draft.rules[0].versions[0].cases[0].points = 99;
    draft.rules[0].name.en = 'Renamed';
    draft.ledgers.general.nodes.days = 14;
    const diff = diffRulebooks(rulebookOf('taobao'), draft);
    expect(diff.added).toEqual([{ ruleId: 'new-rule', name: added.name }]);
    expect(diff.removed).toEqual([{ ruleId: removed.id, name: removed.name }]);
    expect(diff.changed).toEqual([
      {
        ruleId: draft.rules[0].id,
        name: draft.rules[0].name,
        fields: [
          { path: 'name.en', before: rulebookOf('taobao').rules[1]?.name.en, after: 'Renamed' },
          {
            path: 'versions[0].cases[0].points',
            before: rulebookOf('taobao').rules[1]?.versions[0]?.cases[0]?.points,
            after: 99,
          },
        ],
      },
    ]);
    expect(diff.other).toEqual([{ path: 'ledgers.general.nodes.days', before: 7, after: 14 }]);
  });

  it('reports a field or list item present on one side only without the other side', () => {
    expect(fieldChanges({ a: [1], b: 1 }, { a: [1, 2], c: 3 })).toEqual([
      { path: 'a[1]', after: 2 },
      { path: 'b', before: 1 },
      { path: 'c', after: 3 },
    ]);
  });
});

describe('supersedeIssues: a version in force can only be superseded', () => {
  const from = '2030-01-01';

  it('allows ledger changes and a new rule version from the publication date', () => {
    const draft = taobao();
    draft.ledgers.general.nodes.days = 14;
    draft.rules[0].versions.push({ ...copy(draft.rules[0].versions.at(-1)), effectiveFrom: from, source: '新版' });
    expect(supersedeIssues(rulebookOf('taobao'), draft, from)).toEqual([]);
  });

  it('refuses editing or removing a version in force, removing a rule, and backdating a new version', () => {
    const edited = taobao();
    edited.rules[1].versions[0].summary.zh = '改写';
    expect(supersedeIssues(rulebookOf('taobao'), edited, from)).toEqual([
      { path: 'rules[1].versions[0].summary.zh', message: expect.stringContaining('cannot be edited') },
    ]);

    const dropped = taobao();
    const gone = dropped.rules.splice(2, 1)[0];
    expect(supersedeIssues(rulebookOf('taobao'), dropped, from)).toEqual([
      { path: 'rules', message: expect.stringContaining(`rule "${gone.id}"`) },
    ]);

    const backdated = taobao();
    backdated.rules[0].versions.push({ ...copy(backdated.rules[0].versions.at(-1)), effectiveFrom: '2029-12-31' });
    const at = backdated.rules[0].versions.length - 1;
    expect(supersedeIssues(rulebookOf('taobao'), backdated, from)).toEqual([
      { path: `rules[0].versions[${at}].effectiveFrom`, message: expect.stringContaining(from) },
    ]);
  });
});
