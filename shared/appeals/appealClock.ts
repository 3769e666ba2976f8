/**
 * The appeal's review clock: how long an appeal has waited for staff. It runs from the
 * submission, stops while the member is asked for more evidence (the record goes back to them:
 * "如有需要您补充凭证的情况，记录会回到待您处理的违规中", docs/MESSAGES.md) and runs again when they
 * answer; it stops for good when the appeal is ruled on or expires.
 */
export interface AppealClockState {
  createdAt: string;
  /** Set while the clock is stopped for a request for evidence. */
  pausedAt: string | null;
  /** Milliseconds stopped in spans already closed. */
  pausedMs: number;
  /** When the appeal was ruled on (or expired): the clock's end. */
  endedAt: string | null;
}

/** Milliseconds the appeal has been waiting for staff, as of `now`. */
export function appealReviewMs(clock: AppealClockState, now: Date): number {
  const end = clock.endedAt ? Date.parse(clock.endedAt) : now.getTime();
  const stoppedSince = clock.pausedAt ? Math.max(0, end - Date.parse(clock.pausedAt)) : 0;
  return Math.max(0, end - Date.parse(clock.createdAt) - clock.pausedMs - stoppedSince);
}

/** The clock stopped at `at` (a request for evidence): the fields to store. */
export function stopClock(clock: Pick<AppealClockState, 'pausedAt'>, at: string): { clock_paused_at: string } {
  return { clock_paused_at: clock.pausedAt ?? at };
}

/** The clock running again at `at` (the member answered): the stopped span is added to the total. */
export function restartClock(
  clock: Pick<AppealClockState, 'pausedAt' | 'pausedMs'>,
  at: string,
): { clock_paused_at: null; clock_paused_ms: number } {
  const span = clock.pausedAt ? Math.max(0, Date.parse(at) - Date.parse(clock.pausedAt)) : 0;
  return { clock_paused_at: null, clock_paused_ms: clock.pausedMs + span };
}
