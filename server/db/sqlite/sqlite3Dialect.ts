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
import { Sqlite3Connection } from './sqlite3Connection';
import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer } from './walCheckpointer';

/** A Kysely dialect for the `sqlite3` package (Kysely ships one only for better-sqlite3). */
export interface Sqlite3DialectConfig {
  filename: string;
  busyTimeoutMs?: number;
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

/**
 * SQLite has one writer, and node-sqlite3 multiplexes every statement onto one handle, so
 * two interleaved transactions on it would be one transaction. We therefore keep exactly one
 * connection and hand it out under a mutex: Kysely acquires the connection before BEGIN and
 * releases it after COMMIT/ROLLBACK, so the lock is held for the whole transaction.
 *
 * A second, read-only connection for plain SELECTs was tried and measured slower: each write
 * on the first empties the second's page cache, and reads that no longer wait their turn add
 * work to the event loop that the writer's statements then wait behind (BENCHMARKS.md).
 */
class Sqlite3Driver implements Driver {
  private readonly mutex = new Mutex();
  private releaseLock: (() => void) | undefined;
  private connection: Sqlite3Connection | undefined;
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
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.releaseLock = await this.mutex.acquire();
    if (!this.connection) throw new Error('SQLite driver used before init or after destroy');
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front, so a transaction that reads then writes
    // cannot fail half-way with SQLITE_BUSY because another process wrote in between.
    await conn.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.releaseLock;
    this.releaseLock = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    const release = await this.mutex.acquire();
    try {
      await this.checkpointer?.close();
      await this.connection?.close();
    } finally {
      this.checkpointer = undefined;
      this.connection = undefined;
      release();
    }
  }
}
