/**
 * The queue pace cache on a real database: an answer within its time to live is reused; past
 * it, callers get the old answer while exactly one recount runs, however many ask at once; an
 * answer far past it is not served.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../server/db/database';
import { casesRepo } from '../../server/db/repositories/cases.repo';
import { queuePaces, setPaceCacheTtl } from '../../server/services/queuePace';
import { createQueue, insertTriagedCases } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('queue pace cache on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  const now = new Date();
  const open = async () => (await queuePaces(db, now)).get('q')?.open;

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    await createQueue(db, 'q');
    await insertTriagedCases(db, 'q', 3);
    setPaceCacheTtl(15_000);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    setPaceCacheTtl(15_000);
    await database.close();
  });

  it('reuses a fresh answer, then serves the stale one while a single recount runs', async () => {
    const clock = vi.spyOn(Date, 'now');
    let t = 1_000_000;
    clock.mockImplementation(() => t);
    const counts = vi.spyOn(casesRepo, 'queueLoad');

    expect(await open()).toBe(3);
    await insertTriagedCases(db, 'q', 2);
    t += 10_000;
    expect(await open()).toBe(3);
    expect(counts).toHaveBeenCalledTimes(1);

    // Past the time to live: twenty callers at once are answered from the old count and start
    // one recount between them; once it lands, the new count is served.
    t += 10_000;
    const answers = await Promise.all(Array.from({ length: 20 }, open));
    expect(answers).toEqual(Array(20).fill(3));
    expect(counts).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect(await open()).toBe(5));
    expect(counts).toHaveBeenCalledTimes(2);

    // Far past it (ten times the time to live), the caller waits for the recount instead.
    await insertTriagedCases(db, 'q', 1);
    t += 200_000;
    expect(await open()).toBe(6);
    expect(counts).toHaveBeenCalledTimes(3);
  });

  it('counts every time when the cache is off', async () => {
    setPaceCacheTtl(0);
    const counts = vi.spyOn(casesRepo, 'queueLoad');
    await open();
    await open();
    expect(counts).toHaveBeenCalledTimes(2);
  });
});
