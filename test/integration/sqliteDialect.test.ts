import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';

// The driver itself, on a real SQLite file: pragmas, the transaction mutex, value binding.
describe('sqlite3 dialect', () => {
  let dir: string;
  let db: Kysely<any>;
  let close: () => Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verdict-driver-'));
    const handle = openDatabase(`sqlite:${join(dir, 'd.sqlite')}`);
    db = handle.db as unknown as Kysely<any>;
    close = handle.close;
    await sql`CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)`.execute(db);
    await sql`CREATE TABLE parent (id INTEGER PRIMARY KEY)`.execute(db);
    await sql`CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))`.execute(
      db,
    );
    await sql`CREATE TABLE things (id INTEGER PRIMARY KEY, v)`.execute(db);
    await db.insertInto('counter').values({ id: 1, n: 0 }).execute();
  });
  afterEach(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with foreign keys enforced', async () => {
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    await expect(db.insertInto('child').values({ id: 1, parent_id: 99 }).execute()).rejects.toThrow(/FOREIGN KEY/);
  });

  it('runs concurrent transactions one after another, so read-modify-write never loses an update', async () => {
    const bump = () =>
      db.transaction().execute(async (trx) => {
        const { n } = await trx.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
        await new Promise((r) => setTimeout(r, 1)); // let the other transactions try to interleave
        await trx
          .updateTable('counter')
          .set({ n: n + 1 })
          .where('id', '=', 1)
          .execute();
      });
    await Promise.all(Array.from({ length: 40 }, bump));
    const { n } = await db.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(n).toBe(40);
  });

  it('rolls back everything a failed transaction wrote and frees the connection', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('counter').set({ n: 7 }).where('id', '=', 1).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { n } = await db.selectFrom('counter').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(n).toBe(0);
  });

  it('stores BigInt as its number and Date as ISO text; rejects objects without storing anything', async () => {
    await db.insertInto('things').values({ id: 1, v: 123n }).execute();
    await db
      .insertInto('things')
      .values({ id: 2, v: new Date('2024-02-20T04:00:00Z') })
      .execute();
    await expect(
      db
        .insertInto('things')
        .values({ id: 3, v: { a: 1 } })
        .execute(),
    ).rejects.toThrow(/cannot be stored/);
    const rows = await db.selectFrom('things').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, v: 123 },
      { id: 2, v: '2024-02-20T04:00:00.000Z' },
    ]);
  });

  it('reports affected rows and insert ids', async () => {
    const insert = await db.insertInto('things').values({ id: 10, v: 'x' }).executeTakeFirst();
    expect(insert.insertId).toBe(10n);
    const update = await db.updateTable('things').set({ v: 'y' }).where('id', '>=', 0).executeTakeFirst();
    expect(update.numUpdatedRows).toBe(1n);
  });

  it('copies the write-ahead log back into the database file in the background, not in a commit', async () => {
    const file = join(dir, 'd.sqlite');
    const { wal_autocheckpoint } = (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(db))
      .rows[0] as { wal_autocheckpoint: number };
    expect(wal_autocheckpoint).toBe(10_000);
    const before = statSync(file).size;
    // About 250 pages of new rows: far below the writer's own threshold, so only the
    // background checkpointer can move them into the database file.
    await db
      .insertInto('things')
      .values(Array.from({ length: 1000 }, (_, i) => ({ id: 1000 + i, v: 'x'.repeat(1000) })))
      .execute();
    expect(statSync(file).size).toBe(before);
    await expect.poll(() => statSync(file).size, { timeout: 5000, interval: 100 }).toBeGreaterThan(before + 900_000);
  });

  it('streams rows in chunks', async () => {
    await db
      .insertInto('things')
      .values(Array.from({ length: 1234 }, (_, i) => ({ id: i + 1, v: i })))
      .execute();
    let count = 0;
    let sum = 0;
    for await (const row of db.selectFrom('things').select('v').orderBy('id').stream(100)) {
      count += 1;
      sum += row.v as number;
    }
    expect(count).toBe(1234);
    expect(sum).toBe((1233 * 1234) / 2);
  });
});
