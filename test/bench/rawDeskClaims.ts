/**
 * The claims baseline on the desk's own schema: raw node-sqlite3 statements, prepared once,
 * making the same writes a claim makes (the case row with all its indexes, one audit row
 * with its indexes) on a database the desk's migrations built and its factories filled.
 * What it leaves out is what the desk adds: Kysely, the services, tRPC and HTTP.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import sqlite3 from 'sqlite3';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { createQueue, createStaff, insertTriagedCases } from '../support/factories';

/** The same one-statement look-up the desk makes on SQLite (casesRepo.claimCandidateOfMember). */
const CANDIDATE = `
  SELECT id, status, version, assignee_id, rank FROM cases WHERE id IN (
    SELECT (SELECT c.id FROM cases c WHERE c.queue = m.queue_id AND c.status = 'triaged'
              AND NOT EXISTS (SELECT 1 FROM case_skips s WHERE s.case_id = c.id AND s.user_id = ?1 AND s.until > ?2)
            ORDER BY c.rank DESC, c.id DESC LIMIT 1)
      FROM queue_members m WHERE m.user_id = ?1
    UNION ALL
    SELECT (SELECT c.id FROM cases c WHERE c.queue = m.queue_id AND c.status = 'assigned' AND c.lease_until < ?2
              AND NOT EXISTS (SELECT 1 FROM case_skips s WHERE s.case_id = c.id AND s.user_id = ?1 AND s.until > ?2)
            ORDER BY c.rank DESC, c.id DESC LIMIT 1)
      FROM queue_members m WHERE m.user_id = ?1)
  ORDER BY rank DESC, id DESC LIMIT 1`;
const CLAIM = `UPDATE cases SET status = 'assigned', assignee_id = ?, lease_until = ?, updated_at = ?, version = version + 1
  WHERE id = ? AND version = ?`;
const HEAD = 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1';
const APPEND = `INSERT INTO audit_events (seq, at, actor_type, actor_id, action, target_type, target_id, data,
  request_id, batch_id, ip, user_agent, prev_hash, hash) VALUES (?, ?, 'user', ?, 'case.claimed', 'case', ?, ?, ?, NULL, ?, ?, ?, ?)`;

/** node-sqlite3 on a desk database, set up as the desk sets up its connection, with prepared statements. */
export async function openRawDesk(file: string) {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(opened)));
  });
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<unknown[]>((resolve, reject) =>
      db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))),
    );
  for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON'])
    await run(`PRAGMA ${pragma}`);
  const prepared = (sql: string) => {
    const stmt = db.prepare(sql);
    return (params: unknown[]) =>
      new Promise<unknown[]>((resolve, reject) => stmt.all(params, (err, rows) => (err ? reject(err) : resolve(rows))));
  };
  return { db, run, prepared };
}

export async function rawClaimsOnDeskSchema(file: string, cases: number, reviewers: number): Promise<number> {
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: reviewers }, (_, i) => ({ username: `r${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', cases);
  await handle.close();

  const { db, run, prepared } = await openRawDesk(file);
  const [candidate, claim, head, append] = [CANDIDATE, CLAIM, HEAD, APPEND].map(prepared) as [
    ReturnType<typeof prepared>,
    ReturnType<typeof prepared>,
    ReturnType<typeof prepared>,
    ReturnType<typeof prepared>,
  ];

  let chain = Promise.resolve();
  let claimed = 0;
  // The callers take turns on the one connection, as the desk's transactions do.
  const claimOnce = (userId: number) => {
    chain = chain.then(async () => {
      const now = new Date().toISOString();
      const lease = new Date(Date.now() + 15 * 60_000).toISOString();
      await run('BEGIN IMMEDIATE');
      const [row] = (await candidate([userId, now])) as { id: number; version: number; assignee_id: number | null }[];
      if (row) {
        await claim([userId, lease, now, row.id, row.version]);
        const [last] = (await head([])) as { seq: number; hash: string }[];
        const data = JSON.stringify({ leaseUntil: lease, previousAssignee: row.assignee_id });
        const prev = last?.hash ?? '0'.repeat(64);
        const hash = createHash('sha256').update(prev).update(data).digest('hex');
        await append([
          (last?.seq ?? 0) + 1,
          now,
          String(userId),
          String(row.id),
          data,
          null,
          '127.0.0.1',
          'bench',
          prev,
          hash,
        ]);
        claimed += 1;
      }
      await run('COMMIT');
    });
    return chain;
  };
  const start = performance.now();
  await Promise.all(
    [...staff.values()].map(async (userId) => {
      for (let i = 0; i < cases / reviewers; i++) await claimOnce(userId);
    }),
  );
  const ms = performance.now() - start;
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return Math.round((claimed / ms) * 1000);
}
