import { resolve } from 'node:path';
import { defaultAnchorFile } from './audit/anchors';
import type { UploadLimits } from './http/readUpload';
import { loadOutboxConfig, type OutboxConfig } from './outbox/outboxConfig';
import { DEFAULT_EXPENSIVE_PER_MINUTE } from './trpc/rateLimits';

/** Everything the server reads from the environment, parsed once and validated. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Seed demo users and cases into an empty database. */
  demo: boolean;
  logLevel: string;
  /** Directory holding the built client (index.html + assets). */
  clientDir: string;
  session: { absoluteMs: number; idleMs: number; secureCookie: boolean };
  rateLimits: { loginPer5Min: number; intakePerSecond: number; expensivePerMinute: number };
  /** How long a server reuses its queue-pace counts for SLA forecasts (0: always recount). */
  paceCacheMs: number;
  /** The audit trail's watch: re-verification and head anchors (0 ms turns either off). */
  audit: { verifyIntervalMs: number; anchorIntervalMs: number; anchorFile: string | null };
  /** Webhook delivery and the end-of-measure scheduler (DESK_OUTBOX_*). */
  outbox: OutboxConfig;
  /** Evidence uploads: how long a body may stall or take, and how many one caller may run at once. */
  uploads: UploadLimits;
}

const HOUR = 3_600_000;
const DEFAULT_DATABASE_URL = 'sqlite:./data/verdict.sqlite';

function seconds(value: string | undefined, fallback: number, name: string): number {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of seconds (got "${value}")`);
  return n * 1000;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number (got "${value}")`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    demo: env.DESK_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: env.DESK_CLIENT_DIR ?? 'dist/client',
    session: {
      absoluteMs: Number(env.DESK_SESSION_HOURS ?? 12) * HOUR,
      idleMs: Number(env.DESK_SESSION_IDLE_MINUTES ?? 120) * 60_000,
      secureCookie: env.DESK_SECURE_COOKIE === '1',
    },
    paceCacheMs: seconds(env.DESK_PACE_CACHE_SECONDS, 15, 'DESK_PACE_CACHE_SECONDS'),
    uploads: {
      idleMs: seconds(env.DESK_UPLOAD_IDLE_SECONDS, 15, 'DESK_UPLOAD_IDLE_SECONDS'),
      totalMs: seconds(env.DESK_UPLOAD_SECONDS, 120, 'DESK_UPLOAD_SECONDS'),
      perCaller: positiveInt(env.DESK_UPLOADS_PER_CALLER, 3, 'DESK_UPLOADS_PER_CALLER'),
    },
    rateLimits: {
      loginPer5Min: positiveInt(env.DESK_LOGIN_ATTEMPTS_PER_5MIN, 20, 'DESK_LOGIN_ATTEMPTS_PER_5MIN'),
      intakePerSecond: positiveInt(env.DESK_INTAKE_PER_SECOND, 200, 'DESK_INTAKE_PER_SECOND'),
      expensivePerMinute: positiveInt(
        env.DESK_EXPENSIVE_PER_MINUTE,
        DEFAULT_EXPENSIVE_PER_MINUTE,
        'DESK_EXPENSIVE_PER_MINUTE',
      ),
    },
    audit: {
      verifyIntervalMs: seconds(env.DESK_AUDIT_VERIFY_SECONDS, 900, 'DESK_AUDIT_VERIFY_SECONDS'),
      anchorIntervalMs: seconds(env.DESK_AUDIT_ANCHOR_SECONDS, 3600, 'DESK_AUDIT_ANCHOR_SECONDS'),
      anchorFile:
        env.DESK_AUDIT_ANCHOR_FILE === 'off'
          ? null
          : env.DESK_AUDIT_ANCHOR_FILE
            ? resolve(env.DESK_AUDIT_ANCHOR_FILE)
            : defaultAnchorFile(env.DATABASE_URL ?? DEFAULT_DATABASE_URL),
    },
    outbox: loadOutboxConfig(env),
  };
}
