/** A routing rule's place in the list: tried in `position` order, ties broken by id (shared/cases/routing.ts). */
export interface PlacedRule {
  id: number;
  position: number;
}

export interface PositionChange {
  id: number;
  position: number;
}

/** The server caps positions (shared/api/queues.ts routingRuleInput). */
const MAX_POSITION = 10_000;
const STEP = 10;

/**
 * The position updates that move the rule at `index` one place up (-1) or down (+1) in a list
 * already in routing order. Normally the two rules just swap positions; when positions tie
 * (possible: ids break ties) a swap would change nothing, so the list is renumbered instead.
 */
export function moveRule(rules: readonly PlacedRule[], index: number, delta: -1 | 1): PositionChange[] {
  const other = index + delta;
  const moving = rules[index];
  const neighbour = rules[other];
  if (!moving || !neighbour) return [];
  const reordered = [...rules];
  reordered[index] = neighbour;
  reordered[other] = moving;
  const positions = rules.map((r) => r.position);
  const strictlyIncreasing = positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? p));
  const target = (i: number) => (strictlyIncreasing ? (positions[i] ?? i * STEP) : i * STEP);
  return reordered.flatMap((r, i) => (r.position === target(i) ? [] : [{ id: r.id, position: target(i) }]));
}

/** Where a new rule goes: after every existing one. */
export function nextPosition(rules: readonly PlacedRule[]): number {
  if (rules.length === 0) return 0;
  return Math.min(MAX_POSITION, Math.max(...rules.map((r) => r.position)) + STEP);
}
