/**
 * The small interpreter behind the rulebook's tier tables: conditions, points and measures
 * of an outcome case, read from a violation's facts and its place in the history.
 */
import type { Condition, Facts, MeasureId, MeasuresSpec, PointsSpec, RulebookSettings } from './types';

/** What a condition may look at besides the facts. */
export interface CaseContext {
  facts: Facts;
  /** 1-based: this is the n-th violation of its rule. */
  occurrence: number;
  /** Findings of this rule before this one that carry a tag. */
  priorTagged: (tag: string) => number;
  /** Tags this violation already received from its tier (seen by overrides). */
  currentTags: readonly string[];
  /** The rulebook's readings of ambiguous clauses, defaults filled in. */
  settings: RulebookSettings;
}

/** A number fact; absent or not a number reads as 0. */
export function factNumber(facts: Facts, name: string): number {
  const value = facts[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Absent boolean facts read as false: the contract's flags (docs/CONTRACTS.md) are all optional. */
export function factEquals(facts: Facts, name: string, expected: string | number | boolean): boolean {
  const value = facts[name];
  if (value === undefined && expected === false) return true;
  return value === expected;
}

/** A string-list fact; absent reads as empty. */
export function factStrings(facts: Facts, name: string): string[] {
  const value = facts[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function matches(condition: Condition, ctx: CaseContext): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, ctx));
  if ('any' in condition) return condition.any.some((c) => matches(c, ctx));
  if ('not' in condition) return !matches(condition.not, ctx);
  if ('occurrence' in condition) {
    const { atLeast, atMost } = condition.occurrence;
    return (atLeast === undefined || ctx.occurrence >= atLeast) && (atMost === undefined || ctx.occurrence <= atMost);
  }
  if ('tagged' in condition) {
    const { tag, atLeast, includeCurrent } = condition.tagged;
    const current = includeCurrent && ctx.currentTags.includes(tag) ? 1 : 0;
    return ctx.priorTagged(tag) + current >= atLeast;
  }
  if ('setting' in condition) return ctx.settings[condition.setting] === condition.equals;
  if ('equals' in condition) return factEquals(ctx.facts, condition.fact, condition.equals);
  if ('atLeast' in condition) return factNumber(ctx.facts, condition.fact) >= condition.atLeast;
  return factNumber(ctx.facts, condition.fact) < condition.below;
}

export function pointsOf(spec: PointsSpec, facts: Facts): number {
  if (typeof spec === 'number') return spec;
  if ('perUnit' in spec) return Math.max(0, factNumber(facts, spec.perUnit)) * spec.each;
  const chosen = facts[spec.fromFact];
  return typeof chosen === 'number' && Number.isFinite(chosen) ? Math.max(0, chosen) : spec.default;
}

/**
 * The case's fixed measures and those the reviewer chose. Chosen measures off the rule's `menu` are
 * never applied: validation refuses them, and a finding stored before that check must not seal an
 * account against its rule (e.g. `account-sealed` on a first false-appeal-evidence finding).
 */
export function measuresOf(spec: MeasuresSpec | undefined, facts: Facts, menu?: ReadonlySet<string>): MeasureId[] {
  if (!spec) return [];
  const fixed = spec.fixed ?? [];
  const all = spec.fromFact === undefined ? [] : factStrings(facts, spec.fromFact);
  const chosen = menu ? all.filter((m) => menu.has(m)) : all;
  return unique([...fixed, ...chosen]);
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
