/**
 * Platform time. The rules count days, years and effective dates on the platform's clock
 * (`Rulebook.utcOffsetMinutes`: UTC+8 for the Taobao family, docs/CONTRACTS.md), not on the machine's. Everything here is plain
 * epoch-millisecond arithmetic over `Date.UTC`, so the result never depends on the time zone
 * of the browser or server that runs it.
 */

import { RulebookError } from './errors';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** An offset as people name it: 480 → `UTC+8`, 330 → `UTC+5:30`, 0 → `UTC`. */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes, 2)}` : ''}`;
}

/** A platform-local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * A platform-local day number: whole days since 1970-01-01 on the platform's calendar.
 * Day numbers make "30 days from the 1st, inclusive" plain integer arithmetic.
 */
export type DayNumber = number;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO 8601 date or date-time. A time without an offset is read as platform time
 * (docs/CONTRACTS.md: "the platform's time zone is UTC+8 unless the rulebook says otherwise"); a bare
 * date is the start of that platform day; `24:00` (exactly) is the first instant of the next day.
 * Returns `null` for anything else, including impossible calendar dates such as 2024-02-30 and
 * times past 24:00 such as `24:00:01`.
 */
export function parseInstant(text: string, platformOffsetMinutes: number): number | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // "24:00" is the end of the day, i.e. the first instant of the next one, as the rules write it
  // ("違規扣分在每年的12月31日24時清零"); Date.UTC carries hour 24 into the next day (and year).
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millis === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return null;
  const offsetMinutes = parseOffset(m[8], platformOffsetMinutes);
  if (offsetMinutes === null) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 to 1900-1999; the regex requires four digits, so only fix that range.
  const fixed = year < 100 ? new Date(wallClock).setUTCFullYear(year) : wallClock;
  return fixed - offsetMinutes * MS_PER_MINUTE;
}

function parseOffset(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  if (text === 'Z' || text === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats an instant as ISO 8601 in the platform's offset, e.g. `2024-01-08T10:00:00+08:00`. */
export function formatInstant(ms: number, platformOffsetMinutes: number): string {
  const d = new Date(ms + platformOffsetMinutes * MS_PER_MINUTE);
  const millis = d.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  const abs = Math.abs(platformOffsetMinutes);
  const offset =
    platformOffsetMinutes === 0
      ? 'Z'
      : `${platformOffsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}${fraction}${offset}`
  );
}

/** The platform-local day an instant falls on. */
export function localDayNumber(ms: number, platformOffsetMinutes: number): DayNumber {
  return Math.floor((ms + platformOffsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a platform-local day number. */
export function dayNumberToLocalDate(day: DayNumber): LocalDate {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The platform-local calendar date an instant falls on. */
export function localDate(ms: number, platformOffsetMinutes: number): LocalDate {
  return dayNumberToLocalDate(localDayNumber(ms, platformOffsetMinutes));
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` platform-local date; throws on a malformed date (rulebook data bug). */
export function localDateToDayNumber(date: LocalDate): DayNumber {
  const m = LOCAL_DATE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The instant a platform-local date begins (00:00 platform time). */
export function startOfLocalDate(date: LocalDate, platformOffsetMinutes: number): number {
  return localDateToDayNumber(date) * MS_PER_DAY - platformOffsetMinutes * MS_PER_MINUTE;
}

/** The platform year an instant belongs to. */
export function platformYear(ms: number, platformOffsetMinutes: number): number {
  return new Date(ms + platformOffsetMinutes * MS_PER_MINUTE).getUTCFullYear();
}

/**
 * The instant a platform year begins, which is also "24:00 on 31 December" of the year before:
 * the moment points reset (《淘宝规则》第四十五条: "違規扣分在每年的12月31日24時清零").
 */
export function startOfPlatformYear(year: number, platformOffsetMinutes: number): number {
  const utcMidnight = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(year);
  return utcMidnight - platformOffsetMinutes * MS_PER_MINUTE;
}

/** Adds whole days as exact 24-hour periods (the platform clock has no daylight saving). */
export function addDays(ms: number, days: number): number {
  return ms + days * MS_PER_DAY;
}

/** Parses an instant given as ISO text or a Date; throws `RulebookError` naming `path`. */
export function toInstant(value: string | Date, platformOffsetMinutes: number, path: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RulebookError(path, 'invalid date');
    return ms;
  }
  const ms = typeof value === 'string' ? parseInstant(value, platformOffsetMinutes) : null;
  if (ms === null) throw new RulebookError(path, `expected an ISO 8601 date-time, got ${JSON.stringify(value)}`);
  return ms;
}

const END_OF_DAY = /^(\d{4})-(\d{2})-(\d{2})[T ]24:00(?::00(?:[.,]0{1,9})?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Rewrites an ISO date-time at `24:00` (with an offset) as `00:00` of the next day in the same
 * offset (`2023-12-31T24:00:00+08:00` → `2024-01-01T00:00:00+08:00`), so that validators and
 * `Date` that only know 00:00–23:59 see the same instant. Any other text is returned unchanged.
 */
export function normalizeEndOfDay(text: string): string {
  const m = END_OF_DAY.exec(text.trim());
  if (!m) return text;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return text;
  const next = dayNumberToLocalDate(localDateToDayNumber(`${m[1]}-${m[2]}-${m[3]}`) + 1);
  return `${next}T00:00:00${m[4]}`;
}
