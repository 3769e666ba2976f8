/**
 * What an impact simulation compares of a standing: the parts a rule change can move and a
 * policy team asks about — ledger points, the nodes reached, the punishments executed, whether
 * the account is sealed, and the search demotions. A summary is small and JSON-stable, so the
 * server stores one per side for every subject a draft would change.
 */
import type { Standing } from '../rulebook/types';

export interface SummaryPunishment {
  ledger: string;
  node: number;
  measures: string[];
  from: string;
  /** `null`: permanent. */
  until: string | null;
  active: boolean;
}

export interface SummaryDemotion {
  item: string;
  from: string;
  until: string;
}

export interface StandingSummary {
  /** Ledger totals in the platform year of `asOf`. */
  points: Record<string, number>;
  /** Nodes the findings crossed, as `ledger:points`, sorted (each once). */
  nodes: string[];
  /** Every punishment the replay executed (node, strike and the finding's own), in replay order. */
  punishments: SummaryPunishment[];
  sealed: boolean;
  demotions: SummaryDemotion[];
}

/** The aspects a simulation counts, in the order the API and the export list them. */
export const CHANGE_ASPECTS = ['points', 'nodes', 'punishments', 'seals', 'demotions'] as const;
export type ChangeAspect = (typeof CHANGE_ASPECTS)[number];
export type ChangedFlags = Record<ChangeAspect, boolean>;

export function summarize(standing: Standing): StandingSummary {
  const nodes = new Set<string>();
  for (const finding of standing.findings)
    for (const node of finding.crossedNodes) nodes.add(`${finding.ledger}:${node}`);
  return {
    points: { ...standing.points },
    nodes: [...nodes].sort(),
    punishments: standing.punishments.map((p) => ({
      ledger: p.ledger,
      node: p.node,
      measures: [...p.measures],
      from: p.from,
      until: p.until,
      active: p.active,
    })),
    sealed: standing.sealed,
    demotions: standing.demotions.map((d) => ({ item: d.item, from: d.from, until: d.until })),
  };
}

/** The summary of a subject with nothing on record: what a rulebook with these ledgers says of it. */
export function emptySummary(ledgers: readonly string[]): StandingSummary {
  return {
    points: Object.fromEntries(ledgers.map((l) => [l, 0])),
    nodes: [],
    punishments: [],
    sealed: false,
    demotions: [],
  };
}

/** Which aspects differ. Ledgers one side lacks read as 0 points on that side. */
export function compareSummaries(before: StandingSummary, after: StandingSummary): ChangedFlags {
  const ledgers = new Set([...Object.keys(before.points), ...Object.keys(after.points)]);
  return {
    points: [...ledgers].some((l) => (before.points[l] ?? 0) !== (after.points[l] ?? 0)),
    nodes: !sameJson(before.nodes, after.nodes),
    punishments: !sameJson(before.punishments, after.punishments),
    seals: before.sealed !== after.sealed,
    demotions: !sameJson(before.demotions, after.demotions),
  };
}

export function anyChanged(flags: ChangedFlags): boolean {
  return CHANGE_ASPECTS.some((a) => flags[a]);
}

// Summaries are built field by field in one fixed order, so their JSON compares them exactly.
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
