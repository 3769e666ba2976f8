/** The subject page's chart: the engine's standing at each finding's date through one platform year. */
import { describe, expect, it } from 'vitest';
import { defaultRulebook } from '../../../shared/rulebook';
import { standingSeries } from '../../../shared/subjects/standingSeries';
import { v } from '../rulebook/helpers';

const at = (text: string) => new Date(`${text}:00+08:00`);
/** 12 counterfeit points without a strike: facilitation in serious circumstances. */
const facilitation12 = (id: string, date: string) =>
  v(id, 'counterfeit', date, { kind: 'facilitation', serious: true });
const general = (id: string, date: string, points: number) => v(id, 'member-rights-abuse', date, { points });

describe('standingSeries', () => {
  it('starts the year at zero after the year end (《淘宝规则》第四十五条), then steps at each finding', () => {
    const history = {
      violations: [general('a', '2023-11-01', 6), general('b', '2024-03-01', 4), general('c', '2024-05-01', 2)],
    };
    const s = standingSeries(history, at('2024-06-01T12:00'), defaultRulebook);
    expect(s.year).toBe(2024);
    expect(s.years).toEqual([2024, 2023]);
    expect(s.points.map((p) => [p.kind, p.finding, p.points.general])).toEqual([
      ['year-start', null, 0],
      ['finding', 'b', 4],
      ['finding', 'c', 6],
      ['end', null, 6],
    ]);
    expect(s.points[0]?.at).toBe('2023-12-31T16:00:00.000Z');
    expect(s.points.at(-1)?.at).toBe('2024-06-01T04:00:00.000Z');
  });

  it('a past year runs to its last instant, with the points it had then', () => {
    const history = { violations: [general('a', '2023-11-01', 6)] };
    const s = standingSeries(history, at('2024-06-01T12:00'), defaultRulebook, 2023);
    expect(s.points.map((p) => [p.kind, p.points.general])).toEqual([
      ['year-start', 0],
      ['finding', 6],
      ['end', 6],
    ]);
    expect(s.points.at(-1)?.at).toBe('2023-12-31T15:59:59.999Z');
  });

  it('counterfeit points of 24 or more carry 24 into the next year ("以24分计入次年")', () => {
    const history = {
      violations: [
        facilitation12('a', '2023-03-10'),
        facilitation12('b', '2023-04-10'),
        facilitation12('c', '2023-05-10'),
      ],
    };
    const s = standingSeries(history, at('2024-02-01T00:00'), defaultRulebook);
    expect(s.points.map((p) => [p.kind, p.points.counterfeit])).toEqual([
      ['year-start', 24],
      ['end', 24],
    ]);
  });

  it('marks the finding whose points cross a node, and the punishment it starts', () => {
    const history = { violations: [general('a', '2024-02-01', 6), general('b', '2024-03-01', 6)] };
    const s = standingSeries(history, at('2024-03-05T00:00'), defaultRulebook);
    expect(s.nodes).toEqual([
      { at: '2024-03-01T02:00:00.000Z', finding: 'b', ledger: 'general', nodes: [12], outcome: 'executed' },
    ]);
    expect(s.punishments).toEqual([expect.objectContaining({ ledger: 'general', node: 12, finding: 'b' })]);
  });

  it('leaves reversed findings out, as the engine does', () => {
    const history = { violations: [general('a', '2024-02-01', 6), general('b', '2024-03-01', 6)], reversed: ['b'] };
    const s = standingSeries(history, at('2024-03-05T00:00'), defaultRulebook);
    expect(s.points.map((p) => p.points.general)).toEqual([0, 6, 6]);
    expect(s.nodes).toEqual([]);
  });

  it('has one point per instant, and none for a year not begun', () => {
    const history = { violations: [general('a', '2024-02-01', 3), general('b', '2024-02-01', 3)] };
    const s = standingSeries(history, at('2024-03-05T00:00'), defaultRulebook);
    expect(s.points.map((p) => [p.kind, p.finding, p.points.general])).toEqual([
      ['year-start', null, 0],
      ['finding', 'a', 6],
      ['end', null, 6],
    ]);
    expect(standingSeries(history, at('2024-03-05T00:00'), defaultRulebook, 2025).points).toEqual([]);
  });
});
