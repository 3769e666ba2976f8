/**
 * `<input type="datetime-local">` values, read as platform time (UTC+8) whatever the browser's
 * zone, to an ISO instant: staff type the times they see on screen. (The way back, for
 * refilling a field, is `isoToPlatformLocal` beside the decision form.)
 */
export function platformInputToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return new Date(`${withSeconds}+08:00`).toISOString();
}
