import { REPORT_SOURCES, type ReportSource } from '../cases/enums';
import { platformDayOfUtcHour } from './period';

export interface IntakeHourRow {
  /** UTC hour, `YYYY-MM-DDTHH`. */
  hour: string;
  source: ReportSource;
  n: number;
}

export type IntakeDay = { day: string; total: number } & Record<ReportSource, number>;

/**
 * Reports per platform day and source. The database groups by UTC hour (the same text
 * expression on SQLite and PostgreSQL); shifting hours into platform days happens here.
 * Days without reports are there with zeros, so the chart's axis has no gaps.
 */
export function dailyIntake(
  rows: readonly IntakeHourRow[],
  days: readonly string[],
  utcOffsetMinutes: number,
): IntakeDay[] {
  const byDay = new Map<string, IntakeDay>(days.map((day) => [day, emptyDay(day)]));
  for (const row of rows) {
    const day = byDay.get(platformDayOfUtcHour(row.hour, utcOffsetMinutes));
    if (!day) continue;
    day[row.source] += row.n;
    day.total += row.n;
  }
  return [...byDay.values()];
}

function emptyDay(day: string): IntakeDay {
  const counts = Object.fromEntries(REPORT_SOURCES.map((s) => [s, 0])) as Record<ReportSource, number>;
  return { day, total: 0, ...counts };
}
