import { overturnRates } from '../appeals/overturnRates';

/** Someone whose figures the dashboard shows: the signed-in reviewer, or a lead's team member. */
export interface Person {
  id: number;
  name: string;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A share, 0 when there is nothing to divide (a chart shows 0 %, never NaN). */
export const ratio = (part: number, whole: number) => (whole ? part / whole : 0);

export interface DecisionTiming {
  decidedBy: number;
  decidedAt: string;
  /** The decider's last claim of the case before deciding; null when it was never claimed (bulk, auto-assign). */
  claimedAt: string | null;
}

export interface ReviewerThroughput {
  userId: number;
  name: string;
  decisions: number;
  perDay: number;
  /** Median minutes from claiming a case to deciding it, over the decisions with a claim. */
  medianHandlingMinutes: number | null;
  /** How many decisions the median is over. */
  timed: number;
}

/** Decisions per person over the period, and the median claim-to-decision time. Everyone listed appears, with 0 if idle. */
export function reviewerThroughput(
  people: readonly Person[],
  timings: readonly DecisionTiming[],
  periodDays: number,
): ReviewerThroughput[] {
  const byPerson = new Map(people.map((p) => [p.id, { person: p, count: 0, minutes: [] as number[] }]));
  for (const t of timings) {
    const entry = byPerson.get(t.decidedBy);
    if (!entry) continue;
    entry.count += 1;
    if (t.claimedAt) entry.minutes.push((Date.parse(t.decidedAt) - Date.parse(t.claimedAt)) / 60_000);
  }
  return [...byPerson.values()]
    .map(({ person, count, minutes }) => {
      const m = median(minutes);
      return {
        userId: person.id,
        name: person.name,
        decisions: count,
        perDay: Math.round((count / periodDays) * 100) / 100,
        medianHandlingMinutes: m === null ? null : Math.round(m * 10) / 10,
        timed: minutes.length,
      };
    })
    .sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name));
}

export const DECISION_OUTCOMES = ['apply', 'waive', 'dismiss', 'escalate'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type DecisionsOfRule = { rule: string; total: number } & Record<DecisionOutcome, number>;

/** Decisions per rule, split by outcome; the busiest rule first. */
export function decisionsByRule(
  rows: readonly { rule: string; kind: DecisionOutcome; n: number }[],
): DecisionsOfRule[] {
  const byRule = new Map<string, DecisionsOfRule>();
  for (const r of rows) {
    const entry = byRule.get(r.rule) ?? { rule: r.rule, total: 0, apply: 0, waive: 0, dismiss: 0, escalate: 0 };
    entry[r.kind] += r.n;
    entry.total += r.n;
    byRule.set(r.rule, entry);
  }
  return [...byRule.values()].sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
}

export interface AppealRate {
  key: string;
  label: string;
  /** Decisions that could be appealed (penalties in force) made in the period. */
  decisions: number;
  appealed: number;
  appealRate: number;
  /** Appeals ruled on in the period, and how many of them reversed the decision. */
  ruled: number;
  overturned: number;
  overturnRate: number;
}

/**
 * Appeal rate (of the period's appealable decisions, the share appealed) next to overturn rate
 * (of the period's appeal rulings, the share that reversed the decision), for one grouping.
 */
export function appealRates(
  appealable: readonly { key: string; label: string; decisions: number; appealed: number }[],
  rulings: readonly { key: string; label: string; approved: boolean }[],
): AppealRate[] {
  const rows = new Map<string, AppealRate>();
  const row = (key: string, label: string) => {
    const existing = rows.get(key);
    if (existing) return existing;
    const fresh = { key, label, decisions: 0, appealed: 0, appealRate: 0, ruled: 0, overturned: 0, overturnRate: 0 };
    rows.set(key, fresh);
    return fresh;
  };
  for (const a of appealable) {
    const r = row(a.key, a.label);
    r.decisions += a.decisions;
    r.appealed += a.appealed;
  }
  for (const o of overturnRates(rulings)) {
    const r = row(o.key, o.label);
    r.ruled = o.ruled;
    r.overturned = o.overturned;
  }
  return [...rows.values()]
    .map((r) => ({ ...r, appealRate: ratio(r.appealed, r.decisions), overturnRate: ratio(r.overturned, r.ruled) }))
    .sort((a, b) => b.decisions - a.decisions || b.ruled - a.ruled || a.key.localeCompare(b.key));
}

export interface SendBackRate {
  userId: number;
  name: string;
  /** Four-eyes decisions the second person ruled on in the period. */
  reviewed: number;
  sentBack: number;
  rate: number;
}

/** Four-eyes send-back rate: of the decisions a second person approved or sent back, the share sent back. */
export function sendBackRates(
  rows: readonly { userId: number; name: string; status: 'effective' | 'sent_back'; n: number }[],
): { reviewed: number; sentBack: number; rate: number; byReviewer: SendBackRate[] } {
  const byPerson = new Map<number, SendBackRate>();
  for (const r of rows) {
    const entry = byPerson.get(r.userId) ?? { userId: r.userId, name: r.name, reviewed: 0, sentBack: 0, rate: 0 };
    entry.reviewed += r.n;
    if (r.status === 'sent_back') entry.sentBack += r.n;
    byPerson.set(r.userId, entry);
  }
  const byReviewer = [...byPerson.values()]
    .map((e) => ({ ...e, rate: ratio(e.sentBack, e.reviewed) }))
    .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name));
  const reviewed = byReviewer.reduce((s, e) => s + e.reviewed, 0);
  const sentBack = byReviewer.reduce((s, e) => s + e.sentBack, 0);
  return { reviewed, sentBack, rate: ratio(sentBack, reviewed), byReviewer };
}
