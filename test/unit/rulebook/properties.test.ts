/** Invariants of the engine over random histories (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type History, standing as judge, type Standing, type Violation } from '../../../shared/rulebook';
import { SERIOUS_BY_REVIEWER, taobaoForTests } from './helpers';

/** Judged by Taobao's rulebook plus the test rule that charges serious points of any size. */
const standing = (history: History, asOf: string | Date) => judge(history, asOf, taobaoForTests);

// Taobao histories (the other platforms: platformProperties.test.ts). Times cluster in about two
// and a half years from December 2022, at whole hours, so that nodes, caps, year ends and equal instants interact often.
const BASE = Date.UTC(2022, 11, 20, 2); // 2022-12-20T10:00+08:00
const HOUR = 3_600_000;
const ASOF = new Date(BASE + 950 * 24 * HOUR).toISOString();

const at = fc.integer({ min: 0, max: 900 * 24 }).map((hours) => new Date(BASE + hours * HOUR).toISOString());
const flag = fc.constantFrom(undefined, false, true, false);
const reviewerFacts = fc.record(
  {
    points: fc.integer({ min: 0, max: 30 }),
    measures: fc.subarray(['public-warning', 'identity-verification', 'buyer-actions-restricted', 'account-sealed']),
  },
  { requiredKeys: [] },
);
const strip = (facts: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));

const ruleAndFacts: fc.Arbitrary<{ rule: string; facts: Record<string, unknown> }> = fc.oneof(
  fc
    .record({
      transactions: fc.integer({ min: 0, max: 200 }),
      items: fc.subarray(['A', 'B', 'C']),
      largeScale: flag,
      aggravated: fc.constantFrom(undefined, false, false, true),
      providesService: fc.constantFrom(undefined, false, false, true),
    })
    .map((facts) => ({ rule: 'fake-transaction', facts: strip(facts) })),
  fc
    .oneof(
      fc.record({ kind: fc.constant('listing'), items: fc.integer({ min: 1, max: 8 }), special: flag }),
      fc.record({ kind: fc.constant('sale'), special: flag }),
      fc.record({ kind: fc.constant('facilitation'), serious: flag }),
    )
    .map((facts) => ({ rule: 'counterfeit', facts: strip(facts) })),
  fc
    .record({ admission: fc.constantFrom('product', 'seller'), serious: flag })
    .map((facts) => ({ rule: 'unauthorized-product', facts: strip(facts) })),
  fc.constant({ rule: 'improper-registration', facts: { accounts: 10 } }),
  fc.constant({ rule: 'false-appeal-evidence', facts: {} }),
  fc
    .tuple(fc.constantFrom('member-rights-abuse', SERIOUS_BY_REVIEWER), reviewerFacts)
    .map(([rule, facts]) => ({ rule, facts })),
);

const history: fc.Arbitrary<Violation[]> = fc
  .array(fc.tuple(ruleAndFacts, at), { minLength: 1, maxLength: 30 })
  .map((rows) => rows.map(([{ rule, facts }, time], i) => ({ id: `v${i}`, rule, at: time, facts })));

/**
 * "Punishment" for the reversal property: sealing (and how early), points standing and points
 * charged, strikes, demoted days. Time served under node punishments and the count of nodes reached
 * are deliberately not among them: removing points moves later node crossings and can split two
 * overlapping node punishments apart, or un-seal a year so that next year's nodes fire again
 * (docs/RULEBOOK.md, "Reversals"); neither is monotone under any reading of the node rule.
 */
const totalPoints = (s: Standing) => Object.values(s.points).reduce((sum, p) => sum + p, 0);
const chargedPoints = (s: Standing) => s.findings.reduce((sum, f) => sum + f.points, 0);
const demotedDays = (s: Standing) => s.demotions.reduce((sum, d) => sum + d.days, 0);
const sealedSince = (s: Standing) =>
  Math.min(...s.punishments.filter((p) => p.until === null && s.sealed).map((p) => Date.parse(p.from)), Infinity);

describe('engine invariants', () => {
  it('points are never negative, and punishments never end before they start', () => {
    fc.assert(
      fc.property(history, (violations) => {
        const s = standing({ violations }, ASOF);
        for (const value of Object.values(s.points)) expect(value).toBeGreaterThanOrEqual(0);
        for (const f of s.findings) expect(f.points).toBeGreaterThanOrEqual(0);
        for (const p of s.punishments)
          if (p.until !== null) expect(Date.parse(p.until)).toBeGreaterThanOrEqual(Date.parse(p.from));
      }),
      { numRuns: 300 },
    );
  });

  it('reversing violations never increases punishment', () => {
    const withReversals = history.chain((violations) =>
      fc.tuple(
        fc.constant(violations),
        fc.subarray(
          violations.map((v) => v.id),
          { minLength: 1 },
        ),
      ),
    );
    fc.assert(
      fc.property(withReversals, ([violations, reversed]) => {
        const before = standing({ violations }, ASOF);
        const after = standing({ violations, reversed }, ASOF);
        expect(after.sealed && !before.sealed).toBe(false);
        expect(sealedSince(after)).toBeGreaterThanOrEqual(sealedSince(before));
        expect(totalPoints(after)).toBeLessThanOrEqual(totalPoints(before));
        expect(chargedPoints(after)).toBeLessThanOrEqual(chargedPoints(before));
        expect(demotedDays(after)).toBeLessThanOrEqual(demotedDays(before));
        expect(after.strikes.counterfeit ?? 0).toBeLessThanOrEqual(before.strikes.counterfeit ?? 0);
      }),
      { numRuns: 400 },
    );
  });

  it('a violation applied and then reversed on appeal leaves exactly the standing it never had (every rule)', () => {
    fc.assert(
      fc.property(history, ruleAndFacts, at, (past, extra, time) => {
        const asOf = new Date(BASE + 1000 * 24 * HOUR).toISOString();
        const appealed = { id: 'appealed', rule: extra.rule, at: time, facts: extra.facts };
        const { excluded: _reversed, ...reversed } = standing(
          { violations: [...past, appealed], reversed: ['appealed'] },
          asOf,
        );
        const { excluded: _none, ...never } = standing({ violations: past }, asOf);
        expect(reversed).toEqual(never);
      }),
      { numRuns: 150 },
    );
  });

  it('the order of the input does not matter', () => {
    const shuffled = history.chain((violations) =>
      fc.tuple(
        fc.constant(violations),
        fc.shuffledSubarray(violations, { minLength: violations.length, maxLength: violations.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([violations, permuted]) => {
        expect(standing({ violations: permuted }, ASOF)).toEqual(standing({ violations }, ASOF));
      }),
      { numRuns: 200 },
    );
  });

  it('the same history at the same instant gives the same standing, however asOf is written', () => {
    fc.assert(
      fc.property(history, (violations) => {
        const a = standing({ violations }, ASOF);
        const b = standing({ violations: structuredClone(violations) }, new Date(Date.parse(ASOF)));
        const c = standing({ violations }, new Date(Date.parse(ASOF)).toISOString().replace('Z', '+00:00'));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      }),
      { numRuns: 100 },
    );
  });

  it('listings never charge more than 12 points within any 3 days of one year', () => {
    const listings = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 24 * 20 })), { maxLength: 25 })
      .map((rows) =>
        rows.map(([items, hours], i) => ({
          id: `l${i}`,
          rule: 'counterfeit',
          at: new Date(BASE + 300 * 24 * HOUR + hours * HOUR).toISOString(),
          facts: { kind: 'listing', items },
        })),
      );
    fc.assert(
      fc.property(listings, (violations) => {
        const s = standing({ violations }, ASOF);
        const charged = s.findings.map((f) => ({ at: Date.parse(f.at), points: f.points }));
        for (const end of charged) {
          const inWindow = charged
            .filter((c) => c.at > end.at - 72 * HOUR && c.at <= end.at)
            .reduce((sum, c) => sum + c.points, 0);
          expect(inWindow).toBeLessThanOrEqual(12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
