import pg from 'pg';
import type { Logger } from 'pino';
import type { CaseChange, ChangeRelay } from './changeBus';

const CHANNEL = 'verdict_case_changes';
/** NOTIFY payloads are limited to 8000 bytes; changes are small, so batch well under it. */
const MAX_BATCH = 40;

/**
 * Live updates across server instances on one PostgreSQL: each change is NOTIFYed and every
 * instance LISTENs. One dedicated connection listens (it reconnects if dropped); sends go
 * through the pool. Delivery is best-effort, like the SSE streams it feeds: a view that
 * missed one refetches on the next change or on focus.
 */
export class PgNotifyRelay implements ChangeRelay {
  private listener: pg.Client | undefined;
  private stopped = false;
  private readonly pool: pg.Pool;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 2 });
    // An idle connection the server drops (restart, failover) must not crash the process.
    this.pool.on('error', (err) => this.logger.warn({ err }, 'live update connection lost'));
  }

  send(changes: CaseChange[]): void {
    for (let i = 0; i < changes.length; i += MAX_BATCH) {
      const payload = JSON.stringify(changes.slice(i, i + MAX_BATCH));
      this.pool
        .query('SELECT pg_notify($1, $2)', [CHANNEL, payload])
        .catch((err) => this.logger.warn({ err }, 'live update not sent'));
    }
  }

  async start(deliver: (change: CaseChange) => void): Promise<void> {
    this.stopped = false;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        for (const change of JSON.parse(msg.payload) as CaseChange[]) deliver(change);
      } catch (err) {
        this.logger.warn({ err }, 'unreadable live update');
      }
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'live update listener lost; reconnecting');
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.start(deliver).catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
    await this.pool.end().catch(() => {});
  }
}
