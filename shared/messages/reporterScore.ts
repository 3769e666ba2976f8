import { reporterCredibility } from '../cases/triage';

/** A reporter is flagged for a lead once this many of their reports were decided… */
export const FLAG_MIN_DECIDED = 5;
/** …and at least this share of them were dismissed (unfounded). */
export const FLAG_UNFOUNDED_RATE = 0.6;

export interface ReporterCounts {
  upheld: number;
  dismissed: number;
}

/**
 * A reporter's score from the counts the desk already keeps (reports upheld and dismissed):
 * the credibility triage uses (Laplace-smoothed share upheld), as 0–100, the share unfounded,
 * and whether they file many unfounded reports (docs/MESSAGES.md).
 */
export function reporterScore(counts: ReporterCounts): {
  score: number | null;
  unfoundedRate: number | null;
  flagged: boolean;
} {
  const decided = counts.upheld + counts.dismissed;
  const credibility = reporterCredibility(counts.upheld, counts.dismissed);
  const unfoundedRate = decided ? counts.dismissed / decided : null;
  return {
    score: credibility === null ? null : Math.round(credibility * 100),
    unfoundedRate,
    flagged: decided >= FLAG_MIN_DECIDED && (unfoundedRate ?? 0) >= FLAG_UNFOUNDED_RATE,
  };
}
