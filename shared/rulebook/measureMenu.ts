/**
 * Measures belong to their rule: a reviewer chooses from the measures the rule's own text lets
 * the platform apply (`RuleVersion.measures`), never from the whole table. Otherwise a measure of
 * another rule could slip in, e.g. `account-sealed` on a first false-appeal-evidence finding,
 * against "首次發生的,給予警告" (《淘宝虚假交易认定与处罚细则》).
 */
import type { Facts, RuleDefinition, RuleVersion } from './types';

/** The measures a reviewer may choose under `version`, or under any version of the rule when absent. */
export function measureMenu(rule: RuleDefinition, version?: RuleVersion): ReadonlySet<string> {
  return new Set((version ? [version] : rule.versions).flatMap((v) => v.measures));
}

/** The one-line refusal of a measure that is not on the rule's menu. */
export function offMenuMessage(rule: RuleDefinition, measure: string, menu: ReadonlySet<string>): string {
  return `measure ${JSON.stringify(measure)} is not one of rule "${rule.id}"'s measures (${[...menu].join(', ')})`;
}

export interface OffMenuMeasure {
  /** Under the violation's facts, e.g. `['measures', 1]`. */
  path: [string, number];
  measure: string;
  message: string;
}

/** Chosen measures (in the rule's `measures` facts) that are not on the menu of `version`. */
export function measuresOffMenu(
  rule: RuleDefinition,
  version: RuleVersion | undefined,
  facts: Facts,
): OffMenuMeasure[] {
  const menu = measureMenu(rule, version);
  const found: OffMenuMeasure[] = [];
  for (const [name, spec] of Object.entries(rule.facts)) {
    const chosen = facts[name];
    if (spec.type !== 'measures' || !Array.isArray(chosen)) continue;
    chosen.forEach((measure, index) => {
      if (typeof measure === 'string' && !menu.has(measure)) {
        found.push({ path: [name, index], measure, message: offMenuMessage(rule, measure, menu) });
      }
    });
  }
  return found;
}

/** The reason a refusal carries, so that the API can tell it from other invalid facts. */
export const OFF_MENU_REASON = 'measure_not_in_rule';
