/**
 * Benchmark of the rulebook engine: `standing` for a subject with 100 violations (issue 3: under
 * 1 ms). Prints the mean time per call next to a raw baseline measured in the same run — a
 * hand-written loop that only sums fixed points per rule over the same array — and their ratio.
 * Never asserts: machines differ. Run: npx tsx test/bench/engine.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { previewFinding, standing, type Violation } from '../../shared/rulebook';

const HOUR = 3_600_000;
const START = Date.UTC(2023, 0, 3, 2); // 2023-01-03T10:00+08:00

/** A deterministic 100-violation Taobao history touching every rule family, two platform years, all ledgers. */
function history(count: number): Violation[] {
  const templates: { rule: string; facts: Record<string, unknown> }[] = [
    { rule: 'fake-transaction', facts: { transactions: 40, items: ['item-1', 'item-2'] } },
    { rule: 'fake-transaction', facts: { transactions: 120, items: ['item-3'] } },
    { rule: 'counterfeit', facts: { kind: 'listing', items: 3 } },
    { rule: 'counterfeit', facts: { kind: 'facilitation' } },
    { rule: 'unauthorized-product', facts: { admission: 'product' } },
    { rule: 'unauthorized-product', facts: { admission: 'product', serious: true } },
    { rule: 'false-appeal-evidence', facts: {} },
    { rule: 'member-rights-abuse', facts: { points: 2, measures: ['warning'] } },
    // Taobao histories only: the 1688 and Kuaishou rules are judged by their own rulebooks.
    { rule: 'unauthorized-product', facts: { admission: 'seller', serious: true } },
    { rule: 'member-rights-abuse', facts: { points: 1, measures: ['identity-verification'] } },
  ];
  return Array.from({ length: count }, (_, i) => {
    const t = templates[i % templates.length] as (typeof templates)[number];
    return {
      id: `v${String(i).padStart(3, '0')}`,
      rule: t.rule,
      at: new Date(START + i * 173 * HOUR).toISOString(),
      facts: t.facts,
    };
  });
}

const violations = history(100);
const input = { violations, reversed: ['v007', 'v042'] };
const asOf = new Date(START + 100 * 173 * HOUR).toISOString();

/** The raw baseline: what merely touching every violation once costs. */
const FIXED_POINTS: Record<string, number> = {
  'fake-transaction': 12,
  counterfeit: 2,
  'unauthorized-product': 6,
  'false-appeal-evidence': 6,
};
function rawSum(vs: readonly Violation[]): number {
  let sum = 0;
  for (const v of vs) sum += FIXED_POINTS[v.rule] ?? 0;
  return sum;
}

function measure(label: string, iterations: number, fn: () => unknown): number {
  let sink: unknown;
  for (let i = 0; i < Math.min(iterations, 2_000); i++) sink = fn(); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = fn();
  const perCallUs = ((performance.now() - start) * 1000) / iterations;
  if (sink === undefined) console.log('(unexpected undefined result)');
  console.log(`${label.padEnd(42)} ${perCallUs.toFixed(3).padStart(10)} µs/call  (${iterations} calls)`);
  return perCallUs;
}

const sample = standing(input, asOf);
console.log(
  `subject: ${violations.length} violations, ${sample.findings.length} judged, ${sample.punishments.length} punishments, ` +
    `${sample.demotions.length} demotion spans, points ${JSON.stringify(sample.points)}`,
);
const baseline = measure('baseline: sum fixed points (raw loop)', 200_000, () => rawSum(violations));
const engine = measure('standing(100 violations)', 5_000, () => standing(input, asOf));
const preview = measure('previewFinding(100 violations + 1)', 2_000, () =>
  previewFinding(input, asOf, { rule: 'fake-transaction', facts: { transactions: 200, items: ['item-9'] } }),
);
console.log(
  `ratio standing / baseline: ${(engine / baseline).toFixed(0)}x; preview / baseline: ${(preview / baseline).toFixed(0)}x`,
);
console.log(`standing mean: ${(engine / 1000).toFixed(4)} ms per call (target: under 1 ms)`);
