import { describe, expect, it } from 'vitest';
import { dailyIntake } from '../../../shared/metrics/intakeSeries';
import { ageBucketOf, ageCutoffs } from '../../../shared/metrics/openCases';
import {
  appealRates,
  decisionsByRule,
  median,
  ratio,
  reviewerThroughput,
  sendBackRates,
} from '../../../shared/metrics/people';
import { periodWindow, platformDay, platformDayOfUtcHour } from '../../../shared/metrics/period';
import { teamOf } from '../../../shared/metrics/team';

const NOW = new Date('2026-03-10T04:00:00.000Z'); // 12:00 on 10 March, platform time

describe('metric periods in platform time (UTC+8)', () => {
  it('names the platform day of an instant and of a UTC hour', () => {
    expect(platformDay(new Date('2026-03-09T15:59:59.999Z'), 480)).toBe('2026-03-09');
    expect(platformDay(new Date('2026-03-09T16:00:00.000Z'), 480)).toBe('2026-03-10');
    expect(platformDayOfUtcHour('2026-03-09T15', 480)).toBe('2026-03-09');
    expect(platformDayOfUtcHour('2026-03-09T16', 480)).toBe('2026-03-10');
  });

  it('makes "last 7 days" today and the six days before, from platform midnight', () => {
    const w = periodWindow(NOW, 7, 480);
    expect(w.from.toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(w.to).toBe(NOW);
    expect(w.days).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(periodWindow(NOW, 30, 480).days).toHaveLength(30);
    expect(periodWindow(NOW, 30, 480).days[0]).toBe('2026-02-09');
  });
});

describe('open-case age buckets', () => {
  it('puts a case in the bucket of its age, boundaries in the older bucket', () => {
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
    expect(ageBucketOf(at(1), NOW)).toBe('under1d');
    expect(ageBucketOf(at(24), NOW)).toBe('from1to3d');
    expect(ageBucketOf(at(71), NOW)).toBe('from1to3d');
    expect(ageBucketOf(at(72), NOW)).toBe('from3to7d');
    expect(ageBucketOf(at(24 * 7), NOW)).toBe('over7d');
    expect(ageCutoffs(NOW)).toEqual([
      '2026-03-09T04:00:00.000Z',
      '2026-03-07T04:00:00.000Z',
      '2026-03-03T04:00:00.000Z',
    ]);
  });
});

describe('daily intake', () => {
  it('shifts UTC hours into platform days, sums sources, and fills empty days', () => {
    const days = ['2026-03-09', '2026-03-10'];
    expect(
      dailyIntake(
        [
          { hour: '2026-03-09T15', source: 'user_report', n: 2 },
          { hour: '2026-03-09T16', source: 'user_report', n: 1 },
          { hour: '2026-03-10T01', source: 'system_detection', n: 5 },
          { hour: '2026-03-07T01', source: 'spot_check', n: 9 }, // outside the days asked for
        ],
        days,
        480,
      ),
    ).toEqual([
      { day: '2026-03-09', user_report: 2, spot_check: 0, system_detection: 0, total: 2 },
      { day: '2026-03-10', user_report: 1, spot_check: 0, system_detection: 5, total: 6 },
    ]);
  });
});

describe('people figures', () => {
  it('takes the median of odd and even counts, and null of nothing', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(ratio(1, 0)).toBe(0);
  });

  it('counts throughput per person and the median claim-to-decision minutes, idle people included', () => {
    const rows = reviewerThroughput(
      [
        { id: 1, name: '李明' },
        { id: 2, name: '王芳' },
      ],
      [
        { decidedBy: 1, decidedAt: '2026-03-09T10:30:00.000Z', claimedAt: '2026-03-09T10:00:00.000Z' },
        { decidedBy: 1, decidedAt: '2026-03-09T12:00:00.000Z', claimedAt: '2026-03-09T10:00:00.000Z' },
        { decidedBy: 1, decidedAt: '2026-03-09T13:00:00.000Z', claimedAt: null },
        { decidedBy: 3, decidedAt: '2026-03-09T13:00:00.000Z', claimedAt: null }, // not listed: ignored
      ],
      7,
    );
    expect(rows).toEqual([
      { userId: 1, name: '李明', decisions: 3, perDay: 0.43, medianHandlingMinutes: 75, timed: 2 },
      { userId: 2, name: '王芳', decisions: 0, perDay: 0, medianHandlingMinutes: null, timed: 0 },
    ]);
  });

  it('splits decisions by rule and outcome, busiest rule first', () => {
    expect(
      decisionsByRule([
        { rule: 'counterfeit', kind: 'apply', n: 1 },
        { rule: 'fake-transaction', kind: 'apply', n: 2 },
        { rule: 'fake-transaction', kind: 'dismiss', n: 1 },
      ]),
    ).toEqual([
      { rule: 'fake-transaction', apply: 2, waive: 0, dismiss: 1, escalate: 0, total: 3 },
      { rule: 'counterfeit', apply: 1, waive: 0, dismiss: 0, escalate: 0, total: 1 },
    ]);
  });

  it('puts appeal rate and overturn rate side by side, even for keys with only one of them', () => {
    expect(
      appealRates(
        [{ key: 'r1', label: 'R1', decisions: 4, appealed: 1 }],
        [
          { key: 'r1', label: 'R1', approved: true },
          { key: 'r1', label: 'R1', approved: false },
          { key: 'r2', label: 'R2', approved: true },
        ],
      ),
    ).toEqual([
      {
        key: 'r1',
        label: 'R1',
        decisions: 4,
        appealed: 1,
        appealRate: 0.25,
        ruled: 2,
        overturned: 1,
        overturnRate: 0.5,
      },
      { key: 'r2', label: 'R2', decisions: 0, appealed: 0, appealRate: 0, ruled: 1, overturned: 1, overturnRate: 1 },
    ]);
  });

  it('computes the four-eyes send-back rate overall and per reviewer', () => {
    expect(
      sendBackRates([
        { userId: 1, name: 'A', status: 'effective', n: 3 },
        { userId: 1, name: 'A', status: 'sent_back', n: 1 },
        { userId: 2, name: 'B', status: 'sent_back', n: 1 },
      ]),
    ).toEqual({
      reviewed: 5,
      sentBack: 2,
      rate: 0.4,
      byReviewer: [
        { userId: 2, name: 'B', reviewed: 1, sentBack: 1, rate: 1 },
        { userId: 1, name: 'A', reviewed: 4, sentBack: 1, rate: 0.25 },
      ],
    });
  });
});

describe("a lead's team", () => {
  it('is everyone sharing a queue with the lead, over every queue they work', () => {
    const memberships = [
      { queueId: 'q1', userId: 1 }, // the lead
      { queueId: 'q1', userId: 2 },
      { queueId: 'q2', userId: 2 },
      { queueId: 'q2', userId: 3 }, // shares q2 with 2, not with the lead
      { queueId: 'q3', userId: 4 },
    ];
    expect(teamOf(memberships, 1)).toEqual({ members: [1, 2], queues: ['q1', 'q2'] });
    expect(teamOf(memberships, 9)).toEqual({ members: [9], queues: [] });
  });

  it('counts a queue every lead works (escalations) without making the leads one team', () => {
    const memberships = [
      { queueId: 'q1', userId: 1 }, // lead 1
      { queueId: 'q1', userId: 2 },
      { queueId: 'q3', userId: 4 }, // lead 4
      { queueId: 'q3', userId: 5 },
      { queueId: 'escalations', userId: 1 },
      { queueId: 'escalations', userId: 4 },
    ];
    const shared = new Set(['escalations']);
    expect(teamOf(memberships, 1, shared)).toEqual({ members: [1, 2], queues: ['escalations', 'q1'] });
    expect(teamOf(memberships, 4, shared)).toEqual({ members: [4, 5], queues: ['escalations', 'q3'] });
    // Without the rule, escalations would merge both teams.
    expect(teamOf(memberships, 1).members).toEqual([1, 2, 4]);
  });
});
