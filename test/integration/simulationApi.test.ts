/**
 * Impact simulation and shadow mode over real HTTP (SQLite, and PostgreSQL with
 * TEST_DATABASE_URL): an admin runs a draft through the server's own worker, reads the counts,
 * pages the subjects and downloads the CSV; shadow mode records a divergence on a new decision
 * the draft would judge differently and none on one it would not, without changing the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulebookDraftsRepo } from '../../server/db/repositories/rulebooks.repo';
import { defaultRulebook, type LedgerPolicy, type Rulebook } from '../../shared/rulebook';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { longerSeriousNode, SIMULATION_AS_OF } from '../support/simulationHistories';
import { seedSimulationSubjects } from '../support/simulationSeed';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

/** Taobao's rulebook with the general ledger's every-12-points node lasting 10 days, not 7. */
function longerGeneralNode(): Rulebook {
  const general = defaultRulebook.ledgers.general as LedgerPolicy;
  if (general.nodes.kind !== 'every') throw new Error('general nodes are every 12 points');
  return {
    ...defaultRulebook,
    ledgers: { ...defaultRulebook.ledgers, general: { ...general, nodes: { ...general.nodes, days: 10 } } },
  };
}

describe.each(BACKENDS)('simulation and shadow mode over HTTP on %s', (backend) => {
  let server: TestServer;
  let admin: Client;
  let reviewer: Client;
  let intake: ReturnType<typeof createApiClient>;
  let adminId: number;
  const newDraft = async (rulebook: Rulebook) =>
    (
      await rulebookDraftsRepo.insert(server.db, {
        platform: 'taobao',
        basedOnVersion: 1,
        rulebook,
        createdBy: adminId,
        at: new Date().toISOString(),
      })
    ).id;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'admin1', role: 'admin' },
      { username: 'rev1', role: 'reviewer' },
    ]);
    adminId = staff.get('admin1') as number;
    await createQueue(server.db, 'general', { routeRules: [], members: [staff.get('rev1') as number] });
    admin = await signIn(server.url, 'admin1', TEST_PASSWORD);
    reviewer = await signIn(server.url, 'rev1', TEST_PASSWORD);
    const token = await createIntegrationToken(server.db, 'intake', ['intake']);
    intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    await seedSimulationSubjects(server.db, { subjects: 120, maxViolations: 10, seed: 7, decidedBy: adminId });
  }, 120_000);
  afterAll(() => server.stop());

  it('runs a draft in the background and shows the counts, the subjects and the CSV', async () => {
    const draftId = await newDraft(longerSeriousNode());
    const { jobId } = await admin.trpc.rulebook.drafts.simulate.mutate({ id: draftId, asOf: SIMULATION_AS_OF });
    let view = await admin.trpc.rulebook.simulation.query({ jobId });
    // The server's worker picks it up within its poll; wait for it to end (no timing asserted).
    for (let i = 0; i < 600 && (view.status === 'queued' || view.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await admin.trpc.rulebook.simulation.query({ jobId });
    }
    expect(view).toMatchObject({ status: 'done', progress: 1, draftId, platform: 'taobao' });
    expect(view.processed).toBe(120);
    expect(view.changed.subjects).toBeGreaterThan(0);
    expect(view.changed.punishments).toBe(view.changed.subjects);
    expect(view.changed.seals).toBe(0);

    const page = await admin.trpc.rulebook['simulation.subjects'].query({ jobId, limit: 200 });
    expect(page.items).toHaveLength(view.changed.subjects);
    expect(page.nextCursor).toBeNull();

    const csv = await fetch(`${server.url}/api/rulebook/simulations/${jobId}.csv`, {
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-verdict-csrf': '1' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('subject_id,points_changed,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(page.items.map((i) => i.subjectId));

    // Staff who do not manage the rulebook see none of it.
    const denied = await errorOf(reviewer.trpc.rulebook.simulation.query({ jobId }));
    expect(denied.data?.code).toBe('FORBIDDEN');
    const deniedCsv = await fetch(`${server.url}/api/rulebook/simulations/${jobId}.csv`, {
      headers: { cookie: [...reviewer.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-verdict-csrf': '1' },
    });
    expect(deniedCsv.status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/rulebook/simulations/${jobId}.csv`, {
      headers: { 'x-verdict-csrf': '1' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses bad input with a reason, never a 500', async () => {
    const draftId = await newDraft(longerSeriousNode());
    const badDate = await errorOf(admin.trpc.rulebook.drafts.simulate.mutate({ id: draftId, asOf: 'yesterday' }));
    expect(badDate.data).toMatchObject({ code: 'BAD_REQUEST', field: 'asOf' });
    const noDraft = await errorOf(admin.trpc.rulebook.drafts.simulate.mutate({ id: 987_654, asOf: SIMULATION_AS_OF }));
    expect(noDraft.data).toMatchObject({ code: 'NOT_FOUND', reason: 'rulebook_draft_not_found' });
    const hostile = await errorOf(
      admin.trpc.rulebook['simulation.subjects'].query({ jobId: 1, cursor: '\uD800'.repeat(3) }),
    );
    expect(hostile.data?.code).toBe('BAD_REQUEST');
    const tooLong = await errorOf(admin.trpc.rulebook.drafts.shadow.mutate({ id: draftId, days: 10_000 }));
    expect(tooLong.data).toMatchObject({ code: 'BAD_REQUEST', field: 'days' });
    const badId = await fetch(`${server.url}/api/rulebook/simulations/abc.csv`, {
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-verdict-csrf': '1' },
    });
    expect(badId.status).toBe(400);
  });

  it('records a divergence on a new decision the draft judges differently, none on one it does not, and changes no outcome', async () => {
    const draftId = await newDraft(longerGeneralNode());
    const started = await admin.trpc.rulebook.drafts.shadow.mutate({ id: draftId, days: 7 });
    expect(started.runId).toBeGreaterThan(0);
    const again = await errorOf(admin.trpc.rulebook.drafts.shadow.mutate({ id: draftId, days: 7 }));
    expect(again.data).toMatchObject({ code: 'CONFLICT', reason: 'shadow_already_running' });

    const decide = async (subjectId: string, transactions: number) => {
      const { caseId } = await intake.trpc.reports.submit.mutate(
        reportInput({ subject: { id: subjectId, kind: 'merchant', name: '影子测试店铺' }, rule: 'fake-transaction' }),
      );
      await server.db
        .updateTable('cases')
        .set({ rank: 10 ** 12 })
        .where('id', '=', caseId)
        .execute();
      const next = await reviewer.trpc.queue.next.mutate({});
      expect(next?.caseId).toBe(caseId);
      const c = await reviewer.trpc.cases.get.query({ id: caseId });
      await reviewer.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'apply',
        facts: { transactions, items: ['item-1'] },
        reason: '证据确凿',
      });
      return caseId;
    };
    // 120 fake transactions: 12 general points, the 12-point node for 7 days (10 under the draft).
    const reached = await decide('M-SHADOW-1', 120);
    // 40: no points, no node: both rulebooks agree.
    await decide('M-SHADOW-2', 40);

    const { items, active } = await admin.trpc.rulebook.shadow.divergences.query({ draftId });
    expect(active?.runId).toBe(started.runId);
    expect(items).toHaveLength(1);
    const [divergence] = items;
    expect(divergence).toMatchObject({ caseId: reached, subjectId: 'M-SHADOW-1', runId: started.runId });
    expect(divergence?.changed).toEqual({
      points: false,
      nodes: false,
      punishments: true,
      seals: false,
      demotions: false,
    });
    const days = (p: { from: string; until: string | null }) =>
      (Date.parse(p.until as string) - Date.parse(p.from)) / 86_400_000;
    expect(divergence?.live.punishments.map(days)).toEqual([7]);
    expect(divergence?.shadow.punishments.map(days)).toEqual([10]);

    // The real outcome is the live rulebook's: 7 days.
    const standing = await reviewer.trpc.accounts.standing.query({ subjectId: 'M-SHADOW-1' });
    expect((standing as { punishments: { from: string; until: string | null }[] }).punishments.map(days)).toEqual([7]);

    expect(await admin.trpc.rulebook.drafts.shadowStop.mutate({ id: draftId })).toEqual({
      runId: started.runId,
      divergences: 1,
    });
    await decide('M-SHADOW-3', 120);
    const after = await admin.trpc.rulebook.shadow.divergences.query({ draftId });
    expect(after.items).toHaveLength(1);
    expect(after.active).toBeNull();
    const stopAgain = await errorOf(admin.trpc.rulebook.drafts.shadowStop.mutate({ id: draftId }));
    expect(stopAgain.data).toMatchObject({ code: 'CONFLICT', reason: 'shadow_not_running' });

    const actions = await server.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'shadow_run')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['shadow.started', 'shadow.stopped']);
  });
});
