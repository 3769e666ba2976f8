import type sqlite3 from 'sqlite3';
import { openSqliteHandle } from './sqlite3Connection';

/**
 * Copies the write-ahead log back into the database file from a connection of its own, on a
 * timer, instead of inside whichever COMMIT happens to cross SQLite's threshold. That
 * checkpoint fsyncs the database file: done by the writer, it held the single write
 * connection for it and cost every commit about 0.3 ms on average (measured in the claims
 * benchmark). A PASSIVE checkpoint never blocks the writer; the writer's own automatic
 * checkpoint stays on at a higher threshold as a backstop should this one fall behind.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const INTERVAL_MS = 500;

export class WalCheckpointer {
  private running = false;
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly db: sqlite3.Database) {
    this.timer = setInterval(() => this.checkpoint(), INTERVAL_MS);
    // A timer must not keep a finished script alive.
    this.timer.unref();
  }

  static async open(filename: string, busyTimeoutMs: number): Promise<WalCheckpointer> {
    return new WalCheckpointer(await openSqliteHandle(filename, busyTimeoutMs));
  }

  private checkpoint(): void {
    if (this.running) return;
    this.running = true;
    // A failed checkpoint (the database busy with a backup, say) is retried on the next tick;
    // the WAL only grows meanwhile, and the writer's backstop bounds it.
    this.db.run('PRAGMA wal_checkpoint(PASSIVE)', () => {
      this.running = false;
    });
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return new Promise((resolve) => this.db.close(() => resolve()));
  }
}
