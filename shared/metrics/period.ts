/**
 * Dashboard periods are whole days of platform time (UTC+8): "last 7 days" is today and the six
 * days before, so a daily chart has exactly seven bars and a day means what staff call a day.
 */
export const METRIC_PERIOD_DAYS = [7, 30] as const;
export type MetricPeriodDays = (typeof METRIC_PERIOD_DAYS)[number];

export const DAY_MS = 86_400_000;
/** UTC+8 has no daylight saving: a fixed offset is exact. */
const PLATFORM_OFFSET_MS = 8 * 3_600_000;

/** The platform-local calendar date (YYYY-MM-DD) of an instant. */
export function platformDay(at: Date): string {
  return new Date(at.getTime() + PLATFORM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of the platform-local date `day` (YYYY-MM-DD). */
export function platformDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - PLATFORM_OFFSET_MS);
}

export interface MetricWindow {
  /** Inclusive lower bound: the start of the first platform day. */
  from: Date;
  /** Inclusive upper bound: now. */
  to: Date;
  /** Every platform day of the window, oldest first; the last is today. */
  days: string[];
}

export function periodWindow(now: Date, periodDays: number): MetricWindow {
  const today = platformDayStart(platformDay(now)).getTime();
  const days = Array.from({ length: periodDays }, (_, i) =>
    platformDay(new Date(today - (periodDays - 1 - i) * DAY_MS)),
  );
  return { from: new Date(today - (periodDays - 1) * DAY_MS), to: now, days };
}

/** The platform day of a UTC hour key `YYYY-MM-DDTHH` (what the intake query groups by). */
export function platformDayOfUtcHour(hour: string): string {
  return platformDay(new Date(`${hour}:00:00.000Z`));
}
