import type { DashboardMetrics } from '../../shared/api/metrics';
import { can, type Role } from '../../shared/auth/roles';
import { forecastReach } from '../../shared/cases/sla';
import { dailyIntake } from '../../shared/metrics/intakeSeries';
import { ageCutoffs } from '../../shared/metrics/openCases';
import { appealRates, decisionsByRule, reviewerThroughput, sendBackRates } from '../../shared/metrics/people';
import { periodWindow } from '../../shared/metrics/period';
import { teamOf } from '../../shared/metrics/team';
import type { PlatformId } from '../../shared/rulebook/platforms';
import type { Executor } from '../db/database';
import { type CaseScope, metricsRepo, type Range } from '../db/repositories/metrics.repo';
import { qaSection } from './qaMetrics';
import { queuePaces } from './queuePace';

interface Viewer {
  id: number;
  role: Role;
}

interface Scope {
  kind: 'team' | 'self';
  cases: CaseScope;
  people: number[];
  queues: string[];
}

/** Leads see their team's figures; everyone else only their own (cases assigned to them, their decisions). */
async function scopeOf(db: Executor, viewer: Viewer, platform: PlatformId | undefined): Promise<Scope> {
  if (!can(viewer.role, 'metrics.team'))
    return { kind: 'self', cases: { assigneeId: viewer.id, platform }, people: [viewer.id], queues: [] };
  const [memberships, shared] = await Promise.all([metricsRepo.queueMemberships(db), metricsRepo.queuesByRole(db)]);
  const team = teamOf(memberships, viewer.id, shared);
  return { kind: 'team', cases: { queues: team.queues, platform }, people: team.members, queues: team.queues };
}

/** `metrics.dashboard`: every chart's data for the period, in one round trip. */
export async function loadDashboardMetrics(
  db: Executor,
  now: Date,
  viewer: Viewer,
  periodDays: 7 | 30,
  /** Days are the platform's days: the rulebook's offset from UTC. */
  utcOffsetMinutes: number,
  /** Only cases (and decisions on cases) about subjects of this platform; all platforms when absent. */
  platform?: PlatformId,
): Promise<DashboardMetrics> {
  const scope = await scopeOf(db, viewer, platform);
  const window = periodWindow(now, periodDays, utcOffsetMinutes);
  const range: Range = { from: window.from.toISOString(), to: now.toISOString() };
  const at = now.toISOString();

  const [people, openAges, open, closed, paces, intake, byRule, timings, appealable, rulings, fourEyes] =
    await Promise.all([
      metricsRepo.people(db, scope.people),
      metricsRepo.openByQueueAndAge(db, scope.cases, ageCutoffs(now)),
      metricsRepo.openBreaches(db, scope.cases, at),
      metricsRepo.closedInRange(db, scope.cases, range),
      queuePaces(db, now),
      metricsRepo.intakeByHour(db, scope.cases, range),
      metricsRepo.decisionsByRuleAndKind(db, scope.people, range, platform),
      metricsRepo.decisionTimings(db, scope.people, range, platform),
      metricsRepo.appealableDecisions(db, scope.people, range, platform),
      metricsRepo.appealRulings(db, scope.people, range, platform),
      metricsRepo.fourEyesOutcomes(db, scope.people, range, platform),
    ]);

  // The forecast is the queue's, whoever's cases are counted: the same one the queue page shows.
  const forecasts = open.map((row) => {
    const pace = paces.get(row.queue);
    const reach = pace ? forecastReach(pace, pace.open, now) : null;
    return { queue: row.queue, forecastAt: reach?.toISOString() ?? null };
  });
  const atRisk = await metricsRepo.openAtRisk(db, scope.cases, at, forecasts);

  return {
    scope: { kind: scope.kind, queues: scope.queues, members: people },
    periodDays,
    from: range.from,
    to: range.to,
    openByQueue: openAges.sort(byQueue),
    sla: slaRows(open, atRisk, closed),
    intakeDaily: dailyIntake(intake, window.days, utcOffsetMinutes),
    decisionsByRule: decisionsByRule(byRule),
    reviewers: reviewerThroughput(people, timings, periodDays),
    appealsByReviewer: appealRates(
      appealable.map((a) => ({
        key: String(a.decidedBy),
        label: a.name,
        decisions: a.decisions,
        appealed: a.appealed,
      })),
      rulings.map((r) => ({ key: String(r.decided_by), label: r.display_name, approved: r.status === 'approved' })),
    ),
    appealsByRule: appealRates(
      appealable.map((a) => ({ key: a.rule, label: a.rule, decisions: a.decisions, appealed: a.appealed })),
      rulings.map((r) => ({ key: r.rule, label: r.rule, approved: r.status === 'approved' })),
    ),
    fourEyes: sendBackRates(fourEyes),
    qa: await qaSection(db, { scope, range, days: window.days, utcOffsetMinutes }),
  };
}

function slaRows(
  open: { queue: string | null; open: number; breached: number }[],
  atRisk: { queue: string | null; atRisk: number }[],
  closed: { queue: string | null; closed: number; closedLate: number }[],
): DashboardMetrics['sla'] {
  const rows = new Map<string | null, DashboardMetrics['sla'][number]>();
  const row = (queue: string | null) => {
    const existing = rows.get(queue);
    if (existing) return existing;
    const fresh = { queue, open: 0, breached: 0, atRisk: 0, closed: 0, closedLate: 0 };
    rows.set(queue, fresh);
    return fresh;
  };
  for (const o of open) Object.assign(row(o.queue), { open: o.open, breached: o.breached });
  for (const r of atRisk) row(r.queue).atRisk = r.atRisk;
  for (const c of closed) Object.assign(row(c.queue), { closed: c.closed, closedLate: c.closedLate });
  return [...rows.values()].sort(byQueue);
}

/** Queues by id, unrouted cases last (SQLite and PostgreSQL would put NULL at opposite ends). */
function byQueue(a: { queue: string | null }, b: { queue: string | null }): number {
  if (a.queue === null || b.queue === null) return a.queue === b.queue ? 0 : a.queue === null ? 1 : -1;
  return a.queue.localeCompare(b.queue);
}
