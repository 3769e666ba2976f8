import { z } from 'zod';
import { normalizeEndOfDay } from '../rulebook/time';

/**
 * An instant the API accepts: ISO 8601 with an offset. The rules write the end of a day as
 * "24:00" ("違規扣分在每年的12月31日24時清零"), so `2023-12-31T24:00:00+08:00` is accepted too and
 * passed on as the first instant of the next day (`2024-01-01T00:00:00+08:00`).
 */
export const isoInstant = z
  .string()
  .transform(normalizeEndOfDay)
  .pipe(z.iso.datetime({ offset: true }));
