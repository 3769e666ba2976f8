import { platformOffsetMinutes } from '../../lib/platformTime';

/** Month and day of an instant on the platform's clock, e.g. `03-01`: the chart's axis (the year is in its title). */
export function platformMonthDay(ms: number): string {
  const shifted = new Date(ms + platformOffsetMinutes() * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}
