import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { Migrator } from 'kysely';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { migrationProvider } from '../db/migrations';
import type { DeskMetrics } from '../metrics/deskMetrics';

export interface OperationsOptions {
  db: Db;
  clock: Clock;
  metrics?: DeskMetrics;
  /** DESK_METRICS_TOKEN: when set, `/metrics` wants `Authorization: Bearer <it>`. */
  metricsToken?: string | null;
}

/** What a load balancer, an orchestrator and Prometheus call: `/healthz`, `/readyz`, `/metrics`. */
export function operationsRoutes(options: OperationsOptions): express.Router {
  const routes = express.Router();

  // Alive: the process answers. It does not touch the database, so a database outage makes
  // the desk unready (below) without an orchestrator restarting a healthy process.
  routes.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // Ready: the database answers and every migration this code knows is applied (a new version
  // started against an old schema must not take traffic). `failing` names the check, for the
  // operator; it is not one of the desk's error reasons (no screen shows it).
  routes.get('/readyz', async (_req, res) => {
    try {
      const migrations = await new Migrator({ db: options.db, provider: migrationProvider }).getMigrations();
      const pending = migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
      if (pending.length) res.status(503).json({ ok: false, failing: 'migrations', pending });
      else res.json({ ok: true });
    } catch {
      res.status(503).json({ ok: false, failing: 'database' });
    }
  });

  const metrics = options.metrics;
  if (metrics) {
    routes.get('/metrics', async (req, res, next) => {
      if (options.metricsToken && !bearerMatches(req.get('authorization'), options.metricsToken)) {
        res.status(401).set('www-authenticate', 'Bearer').type('text').send('metrics need the bearer token\n');
        return;
      }
      try {
        const body = await metrics.scrape(options.db, options.clock.now());
        res.set('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
      } catch (err) {
        next(err);
      }
    });
  }
  return routes;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  // Compared in constant time, so the token cannot be guessed byte by byte from response times.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
