import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { isReadOnlyStatement } from '../../server/db/sqlite/readRouting';
import { Sqlite3Connection } from '../../server/db/sqlite/sqlite3Connection';

/** A gate a test opens by hand, to hold a write transaction open while reads run. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** A count over 3,000,000 generated rows (about half a second), to keep one reader busy. */
function startLongCount(db: DatabaseHandle['db']) {
  let finished = false;
  const count = sql<{ n: number }>`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
    SELECT count(*) AS n FROM n`
    .execute(db)
    .then((r) => {
      finished = true;
      return Number(r.rows[0]?.n);
    });
  return { count, done: () => finished };
}

describe('SQLite read pool (DESK_SQLITE_READERS)', () => {
  let dir: string;
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(readers: number) {
    dir = mkdtempSync(join(tmpdir(), 'verdict-readers-'));
    handle = openDatabase(`sqlite:${join(dir, 'desk.sqlite')}`, { sqliteReaders: readers });
    await migrateToLatest(handle.db);
    await sql`CREATE TABLE pool_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(handle.db);
    return handle.db;
  }

  it('serves a read while a write transaction is open, from the last commit', async () => {
    const db = await open(2);
    await db
      .insertInto('pool_probe' as never)
      .values({ body: 'committed' } as never)
      .execute();
    const held = gate();
    const inserted = gate();
    const writing = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('pool_probe' as never)
        .values({ body: 'pending' } as never)
        .execute();
      inserted.open();
      await held.opened;
    });
    await inserted.opened;
    // The transaction is still open: the read must not wait for it, and must not see its row.
    const rows = await db
      .selectFrom('pool_probe' as never)
      .select('body' as never)
      .execute();
    expect(rows.map((r) => (r as { body: string }).body)).toEqual(['committed']);
    held.open();
    await writing;
    const after = await db
      .selectFrom('pool_probe' as never)
      .select('body' as never)
      .execute();
    expect(after.map((r) => (r as { body: string }).body)).toEqual(['committed', 'pending']);
  });

  it('without readers, the same read waits for the transaction to end (the single connection)', async () => {
    const db = await open(0);
    const held = gate();
    const inserted = gate();
    const order: string[] = [];
    const writing = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('pool_probe' as never)
        .values({ body: 'pending' } as never)
        .execute();
      inserted.open();
      await new Promise((r) => setTimeout(r, 50));
      order.push('commit');
      await held.opened;
    });
    await inserted.opened;
    const reading = db
      .selectFrom('pool_probe' as never)
      .select('body' as never)
      .execute()
      .then((rows) => {
        order.push('read');
        return rows;
      });
    held.open();
    await writing;
    expect((await reading).length).toBe(1);
    expect(order).toEqual(['commit', 'read']);
  });

  it('read-your-own-writes: 20 writers in parallel each read back what they just committed', async () => {
    const db = await open(2);
    const seen = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const body = `note ${i}`;
        await db.transaction().execute((trx) =>
          trx
            .insertInto('pool_probe' as never)
            .values({ body } as never)
            .execute(),
        );
        const row = await db
          .selectFrom('pool_probe' as never)
          .select('body' as never)
          .where('body' as never, '=', body as never)
          .executeTakeFirst();
        return (row as { body: string } | undefined)?.body;
      }),
    );
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`));
  });

  it('writes outside a transaction still reach the writer, and a stream reads beside a transaction', async () => {
    const db = await open(1);
    const result = await db
      .insertInto('pool_probe' as never)
      .values({ body: 'returned' } as never)
      .returning('id' as never)
      .executeTakeFirst();
    expect(result).toBeDefined();
    await sql`UPDATE pool_probe SET body = 'changed'`.execute(db);
    const held = gate();
    const begun = gate();
    const writing = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('pool_probe' as never)
        .values({ body: 'pending' } as never)
        .execute();
      begun.open();
      await held.opened;
    });
    await begun.opened;
    const streamed: string[] = [];
    for await (const row of db
      .selectFrom('pool_probe' as never)
      .select('body' as never)
      .stream())
      streamed.push((row as { body: string }).body);
    expect(streamed).toEqual(['changed']);
    held.open();
    await writing;
  });

  it('routes to readers only what surely reads, and a reader could not write anyway', async () => {
    const db = await open(1);
    expect(isReadOnlyStatement('select * from notes')).toBe(true);
    expect(isReadOnlyStatement('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isReadOnlyStatement('WITH x AS (SELECT 1) INSERT INTO notes (body) SELECT 1 FROM x')).toBe(false);
    expect(isReadOnlyStatement('insert into notes (body) values (?) returning id')).toBe(false);
    expect(isReadOnlyStatement("select * from notes where body = 'update'")).toBe(false);
    expect(isReadOnlyStatement('PRAGMA table_info(notes)')).toBe(false);
    await db
      .insertInto('pool_probe' as never)
      .values({ body: 'kept' } as never)
      .execute();
    const reader = await Sqlite3Connection.open(join(dir, 'desk.sqlite'), 1000, 'read-only');
    try {
      await expect(
        reader.executeQuery(CompiledQuery.raw("INSERT INTO pool_probe (body) VALUES ('no')")),
      ).rejects.toThrow(/readonly/i);
      const { rows } = await reader.executeQuery(CompiledQuery.raw('SELECT body FROM pool_probe'));
      expect(rows).toEqual([{ body: 'kept' }]);
    } finally {
      await reader.close();
    }
  });

  it('sends a read to the idle reader, not to one busy with a long count', async () => {
    const db = await open(2);
    const long = startLongCount(db);
    // Taking turns, one of these three would land on the busy reader and wait for the count.
    for (let i = 0; i < 3; i++) {
      await sql`SELECT 1 AS one`.execute(db);
      expect(long.done(), `quick read ${i} waited for the long count`).toBe(false);
    }
    expect(await long.count).toBe(3_000_000);
  });

  it('sends reads past a reader stalled on a long count, even to a reader with more reads queued', async () => {
    const db = await open(2);
    const long = startLongCount(db);
    // The count has run long enough to be seen as stalled; then six reads arrive at once. By
    // statements in flight alone, every second one would join the count's reader and wait.
    await new Promise((r) => setTimeout(r, 60));
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await sql`SELECT ${i} AS i`.execute(db);
        expect(long.done(), `quick read ${i} waited for the long count`).toBe(false);
      }),
    );
    expect(await long.count).toBe(3_000_000);
  });
});
