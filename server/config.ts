import { resolve } from 'node:path';
import express from 'express';
import type { MfaAdminsPolicy } from '../shared/auth/signInGate';
import { defaultAnchorFile } from './audit/anchors';
import { loadOidcConfig, loadPasswordSignIn, type OidcConfig } from './auth/oidcConfig';
import type { UploadLimits } from './http/readUpload';
import { type DsaConfig, loadDsaConfig } from './outbox/dsaConfig';
import { loadOutboxConfig, type OutboxConfig } from './outbox/outboxConfig';
import { DEFAULT_EXPENSIVE_PER_MINUTE } from './trpc/rateLimits';

export type TrustProxy = boolean | number | string;

/**
 * DESK_TRUST_PROXY takes express's `trust proxy` values: a hop count, `loopback`, addresses or
 * CIDRs (comma-separated), `true`. Unset (or 0/false/off) trusts no proxy: X-Forwarded-For
 * from anyone, loopback included, is then ignored, so it can neither dodge the sign-in limit
 * nor forge the audit trail's client address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (['', '0', 'false', 'off'].includes(v.toLowerCase())) return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  // Express compiles the list itself; doing it here refuses a bad value at start-up, by name.
  try {
    express().set('trust proxy', v);
  } catch (err) {
    throw new Error(`DESK_TRUST_PROXY must be a hop count, loopback, or addresses/CIDRs (${(err as Error).message})`);
  }
  return v;
}

function mfaAdmins(value: string | undefined): MfaAdminsPolicy {
  if (value === undefined || value === 'required') return 'required';
  if (value === 'optional') return 'optional';
  throw new Error(`DESK_MFA_ADMINS must be required or optional (got "${value}")`);
}

/** Everything the server reads from the environment, parsed once and validated. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** SQLite: read-only connections serving reads beside the writer (`DESK_SQLITE_READERS`, 0–8, default 2 for a file). */
  sqliteReaders: number;
  /** SQLite: claims, decisions and intake on a thread of their own (`DESK_SQLITE_WRITER_THREAD=1`, default off). */
  sqliteWriterThread: boolean;
  /**
   * Seed demo users and cases into an empty database: by default only into the embedded SQLite
   * database (a PostgreSQL database is someone's real one); `DESK_DEMO=1` forces it, `0` refuses.
   */
  demo: boolean;
  /** Listen on a non-loopback HOST although the database holds demo accounts. */
  demoAllowRemote: boolean;
  logLevel: string;
  /** Directory holding the built client (index.html + assets). */
  clientDir: string;
  session: {
    absoluteMs: number;
    idleMs: number;
    secureCookie: boolean;
    mfaAdmins: MfaAdminsPolicy;
    /** The desk's own passwords sign in (DESK_PASSWORD_SIGNIN); off only with a provider. */
    passwordSignIn: boolean;
  };
  /** Sign-in through the company's OpenID Connect provider (DESK_OIDC_*); null when not configured. */
  oidc: OidcConfig | null;
  /** Express's `trust proxy`: which peers' X-Forwarded-* headers are believed (default: none). */
  trustProxy: TrustProxy;
  rateLimits: { loginPer5Min: number; intakePerSecond: number; expensivePerMinute: number };
  /** How long a server reuses its queue-pace counts for SLA forecasts (0: always recount). */
  paceCacheMs: number;
  /** How often an instance looks for rulebook versions another instance published (0: on every use). */
  rulebookPollMs: number;
  /** The audit trail's watch: re-verification and head anchors (0 ms turns either off). */
  audit: {
    verifyIntervalMs: number;
    anchorIntervalMs: number;
    anchorFile: string | null;
    /** Ed25519 private key (PEM) that signs anchors meant to leave the host; kept out of the database. */
    signingKeyFile: string | null;
  };
  /** Webhook delivery and the end-of-measure scheduler (DESK_OUTBOX_*). */
  outbox: OutboxConfig;
  /** Evidence uploads: how long a body may stall or take, and how many one caller may run at once. */
  uploads: UploadLimits;
  /** DESK_METRICS_TOKEN: the bearer token `/metrics` asks for; null leaves it open. */
  metricsToken: string | null;
  /** DESK_SHUTDOWN_GRACE_SECONDS: how long SIGTERM waits for requests in flight. */
  shutdownGraceMs: number;
  /** DESK_DSA_ENDPOINT + DESK_DSA_TOKEN: submission to the DSA Transparency Database; null: off. */
  dsa: DsaConfig | null;
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

/** An in-memory SQLite database is private to its one connection: no reader or thread can see it. */
const inMemory = (databaseUrl: string) => databaseUrl === 'sqlite::memory:';
const isPostgres = (databaseUrl: string) => /^postgres(ql)?:/i.test(databaseUrl);

/**
 * Read-only connections beside SQLite's writer: 2 by default for a database file (measured in
 * the mixed-load bench, BENCHMARKS.md: at a million cases every read under a shift is faster
 * than on the writer's connection, and decisions rise 40%), none for an in-memory database or
 * PostgreSQL.
 */
function sqliteReaders(value: string | undefined, databaseUrl: string): number {
  const n = Number(value ?? (inMemory(databaseUrl) || isPostgres(databaseUrl) ? 0 : 2));
  if (!Number.isInteger(n) || n < 0 || n > 8)
    throw new Error(`DESK_SQLITE_READERS must be a whole number from 0 to 8 (got "${value}")`);
  if (n > 0 && inMemory(databaseUrl))
    throw new Error('DESK_SQLITE_READERS needs a database file: an in-memory database has one connection');
  return n;
}

function sqliteWriterThread(value: string | undefined, databaseUrl: string): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value !== '1') throw new Error(`DESK_SQLITE_WRITER_THREAD must be 0 or 1 (got "${value}")`);
  if (isPostgres(databaseUrl))
    throw new Error('DESK_SQLITE_WRITER_THREAD applies to SQLite only; PostgreSQL takes several writers as it is');
  if (inMemory(databaseUrl))
    throw new Error('DESK_SQLITE_WRITER_THREAD needs a database file: an in-memory database has one connection');
  return true;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const oidc = loadOidcConfig(env);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    sqliteReaders: sqliteReaders(env.DESK_SQLITE_READERS, databaseUrl),
    sqliteWriterThread: sqliteWriterThread(env.DESK_SQLITE_WRITER_THREAD, databaseUrl),
    demo: env.DESK_DEMO === '1' || (env.DESK_DEMO !== '0' && !/^postgres(ql)?:/i.test(databaseUrl)),
    demoAllowRemote: env.DESK_DEMO_ALLOW_REMOTE === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: env.DESK_CLIENT_DIR ?? 'dist/client',
    session: {
      absoluteMs: Number(env.DESK_SESSION_HOURS ?? 12) * HOUR,
      idleMs: Number(env.DESK_SESSION_IDLE_MINUTES ?? 120) * 60_000,
      secureCookie: env.DESK_SECURE_COOKIE === '1',
      mfaAdmins: mfaAdmins(env.DESK_MFA_ADMINS),
      passwordSignIn: loadPasswordSignIn(env, oidc),
    },
    oidc,
    trustProxy: parseTrustProxy(env.DESK_TRUST_PROXY),
    paceCacheMs: seconds(env.DESK_PACE_CACHE_SECONDS, 15, 'DESK_PACE_CACHE_SECONDS'),
    rulebookPollMs: seconds(env.DESK_RULEBOOK_POLL_SECONDS, 3, 'DESK_RULEBOOK_POLL_SECONDS'),
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
      signingKeyFile: env.DESK_AUDIT_SIGNING_KEY_FILE ? resolve(env.DESK_AUDIT_SIGNING_KEY_FILE) : null,
    },
    outbox: loadOutboxConfig(env),
    metricsToken: env.DESK_METRICS_TOKEN || null,
    shutdownGraceMs: seconds(env.DESK_SHUTDOWN_GRACE_SECONDS, 10, 'DESK_SHUTDOWN_GRACE_SECONDS'),
    dsa: loadDsaConfig(env),
  };
}
