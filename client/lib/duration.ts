import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days 5 h" / "3天5小时": the two largest units of a span, for countdowns. */
export function formatSpan(ms: number, t: TFunction): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) {
    const days = Math.floor(abs / DAY);
    const hours = Math.floor((abs % DAY) / HOUR);
    return t('time.daysHours', { days, hours });
  }
  if (abs >= HOUR)
    return t('time.hoursMinutes', { hours: Math.floor(abs / HOUR), minutes: Math.floor((abs % HOUR) / MINUTE) });
  return t('time.minutes', { minutes: Math.max(1, Math.floor(abs / MINUTE)) });
}
