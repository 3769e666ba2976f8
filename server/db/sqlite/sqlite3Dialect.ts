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
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import sqlite3 from 'sqlite3';
import { toSqliteValue } from './bindValue';

/**
 * A Kysely dialect for the `sqlite3` package (Kysely ships one only for better-sqlite3).
 *
 * SQLite has one writer, and node-sqlite3 multiplexes every statement onto one handle, so
 * two interleaved transactions on it would be one transaction. We therefore keep exactly one
 * connection and hand it out under a mutex: Kysely acquires the connection before BEGIN and
 * releases it after COMMIT/ROLLBACK, so the lock is held for the whole transaction.
 */
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

class Sqlite3Driver implements Driver {
  private readonly mutex = new Mutex();
  private releaseLock: (() => void) | undefined;
  private db: sqlite3.Database | undefined;
  private connection: Sqlite3Connection | undefined;

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    this.db = await openDatabase(this.config.filename);
    this.db.configure('busyTimeout', this.config.busyTimeoutMs ?? 5000);
    this.connection = new Sqlite3Connection(this.db);
    // WAL lets readers in other processes (backups, the CLI) work beside the server;
    // foreign keys are off by default in SQLite and must be enabled per connection.
    for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON']) {
      await this.connection.executeQuery(CompiledQuery.raw(`PRAGMA ${pragma}`));
    }
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
      const db = this.db;
      this.connection?.finalizeAll();
      this.db = undefined;
      this.connection = undefined;
      if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    } finally {
      release();
    }
  }
}

function openDatabase(filename: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(filename, (err) => (err ? reject(err) : resolve(db)));
  });
}

/** Statements that produce rows; everything else is run for its changes/lastID. */
const ROW_RETURNING = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;

/** Prepared statements kept per SQL text; Kysely emits the same text for the same query shape. */
const STATEMENT_CACHE_SIZE = 256;

class Sqlite3Connection implements DatabaseConnection {
  private readonly statements = new Map<string, sqlite3.Statement>();

  constructor(private readonly db: sqlite3.Database) {}

  /**
   * Re-preparing a statement costs more than running most of ours, so statements are kept
   * and reused. Safe because the driver's mutex lets only one query run at a time.
   */
  private statement(sql: string): Promise<sqlite3.Statement> {
    const cached = this.statements.get(sql);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => {
        if (err) return reject(err);
        if (this.statements.size >= STATEMENT_CACHE_SIZE) this.finalizeAll();
        this.statements.set(sql, stmt);
        resolve(stmt);
      });
    });
  }

  finalizeAll(): void {
    for (const stmt of this.statements.values()) stmt.finalize();
    this.statements.clear();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters.map(toSqliteValue);
    const { sql } = compiled;
    // Transaction control and pragmas run directly: nothing to gain from keeping them.
    if (/^\s*(begin|commit|rollback|pragma)\b/i.test(sql)) {
      return new Promise((resolve, reject) => {
        this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })));
      });
    }
    const stmt = await this.statement(sql);
    if (ROW_RETURNING.test(sql)) {
      return new Promise((resolve, reject) => {
        stmt.all(params, (err: Error | null, rows: R[]) => (err ? reject(err) : resolve({ rows })));
      });
    }
    return new Promise((resolve, reject) => {
      stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes),
          insertId: this.lastID ? BigInt(this.lastID) : undefined,
        });
      });
    });
  }

  /** Streams with constant memory: one prepared statement, rows fetched in chunks. */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 500): AsyncIterableIterator<QueryResult<R>> {
    const params = compiled.parameters.map(toSqliteValue);
    const stmt = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const s = this.db.prepare(compiled.sql, params, (err) => (err ? reject(err) : resolve(s)));
    });
    try {
      for (;;) {
        const rows: R[] = [];
        while (rows.length < chunkSize) {
          const row = await new Promise<R | undefined>((resolve, reject) =>
            stmt.get((err: Error | null, r: R | undefined) => (err ? reject(err) : resolve(r))),
          );
          if (row === undefined) break;
          rows.push(row);
        }
        if (rows.length > 0) yield { rows };
        if (rows.length < chunkSize) return;
      }
    } finally {
      await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
    }
  }
}
