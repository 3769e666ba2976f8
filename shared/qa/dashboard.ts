import type { QaDashboard } from '../api/qa';
import { platformDay } from '../metrics/period';

/** One scored QA task, as the dashboard counts it. */
export interface ScoredTask {
  reviewerId: number;
  rule: string;
  queueId: string | null;
  agreed: boolean;
  /** When the QA verdict came in (ISO instant): the day it counts on. */
  submittedAt: string;
}

type RateRow = QaDashboard['byReviewer'][number];

const rate = (agreed: number, scored: number) => (scored === 0 ? 0 : agreed / scored);

/** Agreement per key, most scored first, then by label. */
function ratesBy(tasks: readonly ScoredTask[], keyOf: (t: ScoredTask) => string, labelOf: (key: string) => string) {
  const rows = new Map<string, RateRow>();
  for (const t of tasks) {
    const key = keyOf(t);
    const row = rows.get(key) ?? { key, label: labelOf(key), scored: 0, agreed: 0, rate: 0 };
    row.scored += 1;
    if (t.agreed) row.agreed += 1;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, rate: rate(r.agreed, r.scored) }))
    .sort((a, b) => b.scored - a.scored || a.label.localeCompare(b.label));
}

/**
 * The dashboard's QA section: the share of sampled decisions the blind QA reviewer agreed with,
 * overall, per reviewer (whose decision it was), rule and queue, and per platform day of the
 * period (days without scores are there with zeros, so the chart's axis has no gaps).
 */
export function qaAgreement(
  tasks: readonly ScoredTask[],
  args: {
    days: readonly string[];
    utcOffsetMinutes: number;
    nameOf: (userId: number) => string;
    backlog: number;
    gold: QaDashboard['gold'];
  },
): QaDashboard {
  const agreed = tasks.filter((t) => t.agreed).length;
  const daily = new Map(args.days.map((day) => [day, { day, scored: 0, agreed: 0 }]));
  for (const t of tasks) {
    const day = daily.get(platformDay(new Date(t.submittedAt), args.utcOffsetMinutes));
    if (!day) continue;
    day.scored += 1;
    if (t.agreed) day.agreed += 1;
  }
  return {
    scored: tasks.length,
    agreed,
    rate: rate(agreed, tasks.length),
    byReviewer: ratesBy(
      tasks,
      (t) => String(t.reviewerId),
      (key) => args.nameOf(Number(key)),
    ),
    byRule: ratesBy(
      tasks,
      (t) => t.rule,
      (key) => key,
    ),
    byQueue: ratesBy(
      tasks,
      (t) => t.queueId ?? '',
      (key) => key,
    ),
    daily: [...daily.values()],
    backlog: args.backlog,
    gold: args.gold,
  };
}
