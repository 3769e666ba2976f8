/**
 * The desk at scale (issue 10): 1,000,000 cases over 10,000 subjects (skewed: five subjects
 * hold a tenth of all cases), then queue-page and case-page server times, each next to raw
 * SQLite statements doing the same reads in the same run. Also prints the client's initial
 * JS size. Run: npx tsx test/bench/scale.bench.ts   (CASES=200000 for a quicker pass)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { getCase } from '../../server/services/caseDetail.service';
import { caseHistory } from '../../server/services/caseHistory.service';
import { listCases } from '../../server/services/caseList.service';
import { subjectStanding } from '../../server/services/subjectStanding.service';
import { caseListInput } from '../../shared/api/caseList';

const CASES = Number(process.env.CASES ?? 1_000_000);
const SUBJECTS = 10_000;
const RUNS = 40;
const dir = mkdtempSync(join(tmpdir(), 'verdict-scale-'));
const file = join(dir, 'scale.sqlite');

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm caches and statement cache
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const handle = openDatabase(`sqlite:${file}`);
const db = handle.db;
await migrateToLatest(db);
const at = new Date().toISOString();
let t0 = performance.now();
// Every open case has a subject of its own (the database keeps one open case per subject and
// rule), so there is a subject per case; closed cases crowd onto the first SUBJECTS of them.
await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${CASES - 1})
  INSERT INTO subjects (id, kind, name, created_at) SELECT 'S' || i, 'merchant', '商家 ' || i, ${at} FROM n`.execute(
  db,
);
await sql`INSERT INTO queues (id, name_zh, name_en, sla_days, auto_assign, created_at) VALUES
  ('general','综合审核','General','{}',0,${at}), ('counterfeit','售假专项','Counterfeits','{}',0,${at}), ('fake-transaction','虚假交易专项','Fake transactions','{}',0,${at})`.execute(
  db,
);
// Statuses: ~60% closed, the rest open; five subjects hold a tenth of all cases (closed ones).
await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${CASES - 1})
  INSERT INTO cases (subject_id, rule, status, source, summary, priority, rank, queue, sla_due_at, created_at, updated_at, version, report_count)
  SELECT 'S' || (CASE WHEN i % 10 >= 6 THEN i WHEN i % 10 = 0 THEN i % 5 ELSE i % ${SUBJECTS} END),
    CASE i % 4 WHEN 0 THEN 'counterfeit' WHEN 1 THEN 'fake-transaction' WHEN 2 THEN 'member-rights-abuse' ELSE 'improper-info-use' END,
    CASE WHEN i % 10 < 6 THEN 'final' WHEN i % 10 < 9 THEN 'triaged' ELSE 'assigned' END,
    CASE i % 3 WHEN 0 THEN 'user_report' WHEN 1 THEN 'spot_check' ELSE 'system_detection' END,
    '测试案件 ' || i, i % 97, (i % 97) * 1000 - i,
    CASE i % 4 WHEN 0 THEN 'counterfeit' WHEN 1 THEN 'fake-transaction' ELSE 'general' END,
    '2026-12-' || printf('%02d', 1 + i % 28) || 'T00:00:00.000Z', ${at}, ${at}, 1, 1
  FROM n`.execute(db);
console.log(
  `data     ${CASES.toLocaleString()} cases, ${CASES.toLocaleString()} subjects (closed cases crowd onto ${SUBJECTS.toLocaleString()}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// A subject with 1,000 violations on record, for the case page's standing.
t0 = performance.now();
const heavy = 'S1';
const [{ id: heavyCase } = { id: 0 }] = await db
  .selectFrom('cases')
  .select('id')
  .where('subject_id', '=', heavy)
  .limit(1)
  .execute();
await sql`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('bench', 'bench', 'reviewer', 'x', ${at})`.execute(
  db,
);
await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
  INSERT INTO decisions (case_id, kind, rule, facts, reason, status, decided_by, decided_at)
  SELECT ${heavyCase}, 'apply', 'member-rights-abuse', '{"points":1}', 'bench', 'effective', 1, ${at} FROM n`.execute(
  db,
);
await sql`INSERT INTO violations (id, subject_id, case_id, decision_id, rule, at, facts, created_at)
  SELECT 'V' || id, ${heavy}, ${heavyCase}, id, 'member-rights-abuse',
    strftime('%Y-%m-%dT%H:%M:%SZ', '2022-01-01', '+' || (id * 31) || ' hours'), '{"points":1}', ${at} FROM decisions`.execute(
  db,
);
console.log(`data     1,000 violations for subject ${heavy} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

const ctx = { db, clock: systemClock };
const filters = {
  'open, most urgent first': caseListInput.parse({}),
  'one queue, open': caseListInput.parse({ queue: 'counterfeit' }),
  'rule + source, by SLA': caseListInput.parse({ rule: 'fake-transaction', source: 'spot_check', sort: 'slaDueAt' }),
};
const raw = new sqlite3.Database(file);
const rawAll = (q: string) => new Promise((res, rej) => raw.all(q, (err, rows) => (err ? rej(err) : res(rows))));
// The same page as bare SQL on the same indexes: what the desk adds is its own work.
const RAW_SQL = {
  'open, most urgent first': `SELECT c.*, s.name FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.is_open = 1 ORDER BY c.rank DESC, c.id DESC LIMIT 51`,
  'one queue, open': `SELECT c.*, s.name FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.is_open = 1 AND c.queue = 'counterfeit' ORDER BY c.rank DESC, c.id DESC LIMIT 51`,
  'rule + source, by SLA': `SELECT c.*, s.name FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.is_open = 1 AND c.rule = 'fake-transaction' AND c.source = 'spot_check' ORDER BY c.sla_due_at, c.id LIMIT 51`,
} as const;
console.log('queue page (server time, page 1 and page 2 by cursor)');
for (const [name, input] of Object.entries(filters)) {
  const first = await listCases(ctx, 1, input);
  const page1 = await time(() => listCases(ctx, 1, input));
  const page2 = await time(() => listCases(ctx, 1, { ...input, cursor: first.nextCursor ?? undefined }));
  const rawTimes = await time(() => rawAll(RAW_SQL[name as keyof typeof RAW_SQL]));
  const desk = [...page1, ...page2];
  console.log(
    `  ${name.padEnd(26)} p50 ${ms(pct(desk, 50))}  p95 ${ms(pct(desk, 95))}   raw SQL p50 ${ms(pct(rawTimes, 50))}  (goal p95 < 30 ms)`,
  );
}

console.log('\ncase page with standing, subject with 1,000 violations');
const casePage = await time(async () => {
  const c = await getCase(ctx, heavyCase);
  await Promise.all([subjectStanding(db, c.subject.id, new Date()), caseHistory(db, heavyCase)]);
});
const rawCase = await time(() => rawAll(`SELECT * FROM violations WHERE subject_id = '${heavy}' ORDER BY at, id`));
console.log(
  `  p50 ${ms(pct(casePage, 50))}  p95 ${ms(pct(casePage, 95))}   raw SQL (violations only) p50 ${ms(pct(rawCase, 50))}`,
);

const built = join(import.meta.dirname, '../../dist/client');
if (existsSync(join(built, 'index.html'))) {
  const html = readFileSync(join(built, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const bytes = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(built, f))).length, 0);
  const all = readdirSync(join(built, 'assets')).filter((f) => f.endsWith('.js')).length;
  console.log(
    `\nclient initial JS+CSS ${(bytes / 1024).toFixed(0)} KB gzip (${initial.length} files of ${all} chunks; goal ≤ 350 KB)`,
  );
}
raw.close();
await handle.close();
rmSync(dir, { recursive: true, force: true });
