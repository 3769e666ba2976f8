import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { qaDashboard } from './qa';

/** `metrics.dashboard` input: the period, in whole platform days. */
export const metricsInput = z.object({
  periodDays: z.union([z.literal(7), z.literal(30)]).default(30),
  /** Only cases about subjects of this platform (and decisions on them); every platform when left out. */
  platform: z.enum(PLATFORM_IDS).optional(),
});

const person = z.object({ id: z.number(), name: z.string() });
const count = z.number().int().nonnegative();

const appealRateRow = z.object({
  key: z.string(),
  label: z.string(),
  decisions: count,
  appealed: count,
  appealRate: z.number(),
  ruled: count,
  overturned: count,
  overturnRate: z.number(),
});

export const dashboardMetricsOutput = z.object({
  /**
   * Whose figures these are. `team`: a lead's team, the staff who share a queue with the lead,
   * and the queues those staff work. `self`: only the caller's own work (cases assigned to them,
   * decisions they made).
   */
  scope: z.object({
    kind: z.enum(['team', 'self']),
    queues: z.array(z.string()),
    members: z.array(person),
  }),
  periodDays: z.number(),
  from: z.string(),
  to: z.string(),
  /** Open cases now, by queue (null: not routed) and how long they have waited. */
  openByQueue: z.array(
    z.object({
      queue: z.string().nullable(),
      under1d: count,
      from1to3d: count,
      from3to7d: count,
      over7d: count,
      total: count,
    }),
  ),
  /** SLA by queue: open cases past their deadline or forecast to miss it now; closures late in the period. */
  sla: z.array(
    z.object({
      queue: z.string().nullable(),
      open: count,
      breached: count,
      atRisk: count,
      closed: count,
      closedLate: count,
    }),
  ),
  /** Reports received per platform day, by source. */
  intakeDaily: z.array(
    z.object({
      day: z.string(),
      user_report: count,
      spot_check: count,
      system_detection: count,
      total: count,
    }),
  ),
  decisionsByRule: z.array(
    z.object({ rule: z.string(), apply: count, waive: count, dismiss: count, escalate: count, total: count }),
  ),
  reviewers: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      decisions: count,
      perDay: z.number(),
      medianHandlingMinutes: z.number().nullable(),
      timed: count,
    }),
  ),
  appealsByReviewer: z.array(appealRateRow),
  appealsByRule: z.array(appealRateRow),
  fourEyes: z.object({
    reviewed: count,
    sentBack: count,
    rate: z.number(),
    byReviewer: z.array(
      z.object({ userId: z.number(), name: z.string(), reviewed: count, sentBack: count, rate: z.number() }),
    ),
  }),
  /** Quality assurance: agreement of blind QA reviews with the sampled decisions (docs/QA.md). */
  qa: qaDashboard,
});
export type DashboardMetrics = z.infer<typeof dashboardMetricsOutput>;
