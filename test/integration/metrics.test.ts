import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { loadDashboardMetrics } from '../../server/services/metrics.service';
import { signIn } from '../support/apiClient';
import { TEST_PASSWORD } from '../support/factories';
import { METRICS_NOW, type MetricsStaff, seedMetricsFixture } from '../support/metricsFixture';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

/** Every expected figure below is worked out by hand from test/support/metricsFixture.ts. */
describe.each(BACKENDS)('dashboard metrics on %s', (backend) => {
  let server: TestServer;
  let staff: MetricsStaff;
  const zeroDay = (day: string) => ({ day, user_report: 0, spot_check: 0, system_detection: 0, total: 0 });

  beforeAll(async () => {
    server = await startTestServer(backend, { clock: fakeClock(METRICS_NOW) });
    ({ staff } = await seedMetricsFixture(server.db));
  });
  afterAll(() => server.stop());

  const asLead = (periodDays: 7 | 30) =>
    loadDashboardMetrics(server.db, METRICS_NOW, { id: staff.lead, role: 'lead' }, periodDays, 480);

  it("scopes a lead to the team sharing the lead's queues, and to the queues that team works", async () => {
    const m = await asLead(7);
    expect(m.scope.kind).toBe('team');
    // The escalations queue, which every lead works, counts as well (without making leads a team).
    expect(m.scope.queues).toEqual(['escalations', 'q1', 'q2']);
    expect(m.scope.members.map((p) => p.name).sort()).toEqual(['lead', 'reva', 'revb']);
    // Whole platform days: 4 March 00:00 UTC+8 up to now.
    expect(m.from).toBe('2026-03-03T16:00:00.000Z');
    expect(m.to).toBe(METRICS_NOW.toISOString());
  });

  it('counts open cases by queue and age bucket', async () => {
    expect((await asLead(7)).openByQueue).toEqual([
      { queue: 'q1', under1d: 1, from1to3d: 1, from3to7d: 0, over7d: 1, total: 3 },
      { queue: 'q2', under1d: 0, from1to3d: 0, from3to7d: 1, over7d: 0, total: 1 },
    ]);
  });

  it("counts SLA breaches, the at-risk forecast from each queue's pace, and late closures", async () => {
    expect((await asLead(7)).sla).toEqual([
      // q1 closes 2/7 a day: its 3 open cases are reached in 14 days; c1 (due in 5) is at risk.
      { queue: 'q1', open: 3, breached: 1, atRisk: 1, closed: 2, closedLate: 1 },
      // q2 closed nothing lately: every open case not yet breached is at risk.
      { queue: 'q2', open: 1, breached: 0, atRisk: 1, closed: 0, closedLate: 0 },
    ]);
    expect((await asLead(30)).sla[0]).toMatchObject({ queue: 'q1', closed: 3, closedLate: 1 });
  });

  it('counts reports per platform day (UTC+8) and source, with empty days present', async () => {
    const intake = (await asLead(7)).intakeDaily;
    expect(intake.map((d) => d.day)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(intake).toEqual([
      zeroDay('2026-03-04'),
      { ...zeroDay('2026-03-05'), system_detection: 1, total: 1 },
      zeroDay('2026-03-06'),
      zeroDay('2026-03-07'),
      { ...zeroDay('2026-03-08'), spot_check: 1, total: 1 },
      // 15:30 UTC is 23:30 on the 9th in platform time; 16:30 UTC is already the 10th.
      { ...zeroDay('2026-03-09'), user_report: 1, total: 1 },
      { ...zeroDay('2026-03-10'), system_detection: 1, total: 1 },
    ]);
    const month = (await asLead(30)).intakeDaily;
    expect(month).toHaveLength(30);
    expect(month.find((d) => d.day === '2026-03-03')).toMatchObject({ user_report: 1, total: 1 });
  });

  it("counts the team's decisions by rule and outcome, leaving out sent-back ones and non-members", async () => {
    expect((await asLead(7)).decisionsByRule).toEqual([
      { rule: 'counterfeit', apply: 1, waive: 0, dismiss: 1, escalate: 0, total: 2 },
      { rule: 'fake-transaction', apply: 2, waive: 0, dismiss: 0, escalate: 0, total: 2 },
      { rule: 'unfair-competition', apply: 0, waive: 1, dismiss: 0, escalate: 0, total: 1 },
    ]);
  });

  it('measures throughput and the median claim-to-decision time per reviewer', async () => {
    const reviewers = (await asLead(7)).reviewers;
    expect(reviewers).toEqual([
      // Handling times 30 and 90 minutes (the later of two claims; another reviewer's claim ignored).
      { userId: staff.reva, name: 'reva', decisions: 3, perDay: 0.43, medianHandlingMinutes: 60, timed: 2 },
      { userId: staff.revb, name: 'revb', decisions: 2, perDay: 0.29, medianHandlingMinutes: null, timed: 0 },
      { userId: staff.lead, name: 'lead', decisions: 0, perDay: 0, medianHandlingMinutes: null, timed: 0 },
    ]);
  });

  it('computes appeal and overturn rates per reviewer and per rule', async () => {
    const m = await asLead(7);
    expect(m.appealsByReviewer).toEqual([
      {
        key: String(staff.reva),
        label: 'reva',
        decisions: 2,
        appealed: 1,
        appealRate: 0.5,
        ruled: 2,
        overturned: 2,
        overturnRate: 1,
      },
      {
        key: String(staff.revb),
        label: 'revb',
        decisions: 1,
        appealed: 1,
        appealRate: 1,
        ruled: 1,
        overturned: 0,
        overturnRate: 0,
      },
    ]);
    expect(m.appealsByRule).toEqual([
      {
        key: 'fake-transaction',
        label: 'fake-transaction',
        decisions: 2,
        appealed: 1,
        appealRate: 0.5,
        ruled: 2,
        overturned: 2,
        overturnRate: 1,
      },
      {
        key: 'counterfeit',
        label: 'counterfeit',
        decisions: 1,
        appealed: 1,
        appealRate: 1,
        ruled: 1,
        overturned: 0,
        overturnRate: 0,
      },
    ]);
    // Over 30 days reva's decision of ten days ago (appealed, overturned) counts too.
    expect((await asLead(30)).appealsByReviewer[0]).toMatchObject({ decisions: 3, appealed: 2, ruled: 2 });
  });

  it('computes the four-eyes send-back rate', async () => {
    expect((await asLead(7)).fourEyes).toEqual({
      reviewed: 2,
      sentBack: 1,
      rate: 0.5,
      byReviewer: [
        { userId: staff.reva, name: 'reva', reviewed: 1, sentBack: 1, rate: 1 },
        { userId: staff.revb, name: 'revb', reviewed: 1, sentBack: 0, rate: 0 },
      ],
    });
  });

  it('shows a reviewer only their own figures, through the API', async () => {
    const reva = await signIn(server.url, 'reva', TEST_PASSWORD);
    const m = await reva.trpc.metrics.dashboard.query({ periodDays: 7 });
    expect(m.scope).toEqual({ kind: 'self', queues: [], members: [{ id: staff.reva, name: 'reva' }] });
    // Only the cases assigned to reva: c2 open and breached; c6 (late) and c7 closed.
    expect(m.openByQueue).toEqual([{ queue: 'q1', under1d: 0, from1to3d: 1, from3to7d: 0, over7d: 0, total: 1 }]);
    expect(m.sla).toEqual([{ queue: 'q1', open: 1, breached: 1, atRisk: 0, closed: 2, closedLate: 1 }]);
    expect(m.intakeDaily.filter((d) => d.total > 0)).toEqual([{ ...zeroDay('2026-03-08'), spot_check: 1, total: 1 }]);
    expect(m.reviewers.map((r) => r.userId)).toEqual([staff.reva]);
    expect(m.appealsByReviewer.map((r) => r.key)).toEqual([String(staff.reva)]);
    expect(m.fourEyes.byReviewer.map((r) => r.userId)).toEqual([staff.reva]);
    expect(m.decisionsByRule.reduce((n, r) => n + r.total, 0)).toBe(3);
  });

  it('gives a lead the team figures through the API, and refuses other periods', async () => {
    const lead = await signIn(server.url, 'lead', TEST_PASSWORD);
    const m = await lead.trpc.metrics.dashboard.query({ periodDays: 7 });
    expect(m.reviewers.map((r) => r.name)).toEqual(['reva', 'revb', 'lead']);
    await expect(lead.trpc.metrics.dashboard.query({ periodDays: 14 as 7 })).rejects.toThrow();
  });
});
