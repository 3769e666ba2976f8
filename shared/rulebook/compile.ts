/**
 * Lookup tables built once per rulebook object (cached), so that judging 100 violations does
 * not rescan the rulebook or re-parse effective dates on every call.
 */
import { parseInstant, startOfLocalDate } from './time';
import {
  DEFAULT_RULEBOOK_SETTINGS,
  type Rulebook,
  type RulebookSettings,
  type RuleDefinition,
  type RuleVersion,
} from './types';

export interface CompiledRule {
  definition: RuleDefinition;
  /** Instant each version starts, same order as `definition.versions` (ascending). */
  versionStarts: number[];
}

export interface CompiledRulebook {
  rulebook: Rulebook;
  rules: Map<string, CompiledRule>;
  /** Measures that close the account for good. */
  sealingMeasures: Set<string>;
  /** `rulebook.settings` with the defaults filled in. */
  settings: RulebookSettings;
}

const cache = new WeakMap<Rulebook, CompiledRulebook>();

export function compileRulebook(rulebook: Rulebook): CompiledRulebook {
  const cached = cache.get(rulebook);
  if (cached) return cached;
  const rules = new Map<string, CompiledRule>();
  for (const definition of rulebook.rules) {
    rules.set(definition.id, {
      definition,
      versionStarts: definition.versions.map((v) => startOfLocalDate(v.effectiveFrom, rulebook.utcOffsetMinutes)),
    });
  }
  const sealingMeasures = new Set(
    Object.entries(rulebook.measures)
      .filter(([, m]) => m.seals === true)
      .map(([id]) => id),
  );
  const settings = { ...DEFAULT_RULEBOOK_SETTINGS, ...rulebook.settings };
  const compiled = { rulebook, rules, sealingMeasures, settings };
  cache.set(rulebook, compiled);
  return compiled;
}

/** The version of a rule in force at an instant: the latest one that started at or before it. */
export function versionInForce(rule: CompiledRule, atMs: number): RuleVersion | undefined {
  let found: RuleVersion | undefined;
  for (let i = 0; i < rule.versionStarts.length; i++) {
    if ((rule.versionStarts[i] as number) <= atMs) found = rule.definition.versions[i];
  }
  return found;
}

/** The version of `ruleId` in force at an ISO instant, or undefined (unknown rule, unreadable time, not yet in force). */
export function ruleVersionAt(rulebook: Rulebook, ruleId: string, at: string): RuleVersion | undefined {
  const rule = compileRulebook(rulebook).rules.get(ruleId);
  const atMs = parseInstant(at, rulebook.utcOffsetMinutes);
  return rule && atMs !== null ? versionInForce(rule, atMs) : undefined;
}
