/**
 * Invariants of each platform's rulebook over random histories (fast-check): no finding ever
 * moves another platform's ledger, and each platform's year end and carry-over hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPROPER_INFO_USE_SITUATIONS,
  IMPROPER_INFO_USE_STEPS,
  PLATFORM_IDS,
  type PlatformId,
  rulebookOf,
  type Standing,
  standing,
  UNFAIR_COMPETITION_SCENES,
  type Violation,
} from '../../../shared/rulebook';

// Whole hours over about three platform years from December 2022, so that year ends, nodes and
// caps meet often; every rule is in force from the first instant.
const BASE = Date.UTC(2022, 11, 20, 2); // 2022-12-20T10:00+08:00
const HOUR = 3_600_000;
const SPAN_HOURS = 1000 * 24;
const at = fc.integer({ min: 0, max: SPAN_HOURS }).map((h) => new Date(BASE + h * HOUR).toISOString());
const asOf = fc.integer({ min: 0, max: SPAN_HOURS + 60 * 24 }).map((h) => new Date(BASE + h * HOUR).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const strip = (facts: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
const chosenMeasures = (platform: PlatformId) =>
  maybe(fc.subarray(rulebookOf(platform).rules.flatMap((r) => r.versions.flatMap((v) => [...v.measures]))));

type RuleAndFacts = { rule: string; facts: Record<string, unknown> };

const RULES: Record<PlatformId, fc.Arbitrary<RuleAndFacts>> = {
  taobao: fc.oneof(
    fc
      .record({
        transactions: fc.integer({ min: 0, max: 200 }),
        items: fc.subarray(['A', 'B']),
        largeScale: maybe(fc.boolean()),
      })
      .map((facts) => ({ rule: 'fake-transaction', facts: strip(facts) })),
    fc
      .oneof(
        fc.record({ kind: fc.constant('listing'), items: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant('sale') }),
        fc.record({ kind: fc.constant('facilitation'), serious: fc.boolean() }),
      )
      .map((facts) => ({ rule: 'counterfeit', facts })),
    fc
      .record({ admission: fc.constantFrom('product', 'seller'), serious: fc.boolean() })
      .map((facts) => ({ rule: 'unauthorized-product', facts })),
    fc
      .record({ points: maybe(fc.integer({ min: 0, max: 30 })), measures: chosenMeasures('taobao') })
      .map((facts) => ({ rule: 'member-rights-abuse', facts: strip(facts) })),
    fc.constant({ rule: 'false-appeal-evidence', facts: {} }),
    fc.constant({ rule: 'improper-registration', facts: { accounts: 5 } }),
  ),
  xianyu: fc.oneof(
    fc.constant({ rule: 'xianyu-general', facts: {} }),
    fc
      .record({ controlDays: maybe(fc.integer({ min: 7, max: 30 })) })
      .map((facts) => ({ rule: 'xianyu-serious', facts: strip(facts) })),
    fc.constant({ rule: 'xianyu-major', facts: {} }),
  ),
  '1688': fc
    .record({
      situation: maybe(fc.constantFrom(...IMPROPER_INFO_USE_SITUATIONS)),
      step: maybe(fc.constantFrom(...IMPROPER_INFO_USE_STEPS)),
      points: maybe(fc.integer({ min: 0, max: 30 })),
      measures: chosenMeasures('1688'),
    })
    .map((facts) => ({ rule: 'improper-info-use', facts: strip(facts) })),
  kuaishou: fc
    .record({
      scene: maybe(fc.constantFrom(...UNFAIR_COMPETITION_SCENES)),
      points: maybe(fc.integer({ min: 0, max: 30 })),
      measures: chosenMeasures('kuaishou'),
    })
    .map((facts) => ({ rule: 'unfair-competition', facts: strip(facts) })),
};

const historyOf = (platform: PlatformId, prefix: string): fc.Arbitrary<Violation[]> =>
  fc
    .array(fc.tuple(RULES[platform], at), { minLength: 1, maxLength: 20 })
    .map((rows) => rows.map(([{ rule, facts }, time], i) => ({ id: `${prefix}${i}`, rule, at: time, facts })));

const platform = fc.constantFrom(...PLATFORM_IDS);
const RUNS = { numRuns: 60 };

/** Every ledger and measure the standing names is the platform's own. */
function ownLedgersAndMeasures(s: Standing, p: PlatformId): void {
  const book = rulebookOf(p);
  const ledgers = Object.keys(book.ledgers);
  expect(s.platform).toBe(p);
  expect(Object.keys(s.points)).toEqual(ledgers);
  expect(Object.keys(s.carried)).toEqual(ledgers);
  for (const x of [...s.findings, ...s.punishments]) {
    expect(ledgers).toContain(x.ledger);
    for (const m of x.measures) expect(Object.keys(book.measures)).toContain(m);
  }
}

describe('per-platform invariants', () => {
  it("no finding ever moves another platform's ledger", () => {
    fc.assert(
      fc.property(
        platform.chain((p) =>
          fc.tuple(
            fc.constant(p),
            historyOf(p, 'own'),
            fc.constantFrom(...PLATFORM_IDS.filter((q) => q !== p)).chain((q) => historyOf(q, 'other')),
            asOf,
          ),
        ),
        ([p, own, other, when]) => {
          const alone = standing({ violations: own }, when);
          ownLedgersAndMeasures(alone, p);
          // Judged by the platform's rulebook, the other platform's findings are set aside whole…
          const together = standing({ violations: [...own, ...other] }, when, rulebookOf(p));
          expect({ ...together, excluded: together.excluded.filter((e) => e.reason !== 'other-platform') }).toEqual(
            alone,
          );
          expect(together.excluded.filter((e) => e.reason === 'other-platform')).toHaveLength(other.length);
          // …and without one, the mix is refused.
          expect(() => standing({ violations: [...own, ...other] }, when)).toThrow('a history mixing platforms');
        },
      ),
      RUNS,
    );
  });

  it("the year end: this year's points are what the year carried plus what it added; the carry follows the platform's rule", () => {
    fc.assert(
      fc.property(
        platform.chain((p) => fc.tuple(fc.constant(p), historyOf(p, 'v'), asOf)),
        ([p, violations, when]) => {
          const s = standing({ violations }, when);
          const policies = rulebookOf(p).ledgers;
          for (const [ledger, policy] of Object.entries(policies)) {
            const added = s.findings
              .filter((f) => f.ledger === ledger && f.year === s.year)
              .reduce((sum, f) => sum + f.points, 0);
            const carried = s.carried[ledger] ?? 0;
            expect(s.points[ledger]).toBe(carried + added);
            const earlier = s.findings
              .filter((f) => f.ledger === ledger && f.year < s.year)
              .reduce((sum, f) => sum + f.points, 0);
            expect(carried).toBeLessThanOrEqual(earlier);
            const { keepAtOrAbove, carryOver } = policy.yearEnd;
            if (keepAtOrAbove === 0) {
              // Kuaishou: nothing resets, so the year starts with everything before it.
              expect(carried).toBe(earlier);
            } else {
              const kept = keepAtOrAbove !== undefined && carried >= keepAtOrAbove;
              const carriedOver = carryOver !== undefined && carried === carryOver.points;
              expect(carried === 0 || kept || carriedOver, `${p}.${ledger} carried ${carried}`).toBe(true);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('a later instant never lowers the points of platforms without a year end, nor lifts a seal', () => {
    fc.assert(
      fc.property(
        platform.chain((p) => fc.tuple(fc.constant(p), historyOf(p, 'v'), asOf, asOf)),
        ([p, violations, a, b]) => {
          const [early, late] = Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a];
          const first = standing({ violations }, early);
          const second = standing({ violations }, late);
          if (first.sealed) expect(second.sealed).toBe(true);
          if (p === 'kuaishou')
            expect(second.points.violation ?? 0).toBeGreaterThanOrEqual(first.points.violation ?? 0);
        },
      ),
      RUNS,
    );
  });
});
