import {
  type Finding,
  type MeasureId,
  type Rulebook,
  type RuleVersion,
  type Standing,
  startOfLocalDate,
} from '../../shared/rulebook';

const DAY_MS = 86_400_000;

/** One measure the marketplace should be enforcing, in one scope. */
export interface MeasureInForce {
  /** Identity of the scope: `finding:V12`, `punishment:node:general:12:V12`, `item:item-1`. */
  scopeKey: string;
  scopeType: 'finding' | 'punishment' | 'item';
  scopeId: string;
  measure: MeasureId;
  /** As the engine states them: instants, or platform-local dates (inclusive) for demotions. */
  from: string;
  until: string | null;
  /** The same span as UTC instants; `endsAt` null = until reversed. */
  startsAt: string;
  endsAt: string | null;
  /** The finding that set it (for a rolling demotion: the latest one of its span). */
  findingId: string;
  rule: string;
  ruleVersion: string;
}

const iso = (instant: string) => new Date(instant).toISOString();

function versionOf(rulebook: Rulebook, finding: Finding): RuleVersion | undefined {
  return rulebook.rules
    .find((r) => r.id === finding.rule)
    ?.versions.find((v) => v.effectiveFrom === finding.ruleVersion);
}

/**
 * What is in force at the standing's `asOf`, one entry per (scope, measure):
 * - the finding's own measures (delete listings, restrict a service…) until it is reversed —
 *   except the demotion measure, which is announced per item with its span, and sealing measures
 *   the finding's own permanent punishment already carries;
 * - every measure of every running punishment, scoped by the punishment;
 * - every demoted item, scoped by the item, over its whole rolling span.
 * Punishments and demotions that already ran their course are not in force, so a decision on a
 * violation long past does not announce a punishment that ended before the decision.
 */
export function measuresInForce(standing: Standing, rulebook: Rulebook): MeasureInForce[] {
  const offset = rulebook.utcOffsetMinutes;
  const findings = new Map(standing.findings.map((f) => [f.id, f]));
  const result: MeasureInForce[] = [];
  const attribution = (findingId: string) => {
    const f = findings.get(findingId);
    return { findingId, rule: f?.rule ?? 'unknown', ruleVersion: f?.ruleVersion ?? 'unknown' };
  };

  for (const f of standing.findings) {
    const demotionMeasure = versionOf(rulebook, f)?.demotion?.measure;
    const ownPunishment = new Set(
      standing.punishments.filter((p) => p.trigger === 'finding' && p.finding === f.id).flatMap((p) => p.measures),
    );
    for (const measure of new Set(f.measures)) {
      if (measure === demotionMeasure || ownPunishment.has(measure)) continue;
      result.push({
        scopeKey: `finding:${f.id}`,
        scopeType: 'finding',
        scopeId: f.id,
        measure,
        from: f.at,
        until: null,
        startsAt: iso(f.at),
        endsAt: null,
        ...attribution(f.id),
      });
    }
  }

  for (const p of standing.punishments) {
    if (!p.active) continue;
    const scopeId = `${p.trigger}:${p.ledger}:${p.node}:${p.finding}`;
    for (const measure of new Set(p.measures)) {
      result.push({
        scopeKey: `punishment:${scopeId}`,
        scopeType: 'punishment',
        scopeId,
        measure,
        from: p.from,
        until: p.until,
        startsAt: iso(p.from),
        endsAt: p.until === null ? null : iso(p.until),
        ...attribution(p.finding),
      });
    }
  }

  for (const d of standing.demotions) {
    if (!d.active) continue;
    const latest = d.findings.at(-1) ?? '';
    const finding = findings.get(latest);
    result.push({
      scopeKey: `item:${d.item}`,
      scopeType: 'item',
      scopeId: d.item,
      measure: (finding && versionOf(rulebook, finding)?.demotion?.measure) ?? 'search-demotion',
      from: d.from,
      until: d.until,
      startsAt: new Date(startOfLocalDate(d.from, offset)).toISOString(),
      // `until` is inclusive: the demotion ends when that platform day does.
      endsAt: new Date(startOfLocalDate(d.until, offset) + DAY_MS).toISOString(),
      ...attribution(latest),
    });
  }
  return result;
}
