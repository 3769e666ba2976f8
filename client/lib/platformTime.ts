import { formatInstant, formatUtcOffset, parseInstant } from '../../shared/rulebook/time';

/**
 * Platform time in the browser. Every time staff see is shown, and every time they type is read,
 * on the platform's clock, whatever the browser's own zone. The clock is the rulebook's
 * (`utcOffsetMinutes`), read from the server once: `PlatformClockGate` sets it before any page
 * renders, so nothing here carries an offset of its own.
 */
let offsetMinutes: number | null = null;

export function setPlatformOffset(minutes: number): void {
  offsetMinutes = minutes;
}

export function platformOffsetMinutes(): number {
  if (offsetMinutes === null) throw new Error('platform time read before the rulebook loaded (PlatformClockGate)');
  return offsetMinutes;
}

/** The platform's zone as staff read it, e.g. `UTC+8`. */
export function platformZoneName(): string {
  return formatUtcOffset(platformOffsetMinutes());
}

/** An instant in platform time, with the zone named, e.g. `2024/03/01 09:30 UTC+8`. */
export function formatPlatformTime(iso: string, locale: string): string {
  const offset = platformOffsetMinutes();
  // A fixed offset: shift the instant and format it as UTC, which no browser zone can change.
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(Date.parse(iso) + offset * 60_000));
  return `${text} ${formatUtcOffset(offset)}`;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * A `datetime-local` value read as platform time → ISO 8601 in the platform's offset
 * (`2024-03-01T09:30` → `2024-03-01T09:30:00+08:00`); empty, malformed or a day the calendar
 * does not have (2024-02-31) → undefined.
 */
export function platformLocalToIso(local: string): string | undefined {
  const text = local.trim();
  if (!LOCAL.test(text)) return undefined;
  const offset = platformOffsetMinutes();
  const ms = parseInstant(text, offset);
  return ms === null ? undefined : formatInstant(ms, offset);
}

/** An instant as a `datetime-local` field shows it in platform time, e.g. `2024-03-01T09:30`. */
export function isoToPlatformLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatInstant(ms, platformOffsetMinutes()).slice(0, 16);
}
