/**
 * SLA forecast: at the queue's recent pace (cases closed per day), when will a case be
 * reached? A case whose deadline falls before that is at risk; one past it is breached.
 */
export type SlaState = 'ok' | 'at_risk' | 'breached' | 'closed';

const DAY_MS = 86_400_000;

export interface QueuePace {
  /** Open cases waiting in the queue. */
  open: number;
  /** Cases closed per day over the look-back window. */
  closedPerDay: number;
}

/** When the case `ahead` places back in line is expected to be reached; null if the queue is not moving. */
export function forecastReach(pace: QueuePace, ahead: number, now: Date): Date | null {
  if (pace.closedPerDay <= 0) return null;
  return new Date(now.getTime() + ((ahead + 1) / pace.closedPerDay) * DAY_MS);
}

export function slaState(dueAt: string | null, forecast: Date | null, now: Date, open: boolean): SlaState {
  if (!open) return 'closed';
  if (!dueAt) return 'ok';
  const due = new Date(dueAt).getTime();
  if (due <= now.getTime()) return 'breached';
  // A queue that closed nothing lately gives no forecast: every open case in it is at risk.
  if (!forecast || forecast.getTime() > due) return 'at_risk';
  return 'ok';
}
