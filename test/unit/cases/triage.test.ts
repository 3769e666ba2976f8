import { describe, expect, it } from 'vitest';
import { routingMatchInput } from '../../../shared/api/queues';
import { type RoutingRule, routeCase } from '../../../shared/cases/routing';
import { forecastReach, slaState } from '../../../shared/cases/sla';
import { rankOf, reporterCredibility, scoreAt, triageScore } from '../../../shared/cases/triage';

const DAY = 86_400_000;

describe('triage score', () => {
  const base = {
    rule: 'fake-transaction',
    source: 'user_report' as const,
    reporterCredibility: null,
    priorViolations: 0,
    reportCount: 1,
  };

  it('explains itself: the factors add up to the score', () => {
    const t = triageScore(base);
    expect(t.factors.map((f) => f.factor)).toEqual([
      'severity',
      'source',
      'reporterCredibility',
      'subjectStanding',
      'reports',
    ]);
    expect(t.base).toBe(t.factors.reduce((s, f) => s + f.points, 0));
  });

  it('ranks counterfeits above member-rights abuse, and user reports above detections', () => {
    expect(triageScore({ ...base, rule: 'counterfeit' }).base).toBeGreaterThan(
      triageScore({ ...base, rule: 'member-rights-abuse' }).base,
    );
    expect(triageScore(base).base).toBeGreaterThan(triageScore({ ...base, source: 'system_detection' }).base);
  });

  it('lowers the score of a reporter whose reports were dismissed, raises it for upheld ones', () => {
    const liar = triageScore({ ...base, reporterCredibility: reporterCredibility(0, 8) });
    const reliable = triageScore({ ...base, reporterCredibility: reporterCredibility(8, 0) });
    expect(liar.base).toBeLessThan(triageScore(base).base);
    expect(reliable.base).toBeGreaterThan(triageScore(base).base);
    expect(reporterCredibility(0, 0)).toBeNull();
  });

  it('adds age, and the stored rank orders cases exactly as their scores now do', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const cases = [
      { base: 50, created: new Date(now.getTime() - 10 * DAY) },
      { base: 60, created: new Date(now.getTime() - 2 * DAY) },
      { base: 40, created: new Date(now.getTime() - 20 * DAY) },
      { base: 70, created: new Date(now.getTime() - 0.5 * DAY) },
    ];
    for (const later of [0, 3, 30]) {
      const at = new Date(now.getTime() + later * DAY);
      const byScore = [...cases].sort(
        (a, b) =>
          scoreAt({ base: b.base, factors: [] }, b.created, at).score -
          scoreAt({ base: a.base, factors: [] }, a.created, at).score,
      );
      const byRank = [...cases].sort((a, b) => rankOf(b.base, b.created) - rankOf(a.base, a.created));
      expect(byRank).toEqual(byScore);
    }
    const aged = scoreAt({ base: 50, factors: [] }, new Date(now.getTime() - 10 * DAY), now);
    expect(aged.factors.at(-1)).toEqual({ factor: 'age', value: 10, points: 20 });
  });
});

describe('routing', () => {
  const rules: RoutingRule[] = [
    { id: 1, position: 10, queueId: 'counterfeit', match: { rules: ['counterfeit'] }, enabled: true },
    { id: 2, position: 5, queueId: 'vip', match: { subjectKinds: ['brand'], minSeverity: 3 }, enabled: true },
    { id: 3, position: 1, queueId: 'off', match: {}, enabled: false },
    { id: 4, position: 99, queueId: 'general', match: {}, enabled: true },
  ];
  const c = {
    rule: 'counterfeit',
    subjectKind: 'merchant' as const,
    source: 'user_report' as const,
    severity: 5,
    platform: 'taobao' as const,
  };

  it('takes the first enabled matching rule by position', () => {
    expect(routeCase(rules, c)).toBe('counterfeit');
    expect(routeCase(rules, { ...c, subjectKind: 'brand' })).toBe('vip');
    expect(routeCase(rules, { ...c, subjectKind: 'brand', severity: 2, rule: 'x' })).toBe('general');
  });

  it('leaves a case unrouted when nothing matches', () => {
    expect(routeCase(rules.slice(0, 3), { ...c, rule: 'fake-transaction' })).toBeNull();
  });

  it('routes by the subject platform when a rule names platforms', () => {
    const byPlatform: RoutingRule[] = [
      { id: 5, position: 1, queueId: 'kuaishou', match: { platforms: ['kuaishou'] }, enabled: true },
      { id: 6, position: 2, queueId: 'general', match: {}, enabled: true },
    ];
    const kuaishou = { ...c, rule: 'unfair-competition', platform: 'kuaishou' as const };
    expect(routeCase(byPlatform, kuaishou)).toBe('kuaishou');
    expect(routeCase(byPlatform, c)).toBe('general');
    // Saved through queueAdmin.saveRoutingRule: the condition is kept, an unknown platform refused.
    expect(routingMatchInput.parse({ platforms: ['kuaishou'] })).toEqual({ platforms: ['kuaishou'] });
    expect(routingMatchInput.safeParse({ platforms: ['douyin'] }).success).toBe(false);
    // An empty list is no condition, like the other lists.
    expect(routeCase([{ ...byPlatform[0]!, match: { platforms: [] } }], c)).toBe('kuaishou');
  });
});

describe('SLA forecast', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it('forecasts from the queue pace and flags cases due before they are reached', () => {
    const pace = { open: 20, closedPerDay: 4 };
    const reach = forecastReach(pace, 7, now);
    expect(reach?.toISOString()).toBe(new Date(now.getTime() + 2 * DAY).toISOString());
    expect(slaState(new Date(now.getTime() + 3 * DAY).toISOString(), reach, now, true)).toBe('ok');
    expect(slaState(new Date(now.getTime() + 1 * DAY).toISOString(), reach, now, true)).toBe('at_risk');
    expect(slaState(new Date(now.getTime() - 1).toISOString(), reach, now, true)).toBe('breached');
    expect(slaState(new Date(now.getTime() - 1).toISOString(), reach, now, false)).toBe('closed');
  });

  it('gives no forecast for a queue that closed nothing lately, and calls its cases at risk', () => {
    expect(forecastReach({ open: 5, closedPerDay: 0 }, 0, now)).toBeNull();
    expect(slaState(new Date(now.getTime() + 5 * DAY).toISOString(), null, now, true)).toBe('at_risk');
  });
});
