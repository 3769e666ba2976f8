/**
 * "A version whose date has passed cannot be edited, only superseded": what a draft may change
 * in rules already in force. Every finding is judged by the rule version in force when it was
 * committed (compile.ts `versionInForce`), so a version that has begun must reach the new
 * rulebook unchanged, and a rule in force cannot disappear; a change is a new version from the
 * publication date on. Ledger policy (nodes, year end) and desk policy (appeals, four-eyes) are
 * not versioned per rule: the rulebook version in force applies them (docs/RULEBOOK.md).
 */
import { fieldChanges } from './diff';
import type { RulebookIssue } from './rulebookSchema';
import { formatPath } from './schema';
import type { Rulebook } from './types';

/** Problems with publishing `draft` from `effectiveFrom` (platform-local) over `current`. */
export function supersedeIssues(current: Rulebook, draft: Rulebook, effectiveFrom: string): RulebookIssue[] {
  const issues: RulebookIssue[] = [];
  const draftIndex = new Map(draft.rules.map((r, i) => [r.id, i]));
  for (const rule of current.rules) {
    const started = rule.versions.filter((v) => v.effectiveFrom < effectiveFrom);
    const index = draftIndex.get(rule.id);
    if (index === undefined) {
      if (started.length)
        issues.push({
          path: 'rules',
          message: `rule "${rule.id}" is in force since ${started[0]?.effectiveFrom}: it cannot be removed, only superseded by a new version`,
        });
      continue;
    }
    const versions = draft.rules[index]?.versions ?? [];
    for (const before of started) {
      const at = versions.findIndex((v) => v.effectiveFrom === before.effectiveFrom);
      if (at < 0) {
        issues.push({
          path: formatPath(['rules', index, 'versions']),
          message: `the version in force since ${before.effectiveFrom} cannot be removed`,
        });
        continue;
      }
      const first = fieldChanges(before, versions[at])[0];
      if (first)
        issues.push({
          path: `${formatPath(['rules', index, 'versions', at])}${first.path === '' ? '' : first.path.startsWith('[') ? first.path : `.${first.path}`}`,
          message: `the version in force since ${before.effectiveFrom} cannot be edited, only superseded by a new version from ${effectiveFrom} or later`,
        });
    }
  }
  const currentRules = new Map(current.rules.map((r) => [r.id, r]));
  draft.rules.forEach((rule, index) => {
    const known = new Set(currentRules.get(rule.id)?.versions.map((v) => v.effectiveFrom) ?? []);
    rule.versions.forEach((version, at) => {
      if (version.effectiveFrom < effectiveFrom && !known.has(version.effectiveFrom))
        issues.push({
          path: formatPath(['rules', index, 'versions', at, 'effectiveFrom']),
          message: `a new version starts on ${effectiveFrom} or later (the publication date), not ${version.effectiveFrom}`,
        });
    });
  });
  return issues;
}
