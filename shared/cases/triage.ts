import type { ReportSource } from './enums';

/**
 * Triage: how urgent a case is, explained factor by factor, and when it is due.
 *
 * The score has a static part (severity, source, reporter credibility, the subject's
 * standing) and an age part that grows AGE_POINTS_PER_DAY each day. Because the age part
 * grows at the same rate for every case, ordering by `score now` equals ordering by
 * `static part − AGE_POINTS_PER_DAY × creation day`: that `rank` is stored once at intake
 * and indexed, so the queue sorts by current urgency without rewriting rows as time passes.
 */

/** How grave each rule family is for triage (1 = minor … 5 = gravest); data, not points. */
export const RULE_SEVERITY: Record<string, number> = {
  'improper-info-use': 4,
  'member-rights-abuse': 2,
  'improper-registration': 3,
  'unfair-competition': 3,
  counterfeit: 5,
  'unauthorized-product': 3,
  'fake-transaction': 3,
  'false-appeal-evidence': 2,
};
export const DEFAULT_SEVERITY = 2;
export const severityOf = (rule: string) => RULE_SEVERITY[rule] ?? DEFAULT_SEVERITY;

/** A person filed it: always reviewed; detections are many and mostly routine (docs/MARKETPLACE.md §1). */
export const SOURCE_WEIGHT: Record<ReportSource, number> = { user_report: 15, spot_check: 10, system_detection: 5 };

/** Default time to close a case, per source. User reports: 30 days (Taobao's violation stages, docs/MARKETPLACE.md §6). */
export const DEFAULT_SLA_DAYS: Record<ReportSource, number> = { user_report: 30, spot_check: 14, system_detection: 7 };

export const AGE_POINTS_PER_DAY = 2;
const DAY_MS = 86_400_000;

export interface TriageInput {
  rule: string;
  source: ReportSource;
  /** 0–1, Laplace-smoothed share of the reporter's decided reports that were upheld; null if none. */
  reporterCredibility: number | null;
  /** Violations on record against the subject (not reversed), as its standing counts them. */
  priorViolations: number;
  /** Reports merged into the case so far. */
  reportCount: number;
  /** The reporter is muted by a lead: the report is taken in but ranked lower (docs/MESSAGES.md). */
  reporterMuted?: boolean;
}

/** What a muted reporter's report loses in triage: below any other report of the same rule and source. */
export const MUTED_REPORTER_POINTS = -30;

export type TriageFactorName =
  | 'severity'
  | 'source'
  | 'reporterCredibility'
  | 'reporterMuted'
  | 'subjectStanding'
  | 'reports'
  | 'age';

export interface TriageFactor {
  factor: TriageFactorName;
  /** What the factor looked at, for the explanation. */
  value: number | string | null;
  points: number;
}

export interface TriageScore {
  /** Static part of the score (everything but age). */
  base: number;
  factors: TriageFactor[];
}

export function triageScore(input: TriageInput): TriageScore {
  const severity = severityOf(input.rule);
  const credibility = input.reporterCredibility;
  const factors: TriageFactor[] = [
    { factor: 'severity', value: severity, points: severity * 10 },
    { factor: 'source', value: input.source, points: SOURCE_WEIGHT[input.source] },
    // Unknown reporters count as neutral; a reporter whose reports keep being dismissed sinks.
    {
      factor: 'reporterCredibility',
      value: credibility,
      points: credibility === null ? 0 : Math.round((credibility - 0.5) * 20),
    },
    { factor: 'subjectStanding', value: input.priorViolations, points: Math.min(15, input.priorViolations * 5) },
    { factor: 'reports', value: input.reportCount, points: Math.min(10, (input.reportCount - 1) * 2) },
  ];
  // Only when muted, so every other case explains itself as before.
  if (input.reporterMuted) factors.splice(3, 0, { factor: 'reporterMuted', value: 1, points: MUTED_REPORTER_POINTS });
  return { base: factors.reduce((sum, f) => sum + f.points, 0), factors };
}

/** The stored sort key (see above), scaled to an integer. Higher = more urgent. */
export function rankOf(base: number, createdAt: Date): number {
  return Math.round((base - (AGE_POINTS_PER_DAY * createdAt.getTime()) / DAY_MS) * 1000);
}

/** The score now, with the age factor added to the explanation. */
export function scoreAt(triage: TriageScore, createdAt: Date, now: Date): TriageScore & { score: number } {
  const ageDays = Math.max(0, (now.getTime() - createdAt.getTime()) / DAY_MS);
  const age: TriageFactor = {
    factor: 'age',
    value: Math.floor(ageDays),
    points: Math.round(ageDays * AGE_POINTS_PER_DAY),
  };
  return { ...triage, factors: [...triage.factors, age], score: triage.base + age.points };
}

export function reporterCredibility(upheld: number, dismissed: number): number | null {
  if (upheld + dismissed === 0) return null;
  return (upheld + 1) / (upheld + dismissed + 2);
}

export function slaDueAt(createdAt: Date, days: number): Date {
  return new Date(createdAt.getTime() + days * DAY_MS);
}
