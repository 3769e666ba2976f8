import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db, DialectName } from './database';
import { Sqlite3Dialect } from './sqlite/sqlite3Dialect';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** A printable location with no password in it. */
  describe: string;
  /** PostgreSQL's connection pool, for what shares it outside Kysely (the shared rate limits). */
  pgPool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** SQLite only: read-only connections for reads outside transactions (0: all on the writer). */
  sqliteReaders?: number;
}

/** `sqlite:./data/verdict.sqlite` (default), `sqlite::memory:`, or `postgres://…`. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // Counts and sums come back as int8; ours always fit in a double.
      types: {
        getTypeParser: (oid: number, format?: any) =>
          oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
      } as any,
    });
    // An idle client whose connection the server dropped (restart, failover, terminate) is
    // discarded and replaced by the pool; unheard, that 'error' event would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const safe = new URL(url);
    safe.password = '';
    return { db, dialect: 'postgres', describe: safe.toString(), pgPool: pool, close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const filename = path === ':memory:' ? path : resolve(path);
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ filename, readers: options.sqliteReaders ?? 0 }) });
    return { db, dialect: 'sqlite', describe: `sqlite:${filename}`, close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}
