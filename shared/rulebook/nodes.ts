/**
 * Node punishments (《淘寶規則》第42/43條) and "heaviest only":
 * "會員因單次違規扣分較大,導致累積扣分滿足多個節點處理條件的,或在違規處理期間又須執行同類節點處理的,
 *  僅執行最重的節點處理。"
 */
import type { MeasureId, NodeScale } from './types';

export interface NodeHit {
  /** The threshold reached, e.g. 24. */
  node: number;
  measures: readonly MeasureId[];
  days: number | null;
  /** Rank used to compare node punishments of one ledger; permanent ones outrank all. */
  weight: number;
}

/** Thresholds a deduction from `before` to `after` reaches, ascending: those in (before, after]. */
export function crossedNodes(scale: NodeScale, before: number, after: number): number[] {
  if (after <= before) return [];
  if (scale.kind === 'thresholds') return scale.nodes.map((n) => n.points).filter((p) => p > before && p <= after);
  if (scale.kind === 'every') {
    const crossed: number[] = [];
    for (let p = (Math.floor(before / scale.step) + 1) * scale.step; p <= after; p += scale.step) crossed.push(p);
    return crossed;
  }
  return [];
}

/**
 * The node punishment executed when one deduction crosses several nodes: the heaviest, i.e. the
 * highest threshold (its measures are the harshest and it lasts longest on every scale in the seeds).
 */
export function heaviestCrossed(scale: NodeScale, crossed: readonly number[]): NodeHit | undefined {
  const highest = crossed[crossed.length - 1];
  if (highest === undefined) return undefined;
  if (scale.kind === 'thresholds') {
    const index = scale.nodes.findIndex((n) => n.points === highest);
    const node = scale.nodes[index];
    if (!node) return undefined;
    return {
      node: highest,
      measures: node.measures,
      days: node.days,
      weight: node.days === null ? Infinity : index + 1,
    };
  }
  if (scale.kind === 'every') {
    // Every general node is the same punishment: equal weight.
    return { node: highest, measures: scale.measures, days: scale.days, weight: scale.days === null ? Infinity : 1 };
  }
  return undefined;
}

/** A node punishment already executed in a ledger. */
export interface RunningPunishment {
  weight: number;
  untilMs: number | null;
}

export function isRunning(p: RunningPunishment, atMs: number): boolean {
  return p.untilMs === null || atMs < p.untilMs;
}

/**
 * Whether a node falling due at `atMs` is executed. Reading of "在違規處理期間又須執行同類節點處理的,
 * 僅執行最重的節點處理" (docs/RULEBOOK.md): with no punishment of the ledger running, it is.
 * While one runs, the heavier of the two is the one executed: a heavier new node replaces the running
 * one (which ends at that instant); a lighter one is absorbed and never executed. On a tie the new
 * one is executed, restarting the same punishment from now, so that every 12 general points still
 * cost a full node; two permanent punishments never replace each other.
 */
export function executesOver(
  candidate: NodeHit | RunningPunishment,
  running: RunningPunishment | undefined,
  atMs: number,
): boolean {
  if (!running || !isRunning(running, atMs)) return true;
  if (candidate.weight > running.weight) return true;
  return candidate.weight === running.weight && Number.isFinite(candidate.weight);
}
