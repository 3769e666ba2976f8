import type { AddressInfo } from 'node:net';
import { type Logger, pino } from 'pino';
import { createApp } from './app';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { usersRepo } from './db/repositories/users.repo';
import { assertDemoNotExposed, demoAccountsIn } from './demo/demoAccounts';
import { type DemoLogin, seedDemoData } from './demo/seedDemo';
import { ChangeBus } from './events/changeBus';
import { PgNotifyRelay } from './events/pgNotifyRelay';
import { requestTracker } from './http/requestTracker';
import { startAppealSweeper } from './jobs/appealSweeper';
import { startAuditMonitor } from './jobs/auditMonitor';
import { startEnforcementScheduler } from './jobs/enforcementScheduler';
import { startLeaseSweeper } from './jobs/leaseSweeper';
import { startOutboxWorker } from './jobs/outboxWorker';
import { startRateLimitSweeper } from './jobs/rateLimitSweeper';
import { startSimulationWorker } from './jobs/simulationWorker';
import { createDeskMetrics } from './metrics/deskMetrics';
import { loadRulebooks } from './rulebooks';
import { setPaceCacheTtl } from './services/queuePace';
import { createRateLimits } from './trpc/rateLimits';

export interface RunningServer {
  url: string;
  port: number;
  /** The demo accounts the database holds (published password), printed at start; empty if none. */
  demoLogins: DemoLogin[];
  logger: Logger;
  /**
   * Stops listening (new connections are refused), lets requests in flight finish for up to
   * `graceMs` (default 0: cut them), then stops the background jobs and closes the database.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** config → database → migrate → (demo data) → listen. Used by `npm start` and by the tests. */
export async function startServer(
  config: Config,
  opts: { clock?: Clock; logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ level: config.logLevel });
  const handle = openDatabase(config.databaseUrl, { sqliteReaders: config.sqliteReaders });
  const clock = opts.clock ?? systemClock;
  // Everything started so far, stopped in reverse on close (or when a later step fails).
  const running: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of running.reverse()) await part.stop();
  };
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    // The published rulebook versions, read once; new ones are picked up as they are published.
    const rulebooks = await loadRulebooks(handle.db, clock, { pollMs: config.rulebookPollMs });
    if (config.demo && (await usersRepo.count(handle.db)) === 0) {
      assertDemoNotExposed(config, 'would seed');
      await seedDemoData({ db: handle.db, clock, rulebooks });
    }
    // Whatever seeded them (this start, an earlier one with DESK_DEMO=1): a desk holding the
    // published demo password is for this machine only, and says so at every start.
    const demoLogins = await demoAccountsIn(handle.db);
    if (demoLogins.length) assertDemoNotExposed(config, 'holds');
    setPaceCacheTtl(config.paceCacheMs);
    // Several instances on one PostgreSQL hear each other's live updates through LISTEN/NOTIFY.
    const bus = new ChangeBus(
      handle.dialect === 'postgres' ? new PgNotifyRelay(config.databaseUrl, logger) : undefined,
    );
    await bus.start();
    running.push(bus);
    const metrics = createDeskMetrics();
    const requests = requestTracker();
    const app = createApp({
      db: handle.db,
      clock,
      rulebooks,
      bus,
      logger,
      clientDir: config.clientDir,
      trustProxy: config.trustProxy,
      session: config.session,
      limits: createRateLimits(config.rateLimits, handle.pgPool),
      auditAnchorFile: config.audit.anchorFile,
      outboxAddresses: config.outbox.addresses,
      uploads: config.uploads,
      metrics,
      metricsToken: config.metricsToken,
      requests,
      oidc: config.oidc,
    });
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
    /** Refuses new connections; waits up to graceMs for counted requests, then cuts what is left. */
    const stopListening = async (graceMs: number) => {
      if (server.listening) server.close();
      server.closeIdleConnections();
      if (graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([requests.idle(), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    };
    running.push({ stop: () => stopListening(0) });
    const { port } = server.address() as AddressInfo;
    // Background jobs start once listening, so a failed start leaves no timer on a closed database.
    running.push(startLeaseSweeper({ db: handle.db, clock, rulebooks, bus, logger }));
    running.push(startAppealSweeper({ db: handle.db, clock, rulebooks, bus, logger }));
    running.push(startAuditMonitor({ db: handle.db, clock, logger, onVerified: metrics.auditVerified }, config.audit));
    running.push(startSimulationWorker({ db: handle.db, clock, rulebooks, logger }));
    if (handle.pgPool) running.push(startRateLimitSweeper({ db: handle.db, clock, rulebooks, bus, logger }));
    if (config.outbox.enabled) {
      running.push(
        startOutboxWorker({ db: handle.db, clock, logger, onDelivered: metrics.observeDelivery }, config.outbox),
      );
      running.push(
        startEnforcementScheduler({ db: handle.db, clock, rulebooks, bus, logger }, config.outbox.schedulerMs),
      );
    }
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      port,
      demoLogins,
      logger,
      close: async ({ graceMs = 0 } = {}) => {
        // Requests first (they may still need the jobs' effects and the database), then jobs, then the database.
        await stopListening(graceMs);
        await stopAll();
        await handle.close();
      },
    };
  } catch (err) {
    await stopAll();
    await handle.close();
    throw err;
  }
}
