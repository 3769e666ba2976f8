import { Mutex } from 'async-mutex';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { type ConnectionSource, RoutedConnection } from './readRouting';
import { Sqlite3Connection } from './sqlite3Connection';
import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer } from './walCheckpointer';

/** A Kysely dialect for the `sqlite3` package (Kysely ships one only for better-sqlite3). */
export interface Sqlite3DialectConfig {
  filename: string;
  busyTimeoutMs?: number;
  /**
   * Read-only connections for statements outside transactions (0: none, everything on the
   * one writer). In WAL mode they read beside the writer instead of waiting for its
   * transaction to end. Ignored for an in-memory database, which another connection cannot see.
   */
  readers?: number;
}

export class Sqlite3Dialect implements Dialect {
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new Sqlite3Driver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** A reader that has not answered for this long is running a long statement. */
export const READER_STALLED_MS = 20;

/** The reader for the next read: not stalled if one is not, then fewest in flight, by turn among equals. */
export function pickReader<R extends Pick<Sqlite3Connection, 'inFlight' | 'stalledMs'>>(
  readers: readonly R[],
  turn: number,
  now: number,
): R {
  const count = readers.length;
  if (count === 0) throw new Error('SQLite driver has no readers');
  const stalled = (r: R) => r.stalledMs(now) >= READER_STALLED_MS;
  const better = (a: R, b: R) => (stalled(a) === stalled(b) ? a.inFlight < b.inFlight : stalled(b));
  let best = readers[turn % count] as R;
  for (let i = 1; i < count; i++) {
    const candidate = readers[(turn + i) % count] as R;
    if (better(candidate, best)) best = candidate;
  }
  return best;
}

/**
 * SQLite has one writer, and node-sqlite3 multiplexes every statement onto one handle, so
 * two interleaved transactions on it would be one transaction. We therefore keep exactly one
 * connection and hand it out under a mutex: Kysely acquires the connection before BEGIN and
 * releases it after COMMIT/ROLLBACK, so the lock is held for the whole transaction.
 *
 * With `readers`, statements outside transactions that only read go to a small pool of
 * read-only connections instead (readRouting.ts): transactions still take the one writer for
 * their whole length, but a read no longer waits for them. A single reader was once measured
 * slower for claims alone (each write empties the reader's page cache; BENCHMARKS.md), so the
 * pool is measured under a mixed load (test/bench/mixedLoad.bench.ts) before it is the default.
 */
class Sqlite3Driver implements Driver, ConnectionSource {
  private readonly mutex = new Mutex();
  private releaseLock: (() => void) | undefined;
  private connection: Sqlite3Connection | undefined;
  private readersPool: Sqlite3Connection[] = [];
  private nextReader = 0;
  private checkpointer: WalCheckpointer | undefined;

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    const { filename, busyTimeoutMs = 5000 } = this.config;
    this.connection = await Sqlite3Connection.open(filename, busyTimeoutMs);
    // WAL lets readers in other processes (backups, the CLI) work beside the server;
    // foreign keys are off by default in SQLite and must be enabled per connection.
    for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON']) {
      await this.connection.executeQuery(CompiledQuery.raw(`PRAGMA ${pragma}`));
    }
    // An in-memory database has no log to copy back.
    if (filename === ':memory:') return;
    await this.connection.executeQuery(CompiledQuery.raw(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`));
    this.checkpointer = await WalCheckpointer.open(filename, busyTimeoutMs);
    for (let i = 0; i < (this.config.readers ?? 0); i++) {
      const reader = await Sqlite3Connection.open(filename, busyTimeoutMs, 'read-only');
      await reader.executeQuery(CompiledQuery.raw('PRAGMA query_only = ON'));
      this.readersPool.push(reader);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.readersPool.length > 0) return new RoutedConnection(this);
    this.releaseLock = await this.mutex.acquire();
    if (!this.connection) throw new Error('SQLite driver used before init or after destroy');
    return this.connection;
  }

  /** The writer, under the lock that keeps its transactions whole (ConnectionSource). */
  async lockWriter(): Promise<{ writer: Sqlite3Connection; release: () => void }> {
    const release = await this.mutex.acquire();
    if (!this.connection) {
      release();
      throw new Error('SQLite driver used before init or after destroy');
    }
    return { writer: this.connection, release };
  }

  /**
   * The reader a read outside a transaction goes to (ConnectionSource). A handle runs one
   * statement at a time, so a read sent to a reader busy with a long count (the queue pace, an
   * export page) waits behind it while the other reader serves. Readers stalled on a long
   * statement are avoided while another is not, even one with more quick reads queued: at a
   * million cases the pace recount holds a reader ~0.2 s per count, and a dashboard sent there
   * behind it was the one slow call of a shift (BENCHMARKS.md). Among the rest, the fewest
   * statements in flight; the readers take turns among equals.
   */
  reader(): Sqlite3Connection {
    return pickReader(this.readersPool, this.nextReader++, performance.now());
  }

  private async writerFor(conn: DatabaseConnection): Promise<DatabaseConnection> {
    return conn instanceof RoutedConnection ? conn.holdWriter() : conn;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front, so a transaction that reads then writes
    // cannot fail half-way with SQLITE_BUSY because another process wrote in between.
    await (await this.writerFor(conn)).executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (await this.writerFor(conn)).executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await (await this.writerFor(conn)).executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    if (conn instanceof RoutedConnection) return conn.release();
    const release = this.releaseLock;
    this.releaseLock = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    const release = await this.mutex.acquire();
    try {
      await this.checkpointer?.close();
      for (const reader of this.readersPool) await reader.close();
      await this.connection?.close();
    } finally {
      this.checkpointer = undefined;
      this.readersPool = [];
      this.connection = undefined;
      release();
    }
  }
}
