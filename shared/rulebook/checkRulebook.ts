/**
 * Consistency check of rulebook data: every measure named exists in the measures table, versions
 * are dated and in order, conditions and points refer to declared facts. Rulebooks are data that
 * people edit; this catches their typos in a unit test instead of in a member's standing.
 */
import { localDateToDayNumber } from './time';
import type { Condition, OutcomeCase, PointsSpec, Rulebook, RulebookSettingName, RuleDefinition } from './types';
import { RULEBOOK_SETTING_VALUES } from './types';

function conditionFacts(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFacts);
  if ('any' in condition) return condition.any.flatMap(conditionFacts);
  if ('not' in condition) return conditionFacts(condition.not);
  if ('fact' in condition) return [condition.fact];
  return [];
}

function conditionSettings(condition: Condition): { setting: string; equals: string }[] {
  if ('all' in condition) return condition.all.flatMap(conditionSettings);
  if ('any' in condition) return condition.any.flatMap(conditionSettings);
  if ('not' in condition) return conditionSettings(condition.not);
  if ('setting' in condition) return [condition];
  return [];
}

/** A setting name and value the engine knows (rulebooks edited as JSON can hold anything). */
function settingProblem(name: string, value: unknown): string | null {
  if (!Object.hasOwn(RULEBOOK_SETTING_VALUES, name)) return `unknown setting "${name}"`;
  const values: readonly unknown[] = RULEBOOK_SETTING_VALUES[name as RulebookSettingName];
  return values.includes(value)
    ? null
    : `setting "${name}" is one of ${values.join(', ')}, not ${JSON.stringify(value)}`;
}

function pointsFacts(points: PointsSpec): string[] {
  if (typeof points === 'number') return [];
  return 'perUnit' in points ? [points.perUnit] : [points.fromFact];
}

function caseProblems(
  rule: RuleDefinition,
  c: OutcomeCase,
  where: string,
  knownMeasure: (m: string) => boolean,
  knownLedger: (l: string) => boolean,
): string[] {
  const problems: string[] = [];
  const facts = [
    ...(c.when ? conditionFacts(c.when) : []),
    ...pointsFacts(c.points),
    ...(c.measures?.fromFact ? [c.measures.fromFact] : []),
    ...(c.punishment?.days && typeof c.punishment.days === 'object' ? [c.punishment.days.fromFact] : []),
  ];
  for (const fact of facts) if (!(fact in rule.facts)) problems.push(`${where}: undeclared fact "${fact}"`);
  for (const { setting, equals } of c.when ? conditionSettings(c.when) : []) {
    const problem = settingProblem(setting, equals);
    if (problem) problems.push(`${where}: ${problem}`);
  }
  for (const m of [...(c.measures?.fixed ?? []), ...(c.punishment?.measures ?? []), ...(c.nodeMeasures ?? [])]) {
    if (!knownMeasure(m)) problems.push(`${where}: unknown measure "${m}"`);
  }
  if (typeof c.points === 'number' && c.points < 0) problems.push(`${where}: negative points`);
  if (c.outcome !== 'points' && typeof c.points === 'number' && c.points !== 0)
    problems.push(`${where}: ${c.outcome} with points`);
  if (c.ledger !== undefined && !knownLedger(c.ledger)) problems.push(`${where}: unknown ledger "${c.ledger}"`);
  return problems;
}

/** Problems found in a rulebook; empty when it is consistent. */
export function checkRulebook(rulebook: Rulebook): string[] {
  const problems: string[] = [];
  const knownMeasure = (m: string) => Object.hasOwn(rulebook.measures, m);
  const knownLedger = (l: string) => Object.hasOwn(rulebook.ledgers, l);
  if (Object.keys(rulebook.ledgers).length === 0) problems.push('ledgers: none');
  for (const [ledger, policy] of Object.entries(rulebook.ledgers)) {
    const nodes = policy.nodes;
    const nodeMeasures =
      nodes.kind === 'thresholds'
        ? nodes.nodes.flatMap((n) => n.measures)
        : nodes.kind === 'every'
          ? nodes.measures
          : [];
    for (const m of [...nodeMeasures, ...(policy.strikes?.measures ?? [])]) {
      if (!knownMeasure(m)) problems.push(`ledgers.${ledger}: unknown measure "${m}"`);
    }
    const strikes = policy.strikes;
    if (strikes && strikes.counting !== 'ever' && strikes.counting !== 'year')
      problems.push(`ledgers.${ledger}.strikes: counting is "ever" or "year", not ${JSON.stringify(strikes.counting)}`);
    const keep = policy.yearEnd.keepAtOrAbove;
    // 0 keeps every point (a platform whose points never reset at the year end).
    if (keep !== undefined && !(Number.isInteger(keep) && keep >= 0))
      problems.push(`ledgers.${ledger}.yearEnd: keepAtOrAbove is a whole number of points, 0 or more`);
    if (nodes.kind === 'thresholds') {
      const points = nodes.nodes.map((n) => n.points);
      if (points.some((p, i) => i > 0 && p <= (points[i - 1] as number)))
        problems.push(`ledgers.${ledger}: node thresholds not ascending`);
    }
  }
  for (const [name, value] of Object.entries(rulebook.settings ?? {})) {
    const problem = settingProblem(name, value);
    if (problem) problems.push(`settings: ${problem}`);
  }
  const ids = new Set<string>();
  for (const rule of rulebook.rules) {
    if (ids.has(rule.id)) problems.push(`rules.${rule.id}: duplicate rule id`);
    if (rule.counting !== 'ever' && rule.counting !== 'year')
      problems.push(`rules.${rule.id}: counting is "ever" or "year", not ${JSON.stringify(rule.counting)}`);
    ids.add(rule.id);
    if (rule.versions.length === 0) problems.push(`rules.${rule.id}: no versions`);
    let previous = -Infinity;
    for (const version of rule.versions) {
      const where = `rules.${rule.id}@${version.effectiveFrom}`;
      let day = Number.NaN;
      try {
        day = localDateToDayNumber(version.effectiveFrom);
      } catch {
        problems.push(`${where}: effectiveFrom is not a YYYY-MM-DD date`);
      }
      if (day <= previous) problems.push(`${where}: versions not in ascending effectiveFrom order`);
      previous = day;
      if (version.cases.length === 0) problems.push(`${where}: no cases`);
      if (!knownLedger(version.ledger)) problems.push(`${where}: unknown ledger "${version.ledger}"`);
      for (const [kind, cases] of [
        ['cases', version.cases],
        ['overrides', version.overrides ?? []],
      ] as const) {
        cases.forEach((c, i) => {
          problems.push(...caseProblems(rule, c, `${where}.${kind}[${i}]`, knownMeasure, knownLedger));
        });
      }
      for (const m of [
        ...version.measures,
        ...(version.nodeMeasures ?? []),
        ...(version.demotion ? [version.demotion.measure] : []),
      ]) {
        if (!knownMeasure(m)) problems.push(`${where}: unknown measure "${m}"`);
      }
      // Measures belong to their rule: what a case applies is on the version's own menu.
      const menu = new Set(version.measures);
      for (const [kind, cases] of [
        ['cases', version.cases],
        ['overrides', version.overrides ?? []],
      ] as const) {
        cases.forEach((c, i) => {
          for (const m of [
            ...(c.measures?.fixed ?? []),
            ...(c.punishment?.measures ?? []),
            ...(c.nodeMeasures ?? []),
          ]) {
            if (knownMeasure(m) && !menu.has(m))
              problems.push(`${where}.${kind}[${i}]: measure "${m}" is not on the rule's menu`);
          }
        });
      }
      if (version.demotion && rule.facts[version.demotion.itemsFact]?.type !== 'strings') {
        problems.push(`${where}: demotion items fact "${version.demotion.itemsFact}" is not a strings fact`);
      }
    }
  }
  problems.push(...policyProblems(rulebook, ids, knownMeasure));
  return problems;
}

function policyProblems(rulebook: Rulebook, ruleIds: Set<string>, knownMeasure: (m: string) => boolean): string[] {
  const problems: string[] = [];
  const { appeals, fourEyes } = rulebook;
  if (!(appeals.defaultDays > 0)) problems.push('appeals.defaultDays: not a positive number of days');
  if (appeals.reporterComplaintDays !== undefined && !(appeals.reporterComplaintDays > 0))
    problems.push('appeals.reporterComplaintDays: not a positive number of days');
  for (const [rule, days] of Object.entries(appeals.byRule)) {
    if (!ruleIds.has(rule)) problems.push(`appeals.byRule.${rule}: unknown rule`);
    if (!(days > 0)) problems.push(`appeals.byRule.${rule}: not a positive number of days`);
  }
  for (const m of fourEyes.measures) if (!knownMeasure(m)) problems.push(`fourEyes: unknown measure "${m}"`);
  return problems;
}
