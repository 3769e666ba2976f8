/**
 * Deterministic Taobao histories for the impact simulation's tests and bench, and the draft they
 * use: Taobao's rulebook with the serious ledger's 12-point node lasting 10 days instead of 7.
 */
import { defaultRulebook, type LedgerPolicy, type Rulebook, type Violation } from '../../shared/rulebook';

/** A small seeded generator (mulberry32): the same seed gives the same histories everywhere. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Findings of every kind of outcome: warnings, general, serious (some reach the 12 node), counterfeit. */
const TEMPLATES: { rule: string; facts: Record<string, unknown> }[] = [
  { rule: 'fake-transaction', facts: { transactions: 40, items: ['item-1'] } },
  { rule: 'fake-transaction', facts: { transactions: 120, items: ['item-2'] } },
  { rule: 'counterfeit', facts: { kind: 'listing', items: 3 } },
  { rule: 'counterfeit', facts: { kind: 'facilitation' } },
  { rule: 'unauthorized-product', facts: { admission: 'product' } },
  { rule: 'unauthorized-product', facts: { admission: 'product', serious: true } },
  { rule: 'unauthorized-product', facts: { admission: 'seller', serious: true } },
  { rule: 'false-appeal-evidence', facts: {} },
  { rule: 'member-rights-abuse', facts: { points: 2, measures: ['warning'] } },
  { rule: 'member-rights-abuse', facts: { points: 1, measures: ['identity-verification'] } },
];
/** The first of 2025, 10:00 in Beijing. */
const START = Date.UTC(2025, 0, 1, 2);
const HOUR = 3_600_000;
/** Instants of the histories span 2025 and most of 2026; judged at the end of November 2026. */
export const SIMULATION_AS_OF = '2026-11-30T00:00:00+08:00';

/** `count` violations of subject `n` (ids unique across subjects), committed and recorded at once. */
export function historyOf(n: number, count: number, random: () => number): Violation[] {
  return Array.from({ length: count }, (_, i) => {
    const t = TEMPLATES[Math.floor(random() * TEMPLATES.length)] as (typeof TEMPLATES)[number];
    const at = new Date(START + Math.floor(random() * 690 * 24) * HOUR).toISOString();
    return { id: `s${n}-v${i}`, rule: t.rule, at, facts: t.facts };
  });
}

/** A copy of `rulebook` with the serious ledger's node at `points` lasting `days`. */
export function withSeriousNodeDays(rulebook: Rulebook, points: number, days: number): Rulebook {
  const serious = rulebook.ledgers.serious as LedgerPolicy;
  if (serious.nodes.kind !== 'thresholds') throw new Error('serious nodes are thresholds');
  const nodes = serious.nodes.nodes.map((node) => (node.points === points ? { ...node, days } : node));
  return {
    ...rulebook,
    id: `${rulebook.id}-draft`,
    ledgers: { ...rulebook.ledgers, serious: { ...serious, nodes: { kind: 'thresholds', nodes } } },
  };
}

/** The draft the tests simulate: Taobao's serious 12-point node for 10 days, not 7. */
export const longerSeriousNode = (): Rulebook => withSeriousNodeDays(defaultRulebook, 12, 10);
