/**
 * Dashboard periods are whole days of platform time (the rulebook's offset from UTC): "last 7
 * days" is today and the six days before, so a daily chart has exactly seven bars and a day means
 * what staff call a day. Platforms keep no daylight saving, so a fixed offset is exact.
 */
export const METRIC_PERIOD_DAYS = [7, 30] as const;
export type MetricPeriodDays = (typeof METRIC_PERIOD_DAYS)[number];

export const DAY_MS = 86_400_000;
/** The platform-local calendar date (YYYY-MM-DD) of an instant, `utcOffsetMinutes` east of UTC. */
export function platformDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The first instant of the platform-local date `day` (YYYY-MM-DD). */
export function platformDayStart(day: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - utcOffsetMinutes * 60_000);
}

export interface MetricWindow {
  /** Inclusive lower bound: the start of the first platform day. */
  from: Date;
  /** Inclusive upper bound: now. */
  to: Date;
  /** Every platform day of the window, oldest first; the last is today. */
  days: string[];
}

export function periodWindow(now: Date, periodDays: number, utcOffsetMinutes: number): MetricWindow {
  const today = platformDayStart(platformDay(now, utcOffsetMinutes), utcOffsetMinutes).getTime();
  const days = Array.from({ length: periodDays }, (_, i) =>
    platformDay(new Date(today - (periodDays - 1 - i) * DAY_MS), utcOffsetMinutes),
  );
  return { from: new Date(today - (periodDays - 1) * DAY_MS), to: now, days };
}

/** The platform day of a UTC hour key `YYYY-MM-DDTHH` (what the intake query groups by). */
export function platformDayOfUtcHour(hour: string, utcOffsetMinutes: number): string {
  return platformDay(new Date(`${hour}:00:00.000Z`), utcOffsetMinutes);
}
