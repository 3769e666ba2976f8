/**
 * Intake reports/s through the service path, and claims/s with 16 concurrent reviewers over
 * HTTP (with the duplicate count), each next to raw SQLite statements doing the same writes
 * in the same run (goal: ≥ 0.25× raw for both). Claims are measured in rounds, each round
 * running the baselines and the desk back to back, and the ratios are the rounds' medians:
 * on a shared machine one run swings by a third. Run: npx tsx test/bench/intakeAndClaims.bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { startServer } from '../../server/server';
import { claimNext } from '../../server/services/assignment.service';
import { submitReport } from '../../server/services/intake.service';
import {
  createQueue,
  createStaff,
  insertTriagedCases,
  reportInput,
  systemContext,
  TEST_PASSWORD,
} from '../support/factories';
import { rawClaims, rawIntake } from './rawBaselines';
import { rawClaimsOnDeskSchema } from './rawDeskClaims';

const REPORTS = 3000;
const CASES = 3000;
const REVIEWERS = 16;
const ROUNDS = 5;
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

const dir = mkdtempSync(join(tmpdir(), 'verdict-bench-'));
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function deskIntake(): Promise<number> {
  const handle = openDatabase(`sqlite:${join(dir, 'desk-intake.sqlite')}`);
  await migrateToLatest(handle.db);
  await createQueue(handle.db, 'general', { routeRules: [] });
  const ctx = { ...systemContext(handle.db), bus: new ChangeBus(), clock: systemClock };
  const inputs = Array.from({ length: REPORTS }, (_, i) =>
    reportInput({ externalId: `d-${i}`, subject: { id: `M-${i % 500}`, kind: 'merchant' } }),
  );
  const start = performance.now();
  for (const input of inputs) await submitReport(ctx, input);
  const ms = performance.now() - start;
  await handle.close();
  return rate(REPORTS, ms);
}

/**
 * The reviewers' HTTP calls against a real server. With `probe: 'me'` they call `auth.me`
 * instead: the cost of a signed-in request that does nothing, the floor under any claim.
 */
async function deskClaims(probe?: 'me'): Promise<{ perSecond: number; duplicates: number; claimed: number }> {
  const url = `sqlite:${join(dir, `desk-claims-${probe ?? 'next'}-${Date.now()}.sqlite`)}`;
  const server = await startServer(loadConfig({ PORT: '0', DATABASE_URL: url, DESK_DEMO: '0' }), {
    logger: pino({ level: 'silent' }),
  });
  const handle = openDatabase(url);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: REVIEWERS }, (_, i) => ({ username: `b${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', CASES);
  // The reviewers run in another process, as they would on their own machines.
  // (Spawned asynchronously: the server in this process must keep serving meanwhile.)
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      TSX,
      [
        join(import.meta.dirname, 'claimClients.ts'),
        server.url,
        TEST_PASSWORD,
        String(CASES / REVIEWERS),
        ...staff.keys(),
      ],
      { env: { ...process.env, CLAIM_PROBE: probe ?? '' } },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`claim clients exited with ${code}`))));
  });
  const { ms, claimed: all } = JSON.parse(stdout) as { ms: number; claimed: number[] };
  await handle.close();
  await server.close();
  return { perSecond: rate(all.length, ms), duplicates: all.length - new Set(all).size, claimed: all.length };
}

/** The same 16 reviewers calling the claim use case in-process: the service path without HTTP. */
async function serviceClaims(): Promise<{ perSecond: number; duplicates: number; claimed: number }> {
  const handle = openDatabase(`sqlite:${join(dir, 'service-claims.sqlite')}`);
  await migrateToLatest(handle.db);
  const staff = await createStaff(
    handle.db,
    Array.from({ length: REVIEWERS }, (_, i) => ({ username: `s${i}`, role: 'reviewer' as const })),
  );
  await createQueue(handle.db, 'q', { members: [...staff.values()] });
  await insertTriagedCases(handle.db, 'q', CASES);
  const bus = new ChangeBus();
  const start = performance.now();
  const claimed = await Promise.all(
    [...staff.values()].map(async (id) => {
      const ctx = {
        db: handle.db,
        clock: systemClock,
        rulebooks: builtInRulebooks,
        bus,
        audit: { actor: { type: 'user' as const, id: String(id) } },
      };
      const mine: number[] = [];
      for (let i = 0; i < CASES / REVIEWERS; i++) {
        const next = await claimNext(ctx, {});
        if (next) mine.push(next.caseId);
      }
      return mine;
    }),
  );
  const ms = performance.now() - start;
  await handle.close();
  const all = claimed.flat();
  return { perSecond: rate(all.length, ms), duplicates: all.length - new Set(all).size, claimed: all.length };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
const ratio = (x: number) => `${x.toFixed(2)}×`;

const rawIntakeRate = await rawIntake(dir, REPORTS);
const deskIntakeRate = await deskIntake();
console.log(
  `intake    desk ${deskIntakeRate} reports/s   raw SQLite ${rawIntakeRate}/s   ratio ${ratio(deskIntakeRate / rawIntakeRate)} (goal ≥ 0.25×)`,
);

const rounds: { minimal: number; deskSchema: number; http: number; duplicates: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const minimal = await rawClaims(dir, CASES, REVIEWERS);
  const deskSchema = await rawClaimsOnDeskSchema(join(dir, `raw-desk-claims-${round}.sqlite`), CASES, REVIEWERS);
  const desk = await deskClaims();
  rounds.push({ minimal, deskSchema, http: desk.perSecond, duplicates: desk.duplicates });
  console.log(
    `claims    round ${round + 1}: desk ${desk.perSecond}/s over HTTP (${desk.claimed} claimed, ${desk.duplicates} duplicates)   raw on the desk's schema ${deskSchema}/s   raw on a minimal schema ${minimal}/s`,
  );
}
const http = median(rounds.map((r) => r.http));
console.log(
  `claims    desk ${http} claims/s over HTTP, ${REVIEWERS} reviewers, ${rounds.reduce((n, r) => n + r.duplicates, 0)} duplicates in all   ` +
    `ratio ${ratio(median(rounds.map((r) => r.http / r.deskSchema)))} raw on the desk's schema (goal ≥ 0.25×), ` +
    `${ratio(median(rounds.map((r) => r.http / r.minimal)))} raw on a minimal schema`,
);
const service = await serviceClaims();
const lastRaw = rounds[rounds.length - 1] as (typeof rounds)[number];
console.log(
  `claims    service path ${service.perSecond} claims/s in-process, ${REVIEWERS} callers (${service.duplicates} duplicates)   ratio ${ratio(service.perSecond / lastRaw.deskSchema)} raw on the desk's schema`,
);
const floor = await deskClaims('me');
console.log(
  `floor     auth.me ${floor.perSecond} requests/s over HTTP, ${REVIEWERS} signed-in clients   ratio ${ratio(floor.perSecond / lastRaw.deskSchema)} raw claims on the desk's schema (no claim can beat this)`,
);
rmSync(dir, { recursive: true, force: true });
