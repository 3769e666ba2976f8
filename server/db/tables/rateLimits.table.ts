/** Written only by rate-limiter-flexible's RateLimiterPostgres (see migration 0012). */
export interface RateLimitsTable {
  /** `login:<client ip>`. */
  key: string;
  points: number;
  /** When the window ends, in ms since the epoch (int8, read back as a number). */
  expire: number | null;
}
