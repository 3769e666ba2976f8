/**
 * The raw baselines of the intake and claims benchmark: node-sqlite3 statements with nothing
 * of the desk around them (no Kysely, services, tRPC or HTTP), on a minimal schema of their
 * own. The claims baseline on the desk's own schema is in rawDeskClaims.ts.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sqlite3 from 'sqlite3';

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

export function raw(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<unknown[]> {
  return new Promise((res, rej) => db.all(sql, params, (err, rows) => (err ? rej(err) : res(rows))));
}

/** The same writes intake makes (subject, open-case look-up, case, report, audit row), as bare SQL. */
export async function rawIntake(dir: string, reports: number): Promise<number> {
  const db = new sqlite3.Database(join(dir, 'raw-intake.sqlite'));
  await raw(db, 'PRAGMA journal_mode=WAL');
  await raw(db, 'PRAGMA synchronous=NORMAL');
  await raw(db, 'CREATE TABLE subjects (id TEXT PRIMARY KEY, kind TEXT, name TEXT)');
  await raw(
    db,
    'CREATE TABLE cases (id INTEGER PRIMARY KEY, subject_id TEXT, rule TEXT, status TEXT, summary TEXT, rank INTEGER)',
  );
  await raw(db, 'CREATE INDEX c_sub ON cases(subject_id, rule, status)');
  await raw(
    db,
    'CREATE TABLE reports (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, case_id INTEGER, summary TEXT)',
  );
  await raw(db, 'CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT, data TEXT, prev TEXT, hash TEXT)');
  let prev = '0';
  const start = performance.now();
  for (let i = 0; i < reports; i++) {
    const subject = `M-${i % 500}`;
    await raw(db, 'BEGIN IMMEDIATE');
    await raw(db, 'SELECT id FROM reports WHERE external_id = ?', [`x-${i}`]);
    await raw(db, 'INSERT OR IGNORE INTO subjects VALUES (?, ?, ?)', [subject, 'merchant', '店']);
    const open = (await raw(db, "SELECT id FROM cases WHERE subject_id = ? AND rule = ? AND status = 'triaged'", [
      subject,
      'r',
    ])) as { id: number }[];
    let caseId = open[0]?.id;
    if (!caseId) {
      await raw(db, "INSERT INTO cases (subject_id, rule, status, summary, rank) VALUES (?, 'r', 'triaged', 's', ?)", [
        subject,
        i,
      ]);
      caseId = ((await raw(db, 'SELECT last_insert_rowid() AS id')) as { id: number }[])[0]?.id;
    }
    await raw(db, 'INSERT INTO reports (external_id, case_id, summary) VALUES (?, ?, ?)', [`x-${i}`, caseId, 's']);
    const data = JSON.stringify({ caseId, i });
    const hash = createHash('sha256').update(prev).update(data).digest('hex');
    await raw(db, 'INSERT INTO audit (action, data, prev, hash) VALUES (?, ?, ?, ?)', [
      'case.created',
      data,
      prev,
      hash,
    ]);
    prev = hash;
    await raw(db, 'COMMIT');
  }
  const ms = performance.now() - start;
  db.close();
  return rate(reports, ms);
}

/** A claim as bare SQL: pick the top triaged case, assign it, append the audit row. 16 callers share the connection. */
export async function rawClaims(dir: string, cases: number, reviewers: number): Promise<number> {
  const db = new sqlite3.Database(join(dir, `raw-claims-${Date.now()}.sqlite`));
  await raw(db, 'PRAGMA journal_mode=WAL');
  await raw(
    db,
    'CREATE TABLE cases (id INTEGER PRIMARY KEY, queue TEXT, status TEXT, rank INTEGER, assignee INTEGER, lease TEXT)',
  );
  await raw(db, 'CREATE INDEX c_q ON cases(queue, status, rank, id)');
  await raw(db, 'CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT, data TEXT, prev TEXT, hash TEXT)');
  await raw(db, 'BEGIN');
  for (let i = 0; i < cases; i++)
    await raw(db, "INSERT INTO cases (queue, status, rank) VALUES ('q', 'triaged', ?)", [i % 97]);
  await raw(db, 'COMMIT');
  let prev = '0';
  let chain = Promise.resolve();
  const claimed: number[] = [];
  const claimOnce = (reviewer: number) => {
    const next = chain.then(async () => {
      await raw(db, 'BEGIN IMMEDIATE');
      const [row] = (await raw(
        db,
        "SELECT id FROM cases WHERE queue = 'q' AND status = 'triaged' ORDER BY rank DESC, id DESC LIMIT 1",
      )) as { id: number }[];
      if (row) {
        await raw(db, "UPDATE cases SET status = 'assigned', assignee = ?, lease = ? WHERE id = ?", [
          reviewer,
          new Date().toISOString(),
          row.id,
        ]);
        const data = JSON.stringify({ id: row.id, reviewer });
        const hash = createHash('sha256').update(prev).update(data).digest('hex');
        await raw(db, 'INSERT INTO audit (action, data, prev, hash) VALUES (?, ?, ?, ?)', [
          'case.claimed',
          data,
          prev,
          hash,
        ]);
        prev = hash;
        claimed.push(row.id);
      }
      await raw(db, 'COMMIT');
    });
    chain = next;
    return next;
  };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: reviewers }, async (_, r) => {
      for (let i = 0; i < cases / reviewers; i++) await claimOnce(r);
    }),
  );
  const ms = performance.now() - start;
  db.close();
  return rate(claimed.length, ms);
}
