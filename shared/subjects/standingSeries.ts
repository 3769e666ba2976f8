/**
 * A subject's standing over one platform year, for the subject page's chart: the engine's
 * `standing()` evaluated at the start of the year (what survived the last year end), at each
 * moment a finding went on record, and at the end (the year's last instant, or `asOf` for the
 * running year). Evaluating the engine at each date, rather than summing the findings' points,
 * keeps caps, carry-over, reversals and node punishments exactly as the engine reads them.
 */
import { standing } from '../rulebook/standing';
import { platformYear, startOfPlatformYear, toInstant } from '../rulebook/time';
import type { History, Ledger, Punishment, Rulebook } from '../rulebook/types';

export type SeriesPointKind = 'year-start' | 'finding' | 'end';

export interface SeriesPoint {
  /** UTC ISO 8601. */
  at: string;
  kind: SeriesPointKind;
  /** The finding recorded at this instant (the first by id when several share it). */
  finding: string | null;
  points: Record<Ledger, number>;
}

/** A finding whose points crossed one or more node thresholds of its ledger. */
export interface NodeHit {
  at: string;
  finding: string;
  ledger: Ledger;
  nodes: number[];
  /** `executed`, or `absorbed` by a heavier punishment already running (《淘宝规则》第四十三条). */
  outcome: 'executed' | 'absorbed';
}

export interface StandingSeries {
  year: number;
  /** Platform years with at least one finding on record, newest first (the chart's year choice). */
  years: number[];
  points: SeriesPoint[];
  nodes: NodeHit[];
  /** Punishments that ran for some part of the year, as the engine sees them at the end point. */
  punishments: Punishment[];
}

/**
 * The series for platform year `year` (default: the year of `asOf`). A year after `asOf`'s has
 * nothing to show yet and gives only its empty frame; the end point never passes `asOf`.
 */
export function standingSeries(
  history: History,
  asOf: Date,
  rulebook: Rulebook,
  year: number = platformYear(asOf.getTime(), rulebook.utcOffsetMinutes),
): StandingSeries {
  const offset = rulebook.utcOffsetMinutes;
  const asOfMs = asOf.getTime();
  const startMs = startOfPlatformYear(year, offset);
  const endMs = Math.min(asOfMs, startOfPlatformYear(year + 1, offset) - 1);
  const atEnd = standing(history, new Date(Math.max(endMs, startMs)), rulebook);
  const years = yearsOnRecord(history, asOfMs, rulebook);
  if (endMs < startMs) return { year, years, points: [], nodes: [], punishments: [] };

  const recorded = (f: { at: string; recordedAt?: string }) => toInstant(f.recordedAt ?? f.at, offset, 'recordedAt');
  const inYear = atEnd.findings
    .filter((f) => f.year === year)
    .map((f) => ({ finding: f, ms: recorded(f) }))
    .sort((a, b) => a.ms - b.ms || (a.finding.id < b.finding.id ? -1 : 1));

  // One point per instant: findings recorded together move the ledgers together.
  const firstAt = new Map<number, string>();
  for (const { finding, ms } of inYear) if (!firstAt.has(ms)) firstAt.set(ms, finding.id);
  const points: SeriesPoint[] = firstAt.has(startMs) ? [] : [pointAt(history, startMs, rulebook, 'year-start', null)];
  for (const [ms, id] of firstAt) points.push(pointAt(history, ms, rulebook, 'finding', id));
  const lastMs = inYear.at(-1)?.ms ?? startMs;
  if (endMs > lastMs) points.push({ at: iso(endMs), kind: 'end', finding: null, points: { ...atEnd.points } });

  const nodes: NodeHit[] = inYear.flatMap(({ finding, ms }) =>
    finding.crossedNodes.length > 0 && finding.nodeOutcome !== 'none'
      ? [
          {
            at: iso(ms),
            finding: finding.id,
            ledger: finding.ledger,
            nodes: finding.crossedNodes,
            outcome: finding.nodeOutcome,
          },
        ]
      : [],
  );
  const punishments = atEnd.punishments.filter((p) => {
    const from = toInstant(p.from, offset, 'from');
    const until = p.until === null ? Number.POSITIVE_INFINITY : toInstant(p.until, offset, 'until');
    return from <= endMs && until >= startMs;
  });
  return { year, years, points, nodes, punishments };
}

function pointAt(
  history: History,
  ms: number,
  rulebook: Rulebook,
  kind: SeriesPointKind,
  finding: string | null,
): SeriesPoint {
  return { at: iso(ms), kind, finding, points: { ...standing(history, new Date(ms), rulebook).points } };
}

/** The platform years in which a finding went on record by `asOf`, plus `asOf`'s own year. */
function yearsOnRecord(history: History, asOfMs: number, rulebook: Rulebook): number[] {
  const offset = rulebook.utcOffsetMinutes;
  const years = new Set([platformYear(asOfMs, offset)]);
  for (const v of history.violations) {
    const ms = toInstant(v.recordedAt ?? v.at, offset, 'recordedAt');
    if (ms <= asOfMs) years.add(platformYear(ms, offset));
  }
  return [...years].sort((a, b) => b - a);
}

const iso = (ms: number) => new Date(ms).toISOString();
