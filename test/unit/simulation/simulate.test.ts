/** The impact simulation, pure: what it counts, and a brute-force cross-check over random histories. */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultRulebook, type History, standing } from '../../../shared/rulebook';
import { compareSummaries, emptySummary, simulate, simulateSubject, summarize } from '../../../shared/simulation';
import { historyOf, longerSeriousNode, SIMULATION_AS_OF, seeded } from '../../support/simulationHistories';

const live = defaultRulebook;
const draft = longerSeriousNode();
const at = (day: string) => `${day}T10:00:00+08:00`;

describe('simulateSubject', () => {
  it('sees a longer node punishment, and nothing else, for a subject that reached the node', () => {
    const history: History = {
      violations: [
        { id: 'v1', rule: 'unauthorized-product', at: at('2026-03-01'), facts: { admission: 'seller', serious: true } },
      ],
    };
    const impact = simulateSubject({ subjectId: 'S1', history }, live, draft, SIMULATION_AS_OF);
    expect(impact.changed).toEqual({ points: false, nodes: false, punishments: true, seals: false, demotions: false });
    expect(impact.before.punishments.map((p) => p.until)).toEqual(['2026-03-08T10:00:00+08:00']);
    expect(impact.after.punishments.map((p) => p.until)).toEqual(['2026-03-11T10:00:00+08:00']);
    expect(impact.after.nodes).toEqual(['serious:12']);
  });

  it('sees no change for a subject below the node', () => {
    const history: History = {
      violations: [
        {
          id: 'v1',
          rule: 'unauthorized-product',
          at: at('2026-03-01'),
          facts: { admission: 'product', serious: true },
        },
      ],
    };
    const impact = simulateSubject({ subjectId: 'S2', history }, live, draft, SIMULATION_AS_OF);
    expect(Object.values(impact.changed).some(Boolean)).toBe(false);
  });

  it('counts points, nodes, seals and demotions when a draft moves them', () => {
    // A draft where one unauthorized seller charges 48 serious points: the 48 node seals.
    const harsher = {
      ...live,
      rules: live.rules.map((rule) =>
        rule.id !== 'unauthorized-product'
          ? rule
          : {
              ...rule,
              versions: rule.versions.map((v) => ({
                ...v,
                cases: v.cases.map((c) => (c.points === 12 ? { ...c, points: 48 } : c)),
                demotion: { itemsFact: 'items', days: 30, measure: 'search-demotion' },
              })),
            },
      ),
    };
    const history: History = {
      violations: [
        { id: 'v1', rule: 'unauthorized-product', at: at('2026-03-01'), facts: { admission: 'seller', serious: true } },
      ],
    };
    const impact = simulateSubject({ subjectId: 'S3', history }, live, harsher, SIMULATION_AS_OF);
    expect(impact.before.points.serious).toBe(12);
    expect(impact.after.points.serious).toBe(48);
    expect(impact.changed).toMatchObject({ points: true, nodes: true, punishments: true, seals: true });
    expect(impact.after.sealed).toBe(true);
  });
});

describe('compareSummaries', () => {
  it('reads a ledger one side lacks as 0 points', () => {
    const a = emptySummary(['general']);
    const b = emptySummary(['general', 'extra']);
    expect(compareSummaries(a, b).points).toBe(false);
    expect(compareSummaries(a, { ...b, points: { general: 0, extra: 1 } }).points).toBe(true);
  });

  it('is all false for the same standing', () => {
    const s = summarize(standing({ violations: [] }, SIMULATION_AS_OF, live));
    expect(Object.values(compareSummaries(s, s)).some(Boolean)).toBe(false);
  });
});

describe('simulate over many subjects (brute-force cross-check)', () => {
  const random = seeded(2026);
  const subjects = Array.from({ length: 400 }, (_, n) => ({
    subjectId: `S${n}`,
    history: { violations: historyOf(n, Math.floor(random() * 12), random) },
  }));
  const result = simulate(subjects, live, draft, SIMULATION_AS_OF);

  it('counts exactly the subjects whose standing differs, compared whole by the engine', () => {
    // Brute force: judge every subject twice and compare the engine's whole outputs, minus the
    // rulebook's id (the draft has its own) — independent of the summaries.
    const differing = subjects.filter((s) => {
      const a = { ...standing(s.history, SIMULATION_AS_OF, live), rulebook: '' };
      const b = { ...standing(s.history, SIMULATION_AS_OF, draft), rulebook: '' };
      return !isDeepStrictEqual(a, b);
    });
    expect(result.processed).toBe(400);
    expect(result.changed.subjects).toBe(differing.length);
    expect(result.impacts.map((i) => i.subjectId)).toEqual(differing.map((s) => s.subjectId));
    expect(differing.length).toBeGreaterThan(10);
  });

  it('finds exactly the subjects that executed the 12-point serious node (the one the draft changes)', () => {
    const reachedNode = subjects.filter((s) =>
      standing(s.history, SIMULATION_AS_OF, live).punishments.some(
        (p) => p.ledger === 'serious' && p.node === 12 && p.trigger === 'node',
      ),
    );
    expect(result.impacts.map((i) => i.subjectId)).toEqual(reachedNode.map((s) => s.subjectId));
    // A node's duration changes how long it lasts, never the points, the nodes reached or a seal.
    expect(result.changed).toEqual({
      subjects: reachedNode.length,
      points: 0,
      nodes: 0,
      punishments: reachedNode.length,
      seals: 0,
      demotions: 0,
    });
  });
});
