/**
 * The decisions baseline for the mixed-load benchmark: raw node-sqlite3 statements, prepared
 * once, making the writes a reviewer's claim and decision make (the case row twice with its
 * indexes, the decision row, two audit rows) on a database the desk's migrations built.
 * Callers take turns on one connection, as the desk's transactions do. What it leaves out is
 * what the desk adds: Kysely, the services, the rulebook, tRPC and HTTP.
 */
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { createQueue, createStaff, insertTriagedCases } from '../support/factories';
import { openRawDesk } from './rawDeskClaims';

const NEXT = `SELECT id, version FROM cases WHERE queue = 'q' AND status = 'triaged' ORDER BY rank DESC, id DESC LIMIT 1`;
const CLAIM = `UPDATE cases SET status = 'assigned', assignee_id = ?, lease_until = ?, updated_at = ?, version = version + 1
  WHERE id = ? AND version = ?`;
const DECIDE = `INSERT INTO decisions (case_id, kind, rule, facts, reason, status, decided_by, decided_at)
  VALUES (?, 'dismiss', 'fake-transaction', '{}', ?, 'effective', ?, ?)`;
const CLOSE = `UPDATE cases SET status = 'final', closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`;
const HEAD = 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1';
const APPEND = `INSERT INTO audit_events (seq, at, actor_type, actor_id, action, target_type, target_id, data,
  request_id, batch_id, ip, user_agent, prev_hash, hash) VALUES (?, ?, 'user', ?, ?, 'case', ?, ?, NULL, NULL, '127.0.0.1', 'bench', ?, ?)`;

/**
 * Decisions per second (each preceded by its claim) for `reviewers` callers over `cases` cases.
 * `copyOf` starts from a copy of that database (the desk's seeded one, so that the raw loop
 * writes into tables and indexes of the same size) instead of an empty one.
 */
export async function rawDecisionsOnDeskSchema(
  file: string,
  cases: number,
  reviewers: number,
  copyOf?: string,
): Promise<number> {
  if (copyOf) copyFileSync(copyOf, file);
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: reviewers }, (_, i) => ({ username: `raw${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', cases);
  await handle.close();

  const { db, run, prepared } = await openRawDesk(file);
  const next = prepared(NEXT);
  const claim = prepared(CLAIM);
  const decide = prepared(DECIDE);
  const close = prepared(CLOSE);
  const head = prepared(HEAD);
  const append = prepared(APPEND);

  const appendEvent = async (userId: number, action: string, caseId: number, data: string) => {
    const [last] = (await head([])) as { seq: number; hash: string }[];
    const prev = last?.hash ?? '0'.repeat(64);
    const hash = createHash('sha256').update(prev).update(data).digest('hex');
    await append([
      (last?.seq ?? 0) + 1,
      new Date().toISOString(),
      String(userId),
      action,
      String(caseId),
      data,
      prev,
      hash,
    ]);
  };

  let chain = Promise.resolve();
  let decided = 0;
  const inTurn = (work: () => Promise<void>) => {
    chain = chain.then(work);
    return chain;
  };
  const claimAndDecide = async (userId: number) => {
    let claimed: { id: number; version: number } | undefined;
    await inTurn(async () => {
      const now = new Date().toISOString();
      await run('BEGIN IMMEDIATE');
      [claimed] = (await next([])) as { id: number; version: number }[];
      if (claimed) {
        await claim([userId, new Date(Date.now() + 15 * 60_000).toISOString(), now, claimed.id, claimed.version]);
        await appendEvent(userId, 'case.claimed', claimed.id, '{}');
      }
      await run('COMMIT');
    });
    if (!claimed) return;
    const caseId = claimed.id;
    await inTurn(async () => {
      const now = new Date().toISOString();
      await run('BEGIN IMMEDIATE');
      await decide([caseId, '证据不足，不予处罚', userId, now]);
      await close([now, now, caseId]);
      await appendEvent(userId, 'case.decided', caseId, '{"decision":"dismiss"}');
      await run('COMMIT');
      decided += 1;
    });
  };
  const start = performance.now();
  await Promise.all(
    [...staff.values()].map(async (userId) => {
      for (let i = 0; i < cases / reviewers; i++) await claimAndDecide(userId);
    }),
  );
  const ms = performance.now() - start;
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return Math.round((decided / ms) * 1000);
}
