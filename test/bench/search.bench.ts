/**
 * Free-text search at scale (issue 19): CASES cases, each indexed with its summary and the
 * summary of its report (2 × CASES documents, generated Chinese text with order numbers and a
 * few English words), then `search.query`'s use case timed for a two-character Chinese query
 * (团伙, in ~2% of documents; 刷单, in ~20%), a rare two-character one, a longer phrase, an id,
 * next to raw FTS5 statements on the same file in the same run:
 * - raw FTS: the statement the desk runs, bare (no snippets, no Kysely);
 * - a LIKE scan: what a trigram index alone leaves for a two-character term (FTS5's trigram
 *   tokenizer cannot look up fewer than three characters), the reason for the gram table.
 * With BENCH_DATABASE_URL=postgres://… the same documents (PG_CASES cases, default 200,000) are
 * indexed on PostgreSQL through the desk's own `indexDocuments`, and the same queries timed next
 * to the bare statement through `pg`.
 * Run: npx tsx test/bench/search.bench.ts   (CASES=200000 for a quicker pass)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { indexDocuments, type SearchDocument, sqliteGramToken } from '../../server/search/searchIndex';
import { searchDocuments } from '../../server/services/search.service';
import { gramsOf, normalizeForSearch, splitTerms } from '../../shared/search/searchText';
import { createTestDatabase } from '../support/testDatabase';

const CASES = Number(process.env.CASES ?? 1_000_000);
const RUNS = 60;
const dir = mkdtempSync(join(tmpdir(), 'verdict-search-'));
const file = join(dir, 'search.sqlite');

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn(); // warm the page cache and the statement cache
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

// A small deterministic generator, so every run indexes the same text.
let seed = 42;
const next = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed;
};
const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length] as T;
const CITIES = ['杭州', '深圳', '义乌', '广州', '上海', '成都', '苏州', '武汉'];
const SHOPS = ['悦享数码', '优品服饰', '鑫源美妆', '华强电子', '乐购母婴', '家居优选', '百草茶庄', '潮流鞋城'];
const CONDUCT = [
  '疑似刷单交易',
  '虚构交易提升销量',
  '售卖假冒商品',
  '滥用会员权益',
  '骚扰买家要求改评',
  '返现诱导好评',
  '盗用他人图片',
  '价格欺诈',
  '违规发布信息',
  '团购活动价格异常',
];
const DETAILS = ['买家投诉', '系统检测', '抽检发现', '多名买家反映', '平台巡查'];
const ENGLISH = ['fake reviews', 'counterfeit sneakers', 'refund abuse', 'brand logo misuse'];

function summary(i: number): string {
  const parts = [pick(DETAILS), `${pick(CITIES)}${pick(SHOPS)}店`, pick(CONDUCT)];
  if (i % 50 === 7) parts.push('涉嫌组织刷单团伙');
  if (i % 5 === 1) parts.push('刷单返现');
  if (i % 13 === 3) parts.push(pick(ENGLISH));
  if (i === Math.floor(CASES / 3)) parts.push('罕见词鹦鹉');
  parts.push(`订单 ${100_000_000 + ((i * 7919) % 900_000_000)}`);
  return parts.join('，');
}

const handle = openDatabase(`sqlite:${file}`);
await migrateToLatest(handle.db);

// Built with prepared statements on one connection (the desk's own indexDocument would take
// an hour for 2 million documents one transaction at a time): the same rows, grams and tokens.
const raw = new sqlite3.Database(file);
const run = (q: string, ...params: unknown[]) =>
  new Promise<void>((res, rej) => raw.run(q, params, (err) => (err ? rej(err) : res())));
const all = (q: string, ...params: unknown[]) =>
  new Promise<unknown[]>((res, rej) => raw.all(q, params, (err, rows) => (err ? rej(err) : res(rows))));
await run('PRAGMA journal_mode = WAL');
await run('PRAGMA synchronous = NORMAL');

const t0 = performance.now();
const insertDoc = raw.prepare(
  'INSERT INTO search_documents (id, doc_type, doc_id, case_id, subject_id, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const insertFts = raw.prepare('INSERT INTO search_fts (rowid, text) VALUES (?, ?)');
const insertGrams = raw.prepare('INSERT INTO search_grams (rowid, grams) VALUES (?, ?)');
const step = (stmt: sqlite3.Statement, ...params: unknown[]) =>
  new Promise<void>((res, rej) => stmt.run(params, (err) => (err ? rej(err) : res())));
const BATCH = 5_000;
let id = 0;
for (let start = 0; start < CASES; start += BATCH) {
  await run('BEGIN');
  const pending: Promise<void>[] = [];
  for (let i = start; i < Math.min(CASES, start + BATCH); i++) {
    const subject = `S${i % 200_000}`;
    for (const [type, docId, text] of [
      ['case', i + 1, summary(i)],
      ['report', i + 1, `${summary(i + CASES)}\nEXT-${i + 1}`],
    ] as const) {
      id += 1;
      const norm = normalizeForSearch(text);
      pending.push(step(insertDoc, id, type, String(docId), i + 1, subject, text.slice(0, 120), text));
      pending.push(step(insertFts, id, norm));
      pending.push(step(insertGrams, id, gramsOf(norm).map(sqliteGramToken).join(' ')));
    }
  }
  await Promise.all(pending);
  await run('COMMIT');
}
const built = (performance.now() - t0) / 1000;
const size = () => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
console.log(
  `data     ${CASES.toLocaleString()} cases, ${id.toLocaleString()} documents indexed in ${built.toFixed(0)} s; file ${(size() / 2 ** 20).toFixed(0)} MiB`,
);
const sizes = (await all(
  `SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' GROUP BY name ORDER BY bytes DESC LIMIT 6`,
).catch(() => [])) as { name: string; bytes: number }[];
if (sizes.length)
  console.log(`         ${sizes.map((s) => `${s.name} ${(s.bytes / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);

const ftsString = (text: string) => `"${text.replaceAll('"', '""')}"`;
const QUERIES = [
  { q: '团伙', raw: ['grams', ftsString(sqliteGramToken('团伙'))] },
  { q: '刷单', raw: ['grams', ftsString(sqliteGramToken('刷单'))] },
  { q: '鹦鹉', raw: ['grams', ftsString(sqliteGramToken('鹦鹉'))] },
  { q: '刷单团伙', raw: ['fts', ftsString('刷单团伙')] },
  { q: 'fake reviews', raw: ['fts', `${ftsString('fake')} AND ${ftsString('reviews')}`] },
  { q: 'EXT-4242', raw: ['fts', ftsString('ext-4242')] },
] as const;

console.log(`search.query (the use case: terms, FTS, rows, snippets; 20 hits), ${RUNS} runs after one warm-up`);
for (const {
  q,
  raw: [table, match],
} of QUERIES) {
  const hits = (await searchDocuments({ db: handle.db }, { q })).items.length;
  const desk = await time(() => searchDocuments({ db: handle.db }, { q }));
  const bare = await time(() =>
    all(`SELECT rowid FROM search_${table} WHERE search_${table} MATCH ? ORDER BY rowid DESC LIMIT 20`, match),
  );
  const [{ n } = { n: 0 }] = (await all(
    `SELECT COUNT(*) AS n FROM search_${table} WHERE search_${table} MATCH ?`,
    match,
  )) as { n: number }[];
  console.log(
    `  ${q.padEnd(14)} ${String(n).padStart(8)} matches, ${hits} shown   p50 ${ms(pct(desk, 50))}  p95 ${ms(pct(desk, 95))}   raw FTS p50 ${ms(pct(bare, 50))}  p95 ${ms(pct(bare, 95))}   ratio ${(pct(desk, 50) / Math.max(pct(bare, 50), 0.001)).toFixed(1)}×`,
  );
}

// What a trigram index alone leaves for a two-character term: reading every row's text.
const scan = await time(
  () => all(`SELECT id FROM search_documents WHERE body LIKE '%团伙%' ORDER BY id DESC LIMIT 20`),
  5,
);
const scanAll = await time(() => all(`SELECT COUNT(*) FROM search_documents WHERE body LIKE '%鹦鹉%'`), 3);
console.log(
  `  without the gram table (LIKE over every row): 团伙, newest 20 p50 ${ms(pct(scan, 50))}; 鹦鹉 (rare: reads all) p50 ${ms(pct(scanAll, 50))}`,
);

await new Promise<void>((res) => raw.close(() => res()));
await handle.close();
rmSync(dir, { recursive: true, force: true });
await postgresBench();

/** The same documents and queries on PostgreSQL (pg_trgm and the gram array), if asked for. */
async function postgresBench() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url?.startsWith('postgres')) return;
  const cases = Number(process.env.PG_CASES ?? Math.min(CASES, 200_000));
  process.env.TEST_DATABASE_URL = url;
  const database = await createTestDatabase('postgres');
  const pgHandle = openDatabase(database.url);
  try {
    await migrateToLatest(pgHandle.db);
    seed = 42;
    const started = performance.now();
    for (let start = 0; start < cases; start += 1_000) {
      const docs: SearchDocument[] = [];
      for (let i = start; i < Math.min(cases, start + 1_000); i++) {
        const common = { caseId: i + 1, subjectId: `S${i % 200_000}` };
        const text = summary(i);
        docs.push({ type: 'case', id: i + 1, ...common, title: text, body: text });
        const report = `${summary(i + CASES)}\nEXT-${i + 1}`;
        docs.push({ type: 'report', id: i + 1, ...common, title: report, body: report });
      }
      await indexDocuments(pgHandle.db, docs);
    }
    await sql`VACUUM ANALYZE search_documents`.execute(pgHandle.db);
    console.log(
      `\nPostgreSQL: ${cases.toLocaleString()} cases, ${(2 * cases).toLocaleString()} documents indexed through indexDocuments in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    for (const { q } of QUERIES) {
      const { long, short } = splitTerms(normalizeForSearch(q).split(' '));
      const conditions = [
        ...long.map((t) => sql`norm LIKE ${likePattern(t)}`),
        ...(short.length ? [sql`grams @> ${sql.val(short)}::text[]`] : []),
      ];
      const where = sql.join(conditions, sql` AND `);
      const desk = await time(() => searchDocuments({ db: pgHandle.db }, { q }));
      const bare = await time(() =>
        sql`SELECT id FROM search_documents WHERE ${where} ORDER BY id DESC LIMIT 20`.execute(pgHandle.db),
      );
      const n = (
        await sql<{ n: number }>`SELECT COUNT(*) AS n FROM search_documents WHERE ${where}`.execute(pgHandle.db)
      ).rows[0]?.n;
      console.log(
        `  ${q.padEnd(14)} ${String(n).padStart(8)} matches   p50 ${ms(pct(desk, 50))}  p95 ${ms(pct(desk, 95))}   raw SQL p50 ${ms(pct(bare, 50))}  p95 ${ms(pct(bare, 95))}`,
      );
    }
  } finally {
    await pgHandle.close();
    await database.drop();
  }
}
