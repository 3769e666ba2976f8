/**
 * What a proposed finding would add, for the decision panel: the standing with the proposal minus
 * the standing without it. Computing it as a diff (rather than judging the proposal alone) keeps
 * the preview honest for backdated proposals, which can renumber later occurrences, move node
 * crossings and supersede running punishments.
 */
import { compareStrings } from './demotion';
import { RulebookError } from './errors';
import { rulebookForHistory, standing } from './standing';
import { formatInstant, toInstant } from './time';
import type {
  Demotion,
  Facts,
  Finding,
  History,
  Ledger,
  NodeOutcome,
  Outcome,
  Punishment,
  Rulebook,
  Standing,
} from './types';

export interface ProposedViolation {
  /** Defaults to a placeholder id that does not clash with the history. */
  id?: string;
  rule: string;
  /** When it was committed (picks the rule version). Defaults to `asOf`. */
  at?: string;
  /** When it would go on record (its decision takes effect); punishments count from here. Defaults to `at`. */
  recordedAt?: string;
  facts: Facts;
}

export interface FindingChange {
  id: string;
  before: { ledger: Ledger; points: number; outcome: Outcome };
  after: { ledger: Ledger; points: number; outcome: Outcome };
}

export interface DemotionPreview extends Demotion {
  /** Demoted days this item gains from the proposal. */
  addedDays: number;
}

export interface FindingPreview {
  /** The instant both standings are computed at: the later of `asOf` and the proposal's time. */
  asOf: string;
  /** The proposal as the engine would judge it. */
  finding: Finding;
  ledger: Ledger;
  points: number;
  outcome: Outcome;
  pointsBefore: Record<Ledger, number>;
  pointsAfter: Record<Ledger, number>;
  /** Node thresholds the proposal's points reach. */
  crossedNodes: number[];
  nodeOutcome: NodeOutcome;
  /** Punishments that would start (with their measures and end dates). */
  punishments: Punishment[];
  /** Running punishments that would end early or disappear because of the proposal. */
  endedEarly: Punishment[];
  removed: Punishment[];
  /** Demotion spans that would grow, per item. */
  demotions: DemotionPreview[];
  /** Whether the proposal would seal an account that is not sealed yet. */
  seals: boolean;
  /** Findings already on record whose judgement the proposal would change (backdated proposals). */
  changedFindings: FindingChange[];
  before: Standing;
  after: Standing;
}

const PROPOSED_ID = 'proposed';

function punishmentKey(p: Punishment): string {
  return `${p.trigger}|${p.ledger}|${p.node}|${p.from}|${p.finding}`;
}

/**
 * `rulebook` absent: the one of the history's platform, the proposal's rule included (so a
 * proposal of another platform's rule is refused like a mixed history).
 */
export function previewFinding(
  history: History,
  asOf: string | Date,
  proposed: ProposedViolation,
  rulebook: Rulebook = rulebookForHistory({
    ...(history.platform === undefined ? {} : { platform: history.platform }),
    violations: [...history.violations, { id: '', rule: proposed.rule, at: '', facts: {} }],
  }),
): FindingPreview {
  if (!rulebook.rules.some((r) => r.id === proposed.rule)) {
    throw new RulebookError('proposed.rule', `rule "${proposed.rule}" is not one of platform ${rulebook.platform}'s`);
  }
  const offset = rulebook.utcOffsetMinutes;
  const asOfMs = toInstant(asOf, offset, 'asOf');
  const atMs = proposed.at === undefined ? asOfMs : toInstant(proposed.at, offset, 'proposed.at');
  const recordedMs =
    proposed.recordedAt === undefined ? atMs : toInstant(proposed.recordedAt, offset, 'proposed.recordedAt');
  const effectiveAsOf = formatInstant(Math.max(asOfMs, atMs, recordedMs), offset);
  const ids = new Set(history.violations.map((v) => v.id));
  let id = proposed.id ?? PROPOSED_ID;
  for (let n = 2; ids.has(id); n++) id = `${proposed.id ?? PROPOSED_ID}-${n}`;

  const before = standing(history, effectiveAsOf, rulebook);
  const after = standing(
    {
      violations: [
        ...history.violations,
        {
          id,
          rule: proposed.rule,
          at: formatInstant(atMs, offset),
          ...(proposed.recordedAt === undefined ? {} : { recordedAt: formatInstant(recordedMs, offset) }),
          facts: proposed.facts,
        },
      ],
      reversed: (history.reversed ?? []).filter((r) => r !== id),
    },
    effectiveAsOf,
    rulebook,
  );
  const finding = after.findings.find((f) => f.id === id);
  if (!finding) throw new Error(`previewFinding: the proposal ${id} was not judged`);

  const beforePunishments = new Map(before.punishments.map((p) => [punishmentKey(p), p]));
  const afterPunishments = new Map(after.punishments.map((p) => [punishmentKey(p), p]));
  const started = after.punishments.filter((p) => !beforePunishments.has(punishmentKey(p)));
  const endedEarly = after.punishments.filter((p) => {
    const old = beforePunishments.get(punishmentKey(p));
    return old !== undefined && old.until !== p.until;
  });
  const removed = before.punishments.filter((p) => !afterPunishments.has(punishmentKey(p)));

  const changedFindings: FindingChange[] = [];
  const beforeFindings = new Map(before.findings.map((f) => [f.id, f]));
  for (const f of after.findings) {
    const old = beforeFindings.get(f.id);
    if (old && (old.points !== f.points || old.outcome !== f.outcome || old.ledger !== f.ledger)) {
      changedFindings.push({
        id: f.id,
        before: { ledger: old.ledger, points: old.points, outcome: old.outcome },
        after: { ledger: f.ledger, points: f.points, outcome: f.outcome },
      });
    }
  }

  return {
    asOf: effectiveAsOf,
    finding,
    ledger: finding.ledger,
    points: finding.points,
    outcome: finding.outcome,
    pointsBefore: before.points,
    pointsAfter: after.points,
    crossedNodes: finding.crossedNodes,
    nodeOutcome: finding.nodeOutcome,
    punishments: started,
    endedEarly,
    removed,
    demotions: grownDemotions(before.demotions, after.demotions),
    seals: !before.sealed && after.sealed,
    changedFindings,
    before,
    after,
  };
}

function demotedDays(demotions: readonly Demotion[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const d of demotions) days.set(d.item, (days.get(d.item) ?? 0) + d.days);
  return days;
}

function grownDemotions(before: readonly Demotion[], after: readonly Demotion[]): DemotionPreview[] {
  const daysBefore = demotedDays(before);
  const daysAfter = demotedDays(after);
  const beforeSpans = new Set(before.map((d) => `${d.item}|${d.from}|${d.until}`));
  return after
    .filter(
      (d) =>
        (daysAfter.get(d.item) ?? 0) > (daysBefore.get(d.item) ?? 0) &&
        !beforeSpans.has(`${d.item}|${d.from}|${d.until}`),
    )
    .map((d) => ({ ...d, addedDays: (daysAfter.get(d.item) ?? 0) - (daysBefore.get(d.item) ?? 0) }))
    .sort((a, b) => compareStrings(a.item, b.item) || compareStrings(a.from, b.from));
}
