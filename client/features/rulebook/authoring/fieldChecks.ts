/**
 * The checks the editor runs on every keystroke, on the fields its forms edit, worded in the
 * staff's language at the field. The server's single check (the rulebook schema) still decides
 * on save; its issues are shown at their paths too (see `useFieldIssues`).
 */
import type { Rulebook } from '../../../../shared/rulebook/types';
import { type DraftPath, pathKey } from './draftEdits';

export interface FieldIssue {
  path: string;
  /** A key under `rulebookAuthoring.issues`. */
  key: 'wholeNumber' | 'required' | 'date' | 'ascendingNodes' | 'versionOrder' | 'versionInPast';
  params?: Record<string, string | number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2024-02-31 is not). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function wholeNumber(issues: FieldIssue[], path: DraftPath, value: unknown, min: number): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min))
    issues.push({ path: pathKey(path), key: 'wholeNumber', params: { min } });
}

function text(issues: FieldIssue[], path: DraftPath, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') issues.push({ path: pathKey(path), key: 'required' });
}

function days(issues: FieldIssue[], path: DraftPath, value: unknown): void {
  if (value === null) return;
  if (value && typeof value === 'object' && 'default' in value) {
    wholeNumber(issues, [...path, 'default'], (value as { default: unknown }).default, 1);
    return;
  }
  wholeNumber(issues, path, value, 1);
}

function ledgerIssues(rulebook: Rulebook, issues: FieldIssue[]): void {
  for (const [id, ledger] of Object.entries(rulebook.ledgers)) {
    const at = ['ledgers', id] as const;
    const nodes = ledger.nodes;
    if (nodes.kind === 'thresholds') {
      nodes.nodes.forEach((node, i) => {
        wholeNumber(issues, [...at, 'nodes', 'nodes', i, 'points'], node.points, 1);
        days(issues, [...at, 'nodes', 'nodes', i, 'days'], node.days);
        const previous = nodes.nodes[i - 1];
        if (previous && typeof node.points === 'number' && node.points <= previous.points)
          issues.push({ path: pathKey([...at, 'nodes', 'nodes', i, 'points']), key: 'ascendingNodes' });
      });
    } else if (nodes.kind === 'every') {
      wholeNumber(issues, [...at, 'nodes', 'step'], nodes.step, 1);
      days(issues, [...at, 'nodes', 'days'], nodes.days);
    }
    if (ledger.yearEnd.keepAtOrAbove !== undefined)
      wholeNumber(issues, [...at, 'yearEnd', 'keepAtOrAbove'], ledger.yearEnd.keepAtOrAbove, 0);
    const carry = ledger.yearEnd.carryOver;
    if (carry) {
      wholeNumber(issues, [...at, 'yearEnd', 'carryOver', 'atOrAbove'], carry.atOrAbove, 1);
      wholeNumber(issues, [...at, 'yearEnd', 'carryOver', 'points'], carry.points, 0);
      wholeNumber(issues, [...at, 'yearEnd', 'carryOver', 'clearIfAddedBelow'], carry.clearIfAddedBelow, 0);
    }
    if (ledger.strikes) wholeNumber(issues, [...at, 'strikes', 'limit'], ledger.strikes.limit, 1);
  }
}

/** Effective dates of the versions each rule has in the published rulebook, by rule id. */
export type PublishedVersions = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * A version the published rulebook already has is not checked against `today` (it may have
 * passed; it cannot be edited anyway); a version the draft adds must not start before today.
 */
function ruleIssues(rulebook: Rulebook, published: PublishedVersions, today: string, issues: FieldIssue[]): void {
  rulebook.rules.forEach((rule, r) => {
    for (const [name, spec] of Object.entries(rule.facts)) {
      text(issues, ['rules', r, 'facts', name, 'description', 'zh'], spec.description?.zh);
      text(issues, ['rules', r, 'facts', name, 'description', 'en'], spec.description?.en);
    }
    const known = published.get(rule.id) ?? new Set<string>();
    rule.versions.forEach((version, v) => {
      const at = ['rules', r, 'versions', v] as const;
      const from: unknown = version.effectiveFrom;
      if (!isLocalDate(from)) issues.push({ path: pathKey([...at, 'effectiveFrom']), key: 'date' });
      else {
        const previous = rule.versions[v - 1]?.effectiveFrom;
        if (previous !== undefined && from <= previous)
          issues.push({ path: pathKey([...at, 'effectiveFrom']), key: 'versionOrder', params: { date: previous } });
        else if (!known.has(from) && from < today)
          issues.push({ path: pathKey([...at, 'effectiveFrom']), key: 'versionInPast', params: { today } });
      }
      text(issues, [...at, 'summary', 'zh'], version.summary?.zh);
      text(issues, [...at, 'summary', 'en'], version.summary?.en);
      for (const kind of ['cases', 'overrides'] as const) {
        (version[kind] ?? []).forEach((c, i) => {
          const points: unknown = c.points;
          if (typeof points !== 'object' || points === null) wholeNumber(issues, [...at, kind, i, 'points'], points, 0);
          else if ('each' in points) wholeNumber(issues, [...at, kind, i, 'points', 'each'], points.each, 0);
          else if ('default' in points) wholeNumber(issues, [...at, kind, i, 'points', 'default'], points.default, 0);
          if (c.punishment) days(issues, [...at, kind, i, 'punishment', 'days'], c.punishment.days);
        });
      }
    });
  });
}

/** Every problem the editor can see by itself, at its field's path. */
export function fieldIssues(rulebook: Rulebook, published: PublishedVersions, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  ledgerIssues(rulebook, issues);
  ruleIssues(rulebook, published, today, issues);
  for (const [id, measure] of Object.entries(rulebook.measures)) {
    text(issues, ['measures', id, 'label', 'zh'], measure.label?.zh);
    text(issues, ['measures', id, 'label', 'en'], measure.label?.en);
  }
  return issues;
}

/** The published versions of a rulebook's rules, as `fieldIssues` and the editor want them. */
export function publishedVersionsOf(
  rules: readonly { id: string; versions: readonly { effectiveFrom: string }[] }[],
): PublishedVersions {
  return new Map(rules.map((rule) => [rule.id, new Set(rule.versions.map((v) => v.effectiveFrom))]));
}
