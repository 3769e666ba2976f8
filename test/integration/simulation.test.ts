/**
 * Impact simulation on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): a draft
 * whose serious 12-point node lasts 10 days instead of 7, run against 300 seeded subjects in
 * chunks of 50. Counted against a brute-force recomputation by the engine; progress moves from 0
 * to 1; a cancel leaves nothing; two instances never run one job twice; nothing outside the
 * job's own tables changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { rulebookDraftsRepo } from '../../server/db/repositories/rulebooks.repo';
import { simulationRepo } from '../../server/db/repositories/simulation.repo';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import type { ServiceContext } from '../../server/services/serviceContext';
import {
  cancelSimulation,
  getSimulation,
  simulationSubjects,
  startSimulation,
} from '../../server/services/simulation.service';
import {
  runSimulationChunk,
  runSimulationStep,
  type SimulationRunConfig,
} from '../../server/services/simulationRun.service';
import { defaultRulebook, type Rulebook, standing } from '../../shared/rulebook';
import { createStaff } from '../support/factories';
import { longerSeriousNode, SIMULATION_AS_OF } from '../support/simulationHistories';
import { seedSimulationSubjects } from '../support/simulationSeed';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

const SUBJECTS = 300;
const CHUNK: SimulationRunConfig = { chunkSize: 50, leaseMs: 60_000 };

describe.each(BACKENDS)('impact simulation on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  const clock = fakeClock('2026-12-01T02:00:00.000Z');
  let admin: ServiceContext;
  let draftId: number;
  let affected: string[];

  const deps = () => ({ db, clock, rulebooks: builtInRulebooks });
  const newDraft = async (rulebook: Rulebook) =>
    (
      await rulebookDraftsRepo.insert(db, {
        platform: 'taobao',
        basedOnVersion: 1,
        rulebook,
        createdBy: Number(admin.audit.actor.id),
        at: clock.now().toISOString(),
      })
    ).id;
  const draft = (id: number, rulebook: Rulebook) => ({ id, platform: 'taobao' as const, rulebook });

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    const staff = await createStaff(db, [{ username: 'admin1', role: 'admin' }]);
    const adminId = staff.get('admin1') as number;
    admin = {
      db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: { actor: { type: 'user', id: String(adminId) } },
    } as ServiceContext;
    const { histories } = await seedSimulationSubjects(db, {
      subjects: SUBJECTS,
      maxViolations: 10,
      seed: 23,
      decidedBy: adminId,
    });
    draftId = await newDraft(longerSeriousNode());
    // Brute force: every subject judged whole by the engine under both rulebooks.
    const draftRulebook = longerSeriousNode();
    affected = [...histories]
      .filter(([, violations]) => {
        const live = standing({ violations }, SIMULATION_AS_OF, defaultRulebook);
        const after = standing({ violations }, SIMULATION_AS_OF, draftRulebook);
        return JSON.stringify(live.punishments) !== JSON.stringify(after.punishments);
      })
      .map(([id]) => id)
      .sort();
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  /** Every table but the simulation's own and the audit trail, row by row. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of await db.introspection.getTables()) {
      const name = table.name;
      if (name.startsWith('kysely_') || name.startsWith('simulation_') || name === 'audit_events') continue;
      if (name.startsWith('search_') && name !== 'search_documents') continue;
      const rows = await db
        .selectFrom(name as 'users')
        .selectAll()
        .execute();
      out[name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }

  it('counts exactly the subjects the longer node affects, moving progress from 0 to 1, and changes nothing else', async () => {
    expect(affected.length).toBeGreaterThan(5);
    const before = await snapshot();
    const { jobId } = await startSimulation(admin, {
      draft: draft(draftId, longerSeriousNode()),
      asOf: SIMULATION_AS_OF,
    });
    const queued = await getSimulation(admin, jobId);
    expect(queued).toMatchObject({ status: 'queued', progress: 0, processed: 0, draftId, platform: 'taobao' });

    const progress: number[] = [];
    let step: string;
    do {
      step = await runSimulationStep(deps(), 'instance-a', CHUNK);
      progress.push((await getSimulation(admin, jobId)).progress);
    } while (step === 'advanced');
    expect(step).toBe('finished');
    // Six chunks of 50 and a seventh that finds no one: strictly rising, ending at 1.
    expect(progress).toEqual([50 / 300, 100 / 300, 150 / 300, 200 / 300, 250 / 300, 0.99, 1]);

    const done = await getSimulation(admin, jobId);
    expect(done).toMatchObject({ status: 'done', progress: 1, processed: SUBJECTS, total: SUBJECTS, error: null });
    expect(done.changed).toEqual({
      subjects: affected.length,
      points: 0,
      nodes: 0,
      punishments: affected.length,
      seals: 0,
      demotions: 0,
    });

    // The list, paged, is exactly the brute-force set, with the longer node in `after`.
    const listed: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await simulationSubjects(admin, { jobId, limit: 7, ...(cursor ? { cursor } : {}) });
      listed.push(...page.items.map((i) => i.subjectId));
      for (const item of page.items) expect(item.changed.punishments).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(listed).toEqual(affected);

    expect(await snapshot()).toEqual(before);
    const actions = await db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('target_type', '=', 'simulation')
      .where('target_id', '=', String(jobId))
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['simulation.started', 'simulation.finished']);
  });

  it('leaves nothing behind when cancelled halfway, and a late chunk writes nothing', async () => {
    const { jobId } = await startSimulation(admin, {
      draft: draft(draftId, longerSeriousNode()),
      asOf: SIMULATION_AS_OF,
    });
    expect(await runSimulationStep(deps(), 'instance-a', CHUNK)).toBe('advanced');
    expect(await runSimulationStep(deps(), 'instance-a', CHUNK)).toBe('advanced');
    expect(await runSimulationStep(deps(), 'instance-a', CHUNK)).toBe('advanced');
    const halfway = await getSimulation(admin, jobId);
    expect(halfway.progress).toBe(0.5);
    expect(await simulationRepo.countResults(db, jobId)).toBeGreaterThan(0);

    expect(await cancelSimulation(admin, jobId)).toEqual({ status: 'cancelled' });
    expect(await simulationRepo.countResults(db, jobId)).toBe(0);
    expect((await getSimulation(admin, jobId)).status).toBe('cancelled');
    // The worker that held it: its next chunk finds nothing to work on, and a chunk it had
    // already computed is refused whole.
    expect(await runSimulationStep(deps(), 'instance-a', CHUNK)).toBe('idle');
    const late = await db.transaction().execute((trx) =>
      simulationRepo.advance(
        trx,
        jobId,
        'instance-a',
        {
          cursor: 'SIM-999999',
          processed: 200,
          progress: 0.66,
          changed: halfway.changed,
          now: clock.now().toISOString(),
          leaseUntil: clock.now().toISOString(),
          done: false,
        },
        [{ subjectId: 'SIM-000001', before: {} as never, after: {} as never, changed: {} as never }],
      ),
    );
    expect(late).toBe(false);
    expect(await simulationRepo.countResults(db, jobId)).toBe(0);
    expect((await getSimulation(admin, jobId)).status).toBe('cancelled');
    const err = await cancelSimulation(admin, jobId).catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', reason: 'simulation_not_running' });
  });

  it('never lets two instances run one job: one claims it, the other takes over only when the lease runs out', async () => {
    const { jobId } = await startSimulation(admin, {
      draft: draft(draftId, longerSeriousNode()),
      asOf: SIMULATION_AS_OF,
    });
    // Both race for the queued job: exactly one gets it.
    const first = await Promise.all([
      runSimulationStep(deps(), 'instance-a', CHUNK),
      runSimulationStep(deps(), 'instance-b', CHUNK),
    ]);
    expect(first.filter((s) => s === 'advanced')).toHaveLength(1);
    const holder = (await simulationRepo.find(db, jobId))?.leaseOwner as string;
    const other = holder === 'instance-a' ? 'instance-b' : 'instance-a';
    expect((await getSimulation(admin, jobId)).processed).toBe(50);
    // While the lease runs, the other instance finds nothing to do.
    expect(await runSimulationStep(deps(), other, CHUNK)).toBe('idle');
    expect((await getSimulation(admin, jobId)).processed).toBe(50);

    // The holder goes silent past its lease: the other takes over from the cursor.
    clock.advance(CHUNK.leaseMs + 1);
    expect(await runSimulationStep(deps(), other, CHUNK)).toBe('advanced');
    expect((await getSimulation(admin, jobId)).processed).toBe(100);
    expect(await runSimulationStep(deps(), holder, CHUNK)).toBe('idle');
    let step: string;
    do step = await runSimulationStep(deps(), other, CHUNK);
    while (step === 'advanced');
    const done = await getSimulation(admin, jobId);
    expect(done).toMatchObject({ status: 'done', processed: SUBJECTS });
    // No subject counted twice: the same counts as a single run.
    expect(done.changed.subjects).toBe(affected.length);
    expect(await simulationRepo.countResults(db, jobId)).toBe(affected.length);
  });

  it("gives the same result when each chunk reads the next one ahead (the worker's way), and a cancel still leaves nothing", async () => {
    const { jobId } = await startSimulation(admin, {
      draft: draft(draftId, longerSeriousNode()),
      asOf: SIMULATION_AS_OF,
    });
    let chunk = await runSimulationChunk(deps(), 'instance-a', CHUNK);
    while (chunk.step === 'advanced') chunk = await runSimulationChunk(deps(), 'instance-a', CHUNK, chunk.next);
    expect(chunk.step).toBe('finished');
    const done = await getSimulation(admin, jobId);
    expect(done).toMatchObject({ status: 'done', processed: SUBJECTS, progress: 1 });
    expect(done.changed.subjects).toBe(affected.length);
    expect(await simulationRepo.countResults(db, jobId)).toBe(affected.length);

    const second = await startSimulation(admin, { draft: draft(draftId, longerSeriousNode()), asOf: SIMULATION_AS_OF });
    const first = await runSimulationChunk(deps(), 'instance-a', CHUNK);
    expect(first.next).toBeDefined();
    await cancelSimulation(admin, second.jobId);
    expect((await runSimulationChunk(deps(), 'instance-a', CHUNK, first.next)).step).toBe('idle');
    expect(await simulationRepo.countResults(db, second.jobId)).toBe(0);
  });

  it('fails a job, saying why, when the draft cannot judge a history', async () => {
    // Counterfeit rules in force only from 2030: the findings on record predate them.
    const broken = {
      ...defaultRulebook,
      rules: defaultRulebook.rules.map((r) =>
        r.id === 'counterfeit' ? { ...r, versions: r.versions.map((v) => ({ ...v, effectiveFrom: '2030-01-01' })) } : r,
      ),
    };
    const brokenId = await newDraft(broken);
    const { jobId } = await startSimulation(admin, { draft: draft(brokenId, broken), asOf: SIMULATION_AS_OF });
    let step: string;
    do step = await runSimulationStep(deps(), 'instance-a', CHUNK);
    while (step === 'advanced');
    const failed = await getSimulation(admin, jobId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/counterfeit/);
    expect(await simulationRepo.countResults(db, jobId)).toBe(0);
  });

  it('refuses a draft whose rulebook is another platform’s, and an unknown job', async () => {
    const xianyu = { ...defaultRulebook, platform: 'xianyu' as const };
    const err = await startSimulation(admin, { draft: draft(draftId, xianyu), asOf: SIMULATION_AS_OF }).catch((e) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST', reason: 'draft_platform_mismatch' });
    const missing = await getSimulation(admin, 999_999).catch((e) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'simulation_not_found' });
  });
});
