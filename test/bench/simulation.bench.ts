/**
 * Impact simulation at scale (issue 23): 100,000 subjects with 1,000,000 findings on record
 * (SQLite, a temp file), a draft whose serious 12-point node lasts 10 days instead of 7, run end
 * to end through the job runner (chunks of 1,000: read, judge twice, write the changed
 * subjects). Printed next to the engine's own speed on the same histories (judged twice, in
 * memory, no database) and a raw loop that only touches every finding, measured in the same run.
 * Goal: under 60 s. Run: npx tsx test/bench/simulation.bench.ts   (SUBJECTS=20000 for a quicker pass)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { systemClock } from '../../server/clock';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { rulebookDraftsRepo } from '../../server/db/repositories/rulebooks.repo';
import { simulationRepo } from '../../server/db/repositories/simulation.repo';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { getSimulation, startSimulation } from '../../server/services/simulation.service';
import { runSimulationChunk } from '../../server/services/simulationRun.service';
import { defaultRulebook, type History, standing } from '../../shared/rulebook';
import { longerSeriousNode, SIMULATION_AS_OF } from '../support/simulationHistories';

const SUBJECTS = Number(process.env.SUBJECTS ?? 100_000);
const PER_SUBJECT = 10;
const FINDINGS = SUBJECTS * PER_SUBJECT;
const dir = mkdtempSync(join(tmpdir(), 'verdict-simulation-'));
const handle = openDatabase(`sqlite:${join(dir, 'simulation.sqlite')}`);
const db = handle.db;
await migrateToLatest(db);
const at = '2026-11-30T00:00:00.000Z';
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

// The finding kinds of the tests' histories (test/support/simulationHistories.ts).
const TEMPLATES: [string, string][] = [
  ['fake-transaction', '{"transactions":40,"items":["item-1"]}'],
  ['fake-transaction', '{"transactions":120,"items":["item-2"]}'],
  ['counterfeit', '{"kind":"listing","items":3}'],
  ['counterfeit', '{"kind":"facilitation"}'],
  ['unauthorized-product', '{"admission":"product"}'],
  ['unauthorized-product', '{"admission":"product","serious":true}'],
  ['unauthorized-product', '{"admission":"seller","serious":true}'],
  ['false-appeal-evidence', '{}'],
  ['member-rights-abuse', '{"points":2,"measures":["warning"]}'],
  ['member-rights-abuse', '{"points":1,"measures":["identity-verification"]}'],
];

let t0 = performance.now();
await sql`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('bench', 'bench', 'admin', 'x', ${at})`.execute(
  db,
);
await sql`CREATE TEMP TABLE templates (k INTEGER PRIMARY KEY, rule TEXT, facts TEXT)`.execute(db);
for (const [k, [rule, facts]] of TEMPLATES.entries())
  await sql`INSERT INTO templates VALUES (${k}, ${rule}, ${facts})`.execute(db);
await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${SUBJECTS - 1})
  INSERT INTO subjects (id, kind, name, created_at) SELECT printf('SIM-%07d', i), 'merchant', '模拟商家 ' || i, ${at} FROM n`.execute(
  db,
);
await sql`INSERT INTO cases (subject_id, rule, status, source, summary, priority, closed_at, created_at, updated_at)
  SELECT id, 'fake-transaction', 'final', 'spot_check', '模拟案件', 0, ${at}, ${at}, ${at} FROM subjects ORDER BY id`.execute(
  db,
);
await sql`INSERT INTO decisions (case_id, kind, rule, facts, reason, status, decided_by, decided_at)
  SELECT id, 'apply', 'fake-transaction', '{}', 'bench', 'effective', 1, ${at} FROM cases ORDER BY id`.execute(db);
// Finding j of subject i: a kind and an hour in 2025–2026 from a multiplicative hash, so
// histories differ and interleave like real ones, the same in every run.
await sql`WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < ${FINDINGS - 1})
  INSERT INTO violations (id, subject_id, case_id, decision_id, rule, at, facts, created_at)
  SELECT 'v' || j, printf('SIM-%07d', j / ${PER_SUBJECT}), j / ${PER_SUBJECT} + 1, j / ${PER_SUBJECT} + 1, t.rule,
    strftime('%Y-%m-%dT%H:%M:%fZ', 1735696800 + ((j * 2654435761) % 16560) * 3600, 'unixepoch'), t.facts,
    strftime('%Y-%m-%dT%H:%M:%fZ', 1735696800 + ((j * 2654435761) % 16560) * 3600, 'unixepoch')
  FROM n JOIN templates t ON t.k = ((j * 40503) / 7) % 10`.execute(db);
console.log(
  `data     ${SUBJECTS.toLocaleString()} subjects, ${FINDINGS.toLocaleString()} findings seeded in ${s((performance.now() - t0) / 1000)}`,
);

const draft = longerSeriousNode();
const { id: draftId } = await rulebookDraftsRepo.insert(db, {
  platform: 'taobao',
  basedOnVersion: 1,
  rulebook: draft,
  createdBy: 1,
  at,
});
const ctx = {
  db,
  clock: systemClock,
  rulebooks: builtInRulebooks,
  bus: new ChangeBus(),
  audit: { ...SYSTEM_ACTOR, actor: { type: 'user' as const, id: '1' } },
};

// End to end: the job as the server's worker runs it.
t0 = performance.now();
const { jobId } = await startSimulation(ctx, {
  draft: { id: draftId, platform: 'taobao', rulebook: draft },
  asOf: SIMULATION_AS_OF,
});
// As the server's worker runs it: chunk after chunk, each next read started beside the judging.
let chunk = await runSimulationChunk(ctx, 'bench');
while (chunk.step === 'advanced') chunk = await runSimulationChunk(ctx, 'bench', undefined, chunk.next);
const endToEnd = (performance.now() - t0) / 1000;
const job = await getSimulation(ctx, jobId);
console.log(
  `simulation  ${job.status}: ${job.processed.toLocaleString()} subjects, ${job.changed.subjects.toLocaleString()} changed ` +
    `(${JSON.stringify(job.changed)}) in ${s(endToEnd)} (goal: under 60 s)`,
);

// The engine alone on the same histories: read them once (not timed), judge each subject twice.
const histories: History[] = [];
let cursor: string | null = null;
for (;;) {
  const ids = await simulationRepo.subjectPage(db, 'taobao', cursor, 5000);
  if (ids.length === 0) break;
  const page = await simulationRepo.historiesOf(db, ids);
  for (const id of ids) histories.push(page.get(id) ?? { violations: [] });
  cursor = ids.at(-1) ?? null;
}
t0 = performance.now();
let sink = 0;
for (const history of histories) {
  sink += standing(history, SIMULATION_AS_OF, defaultRulebook).findings.length;
  sink += standing(history, SIMULATION_AS_OF, draft).findings.length;
}
const engine = (performance.now() - t0) / 1000;
// The raw baseline: one pass over every finding, summing a number per rule.
const FIXED: Record<string, number> = { 'fake-transaction': 12, counterfeit: 2, 'unauthorized-product': 6 };
t0 = performance.now();
let raw = 0;
for (let pass = 0; pass < 2; pass++)
  for (const history of histories) for (const v of history.violations) raw += FIXED[v.rule] ?? 0;
const rawSeconds = (performance.now() - t0) / 1000;
if (sink === 0 || raw === 0) console.log('(unexpected empty histories)');

const rate = (seconds: number) => `${Math.round(FINDINGS / seconds).toLocaleString()} findings/s`;
console.log(`engine      judged twice in memory in ${s(engine)}`);
console.log(`raw loop    every finding touched twice in ${(rawSeconds * 1000).toFixed(1)} ms`);
console.log(
  `throughput  simulation ${rate(endToEnd)}  engine ${rate(engine)}  raw ${rate(rawSeconds)}; ` +
    `simulation / engine time: ${(endToEnd / engine).toFixed(2)}x, engine / raw: ${Math.round(engine / rawSeconds)}x`,
);
await handle.close();
rmSync(dir, { recursive: true, force: true });
