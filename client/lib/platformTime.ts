/** The platform's time zone (UTC+8): every time staff see is shown in it, with the zone named. */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

export function formatPlatformTime(iso: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: PLATFORM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
  return `${text} UTC+8`;
}
