import { DAY_MS } from './period';

/** How long open cases have waited, by creation time: the buckets of the backlog chart. */
export const AGE_BUCKETS = ['under1d', 'from1to3d', 'from3to7d', 'over7d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Lower bounds of the buckets after the first, in days of age. */
const BUCKET_DAYS = [1, 3, 7] as const;

/** The creation times (ISO) at which a case moves into the next bucket, youngest first. */
export function ageCutoffs(now: Date): [string, string, string] {
  const [a, b, c] = BUCKET_DAYS.map((d) => new Date(now.getTime() - d * DAY_MS).toISOString());
  return [a as string, b as string, c as string];
}

/** The bucket of one case; the SQL in the metrics repository counts with the same cutoffs. */
export function ageBucketOf(createdAt: string, now: Date): AgeBucket {
  const [oneDay, threeDays, sevenDays] = ageCutoffs(now);
  if (createdAt > oneDay) return 'under1d';
  if (createdAt > threeDays) return 'from1to3d';
  if (createdAt > sevenDays) return 'from3to7d';
  return 'over7d';
}
