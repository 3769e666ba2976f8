/**
 * How long the subject may appeal after the notice. Fake transactions: 3 days from the
 * notice (seed 004, "收到通知後3天內"); other rules: a configurable default.
 */
export const APPEAL_WINDOW_DAYS: Record<string, number> = { 'fake-transaction': 3 };
export const DEFAULT_APPEAL_WINDOW_DAYS = 7;

export function appealWindowDays(rule: string | null): number {
  return (rule && APPEAL_WINDOW_DAYS[rule]) || DEFAULT_APPEAL_WINDOW_DAYS;
}
