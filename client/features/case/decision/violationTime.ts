/**
 * The violation time field: staff type it in platform time (UTC+8) in a `datetime-local`
 * input, whatever their own computer's zone; the server takes ISO 8601 with the offset.
 */
const PLATFORM_OFFSET = '+08:00';
const PLATFORM_OFFSET_MS = 8 * 3_600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2024-03-01T09:30` (platform time) → `2024-03-01T09:30:00+08:00`; empty or malformed → undefined. */
export function platformLocalToIso(local: string): string | undefined {
  const m = LOCAL.exec(local.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${PLATFORM_OFFSET}`;
  // Reject dates the calendar does not have (2024-02-31 would otherwise roll over).
  const check = new Date(Date.parse(iso) + PLATFORM_OFFSET_MS).toISOString();
  return check.startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? iso : undefined;
}

/** An instant as the `datetime-local` field shows it in platform time, e.g. to refill a sent-back decision. */
export function isoToPlatformLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + PLATFORM_OFFSET_MS).toISOString().slice(0, 16);
}
