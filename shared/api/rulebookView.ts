/**
 * Reshapes a rulebook for the admin page (`RulebookView`, shared/api/rulebook.ts). Pure: the
 * same rulebook always gives the same view, so the server computes it once.
 */
import { SINCE_RECORDS_BEGIN } from '../rulebook/defaultRulebook';
import { dayNumberToLocalDate, localDateToDayNumber } from '../rulebook/time';
import type { FactSpec, LedgerPolicy, OutcomeCase, Rulebook, RuleDefinition, RuleVersion } from '../rulebook/types';
import type {
  FactView,
  LedgerView,
  RulebookView,
  RuleVersionView,
  RuleView,
  SearchDemotionView,
  TierView,
} from './rulebook';

export function toRulebookView(rulebook: Rulebook): RulebookView {
  return {
    id: rulebook.id,
    name: rulebook.name,
    utcOffsetMinutes: rulebook.utcOffsetMinutes,
    rules: rulebook.rules.map(ruleView),
    measures: Object.entries(rulebook.measures).map(([id, m]) => ({ id, label: m.label, seals: m.seals === true })),
    ledgers: Object.entries(rulebook.ledgers).map(([id, policy]) => ledgerView(id, policy)),
    searchDemotion: rulebook.rules.flatMap(searchDemotions),
    appeals: {
      defaultDays: rulebook.appeals.defaultDays,
      byRule: Object.entries(rulebook.appeals.byRule).map(([ruleId, days]) => ({ ruleId, days })),
    },
    fourEyes: { ...rulebook.fourEyes, measures: [...rulebook.fourEyes.measures] },
  };
}

function ruleView(rule: RuleDefinition): RuleView {
  return {
    id: rule.id,
    name: rule.name,
    platform: rule.platform,
    counting: rule.counting,
    facts: Object.entries(rule.facts).map(([name, spec]) => factView(name, spec)),
    versions: rule.versions.map((version, i) => versionView(version, rule.versions[i + 1])),
  };
}

function versionView(version: RuleVersion, next: RuleVersion | undefined): RuleVersionView {
  return {
    effectiveFrom: version.effectiveFrom,
    sinceRecordsBegin: version.effectiveFrom === SINCE_RECORDS_BEGIN,
    // Versions run back to back: each ends the day before the next takes effect.
    inForceUntil: next ? dayNumberToLocalDate(localDateToDayNumber(next.effectiveFrom) - 1) : null,
    source: version.source,
    summary: version.summary,
    ledger: version.ledger,
    tiers: version.cases.map((c) => tierView(c, version)),
    overrides: (version.overrides ?? []).map((c) => tierView(c, version)),
    measures: [...version.measures],
    demotion: version.demotion ? { ...version.demotion } : null,
    nodeMeasures: [...(version.nodeMeasures ?? [])],
  };
}

function tierView(tier: OutcomeCase, version: RuleVersion): TierView {
  return {
    when: tier.when ?? null,
    basis: tier.basis,
    outcome: tier.outcome,
    ledger: tier.ledger ?? version.ledger,
    points: tier.points,
    cap: tier.cap ?? null,
    measures: { fixed: [...(tier.measures?.fixed ?? [])], reviewerFact: tier.measures?.fromFact ?? null },
    tags: [...(tier.tags ?? [])],
    strike: tier.strike === true,
    punishment: tier.punishment
      ? {
          measures: [...tier.punishment.measures],
          days: tier.punishment.days,
          whileLedgerBelow: tier.punishment.whileLedgerBelow ?? null,
        }
      : null,
  };
}

function factView(name: string, spec: FactSpec): FactView {
  const base = { name, type: spec.type, description: spec.description };
  const open = { required: false, requiredWhen: null, min: null, max: null, values: null };
  switch (spec.type) {
    case 'integer':
      return {
        ...base,
        ...open,
        required: spec.required === true,
        requiredWhen: spec.requiredWhen ?? null,
        min: spec.min ?? null,
        max: spec.max ?? null,
      };
    case 'enum':
      return { ...base, ...open, required: spec.required === true, values: [...spec.values] };
    case 'strings':
      return { ...base, ...open, required: spec.required === true };
    case 'boolean':
    case 'measures':
      return { ...base, ...open };
  }
}

function ledgerView(id: LedgerView['id'], policy: LedgerPolicy): LedgerView {
  const { nodes, yearEnd, strikes } = policy;
  return {
    id,
    name: policy.name,
    nodes:
      nodes.kind === 'thresholds'
        ? { kind: 'thresholds', nodes: nodes.nodes.map((n) => ({ ...n, measures: [...n.measures] })) }
        : nodes.kind === 'every'
          ? { ...nodes, measures: [...nodes.measures] }
          : { kind: 'none' },
    yearEnd: { keepAtOrAbove: yearEnd.keepAtOrAbove ?? null, carryOver: yearEnd.carryOver ?? null },
    strikes: strikes ? { ...strikes, measures: [...strikes.measures] } : null,
  };
}

function searchDemotions(rule: RuleDefinition): SearchDemotionView[] {
  return rule.versions.flatMap((v) =>
    v.demotion ? [{ ruleId: rule.id, effectiveFrom: v.effectiveFrom, ...v.demotion }] : [],
  );
}
