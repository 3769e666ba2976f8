/**
 * What a draft changes against the rulebook it will replace, rule by rule: rules added, rules
 * removed, and for each changed rule the fields that differ with their values before and after.
 * Changes outside the rules (ledgers and their nodes, year end, measures, appeals, four-eyes,
 * settings) are listed apart. Pure: the drafts page, the `rulebook.published` message and the
 * tests all read the same list.
 */
import { formatPath } from './schema';
import type { LocalizedText, Rulebook } from './types';

/** One differing field; `before`/`after` absent when the field is not there on that side. */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface RuleRef {
  ruleId: string;
  name: LocalizedText;
}

export interface RulebookDiff {
  added: RuleRef[];
  removed: RuleRef[];
  changed: (RuleRef & { fields: FieldChange[] })[];
  other: FieldChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffValues(before: unknown, after: unknown, path: (string | number)[], out: FieldChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push({ path: formatPath([...path, i]), after: after[i] });
      else if (i >= after.length) out.push({ path: formatPath([...path, i]), before: before[i] });
      else diffValues(before[i], after[i], [...path, i], out);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    for (const key of keys) {
      const inBefore = Object.hasOwn(before, key) && before[key] !== undefined;
      const inAfter = Object.hasOwn(after, key) && after[key] !== undefined;
      if (!inBefore && !inAfter) continue;
      if (!inBefore) out.push({ path: formatPath([...path, key]), after: after[key] });
      else if (!inAfter) out.push({ path: formatPath([...path, key]), before: before[key] });
      else diffValues(before[key], after[key], [...path, key], out);
    }
    return;
  }
  if (before !== after) out.push({ path: formatPath(path), before, after });
}

/** The field changes from `before` to `after`, leaves first-to-last in document order. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  diffValues(before, after, [], out);
  return out;
}

/** `draft` against `current`, rule by rule (rules matched by id, in the draft's order). */
export function diffRulebooks(current: Rulebook, draft: Rulebook): RulebookDiff {
  const before = new Map(current.rules.map((r) => [r.id, r]));
  const after = new Map(draft.rules.map((r) => [r.id, r]));
  const diff: RulebookDiff = { added: [], removed: [], changed: [], other: [] };
  for (const rule of draft.rules) {
    const old = before.get(rule.id);
    if (!old) {
      diff.added.push({ ruleId: rule.id, name: rule.name });
      continue;
    }
    const fields = fieldChanges(old, rule);
    if (fields.length) diff.changed.push({ ruleId: rule.id, name: rule.name, fields });
  }
  for (const rule of current.rules) if (!after.has(rule.id)) diff.removed.push({ ruleId: rule.id, name: rule.name });
  const { rules: _currentRules, ...currentRest } = current;
  const { rules: _draftRules, ...draftRest } = draft;
  diff.other = fieldChanges(currentRest, draftRest);
  return diff;
}

/** Counts for a message or a list row: how many rules were added, removed, changed, and other fields. */
export function diffSummary(diff: RulebookDiff) {
  return {
    addedRules: diff.added.map((r) => r.ruleId),
    removedRules: diff.removed.map((r) => r.ruleId),
    changedRules: diff.changed.map((r) => r.ruleId),
    otherFields: diff.other.map((f) => f.path),
  };
}

export const isEmptyDiff = (diff: RulebookDiff): boolean =>
  diff.added.length + diff.removed.length + diff.changed.length + diff.other.length === 0;
