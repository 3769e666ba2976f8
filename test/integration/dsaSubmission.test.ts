import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import type { Db } from '../../server/db/database';
import { dsaSubmissionsRepo } from '../../server/db/repositories/dsaSubmissions.repo';
import { startServer } from '../../server/server';
import { type DsaDeliverySettings, submitDue } from '../../server/services/dsaDelivery.service';
import type { CaseDecidedPayload } from '../../shared/audit/caseDecided';
import { toStatementOfReasons } from '../../shared/dsa/statementOfReasons';
import { dsaPuid } from '../../shared/dsa/submission';
import { createApiClient, signIn } from '../support/apiClient';
import { type DsaStub, startDsaStub } from '../support/dsaDatabaseStub';
import { errorOf } from '../support/errors';
import {
  createIntegrationToken,
  createQueue,
  createStaff,
  insertTriagedCases,
  reportInput,
  TEST_PASSWORD,
} from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { BACKENDS, createTestDatabase } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = ReturnType<typeof createApiClient>;

/** The outbox's retry settings as the job would pass them, small enough for a test. */
const SETTINGS: DsaDeliverySettings = {
  baseDelayMs: 1000,
  maxDelayMs: 4000,
  maxAttempts: 3,
  timeoutMs: 5000,
  leaseMs: 30_000,
};

/** A clock running with the system's, moved ahead on demand (the back-off's waits). */
function aheadClock(): Clock & { ahead: number } {
  const clock = { ahead: 0, now: () => new Date(Date.now() + clock.ahead) };
  return clock;
}

const template: CaseDecidedPayload = {
  caseId: 1,
  subjectId: 'S-1',
  subjectKind: 'merchant',
  subjectPlatform: 'taobao',
  rule: 'fake-transaction',
  ruleVersion: '2024-01',
  decision: 'apply',
  measures: ['search-demotion'],
  source: 'system_detection',
  automatedDetection: true,
  automatedDecision: false,
  decidedAt: new Date().toISOString(),
  reason: '虚假交易 120 笔，依规处理',
};

/**
 * Queues `n` statements at once (one transaction, so a running job sees all or none), each on
 * its own decision, as takeEffect would: returns their rows' ids and puids, oldest first.
 */
async function queueMany(db: Db, reviewerId: number, n: number): Promise<{ id: number; puid: string }[]> {
  const before = Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0,
  );
  await insertTriagedCases(db, 'general', n);
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'subject_id'])
    .where('id', '>', before)
    .orderBy('id')
    .execute();
  const prefix = await dsaSubmissionsRepo.puidPrefix(db);
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const queued: { id: number; puid: string }[] = [];
    for (const c of cases) {
      const decision = await trx
        .insertInto('decisions')
        .values({
          case_id: c.id,
          kind: 'apply',
          rule: 'fake-transaction',
          facts: null,
          violation_at: null,
          reason: '依规处理',
          reason_template: null,
          status: 'effective',
          requires_approval: 0,
          approval_reasons: null,
          preview: null,
          decided_by: reviewerId,
          decided_at: at,
          reviewed_by: null,
          reviewed_at: null,
          review_note: null,
          batch_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const puid = dsaPuid(prefix, decision.id);
      const statement = toStatementOfReasons({ ...template, caseId: c.id, subjectId: c.subject_id });
      if (!statement) throw new Error('the template restricts');
      const id = await dsaSubmissionsRepo.insert(trx, {
        decision_id: decision.id,
        case_id: c.id,
        subject_id: c.subject_id,
        puid,
        statement: { ...statement, puid },
        status: 'pending',
        next_attempt_at: at,
        lease_owner: null,
        lease_until: null,
        last_attempt_at: null,
        last_status_code: null,
        last_error: null,
        submitted_at: null,
        overturned_at: null,
        created_at: at,
        updated_at: at,
      });
      if (id === null) throw new Error('queued twice');
      queued.push({ id, puid });
    }
    return queued;
  });
}

const rowOf = (db: Db, id: number) =>
  db.selectFrom('dsa_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe.each(BACKENDS)('DSA Transparency Database submission on %s', (backend) => {
  let stub: DsaStub;
  let server: TestServer;
  let admin: Client;
  let flow: { intake: Client; reviewer: Client };
  let portal: Client;
  let reviewerId: number;
  const clock = aheadClock();
  /** One call of the job, as instance `owner`. */
  const round = (owner = 'test-instance', token?: string) =>
    submitDue(
      { db: server.db, clock, random: () => 0 },
      { endpoint: stub.url, token: token ?? stub.token },
      SETTINGS,
      owner,
      new AbortController().signal,
    );
  /** Rounds until nothing is due; how many calls were made. */
  const drain = async () => {
    let calls = 0;
    while ((await round()) > 0) calls += 1;
    return calls;
  };
  const auditOf = async (action: string) =>
    (
      await server.db
        .selectFrom('audit_events')
        .select(['data', 'target_type', 'target_id', 'actor_type'])
        .where('action', '=', action)
        .orderBy('seq')
        .execute()
    ).map((e) => ({ ...e, data: JSON.parse(e.data ?? 'null') as Record<string, unknown> }));

  beforeAll(async () => {
    stub = await startDsaStub();
    // The job itself is off (DESK_OUTBOX=0): these tests run its rounds themselves, one at a time.
    server = await startTestServer(backend, {
      env: { DESK_OUTBOX: '0', DESK_DSA_ENDPOINT: stub.url, DESK_DSA_TOKEN: stub.token },
    });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'officer', role: 'appeals_officer' },
      { username: 'admin', role: 'admin' },
    ]);
    reviewerId = staff.get('rev') as number;
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
    flow = { intake, reviewer: await signIn(server.url, 'rev', TEST_PASSWORD) };
    admin = await signIn(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
    await stub?.close();
  });

  it('queues a restricting decision’s statement with the decision and submits it; a dismissal queues none', async () => {
    const { caseId, decisionId } = await applyFinding(flow, 'M-DSA-1');
    const row = await dsaSubmissionsRepo.forDecision(server.db, decisionId);
    const prefix = await dsaSubmissionsRepo.puidPrefix(server.db);
    expect(row).toMatchObject({
      case_id: caseId,
      status: 'pending',
      attempts: 0,
      puid: `${prefix}-decision-${decisionId}`,
    });
    expect(row?.statement).toMatchObject({
      category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      decision_facts: '依规处理',
      puid: row?.puid,
    });
    const queued = await auditOf('dsa.statement_queued');
    expect(queued.at(-1)).toMatchObject({
      target_type: 'case',
      target_id: String(caseId),
      data: { decisionId, puid: row?.puid, submissionId: row?.id },
    });

    const dismissed = await flow.intake.trpc.reports.submit.mutate(
      reportInput({ rule: 'counterfeit', subject: { id: 'M-DSA-2', kind: 'merchant' } }),
    );
    const c = await flow.reviewer.trpc.cases.get.query({ id: dismissed.caseId });
    const result = await flow.reviewer.trpc.cases.decide.mutate({
      id: dismissed.caseId,
      version: c.version,
      decision: 'dismiss',
      reason: '证据不足',
    });
    expect(await dsaSubmissionsRepo.forDecision(server.db, result.decisionId)).toBeUndefined();

    const callsBefore = stub.calls.length;
    expect(await drain()).toBe(1);
    expect(stub.calls.slice(callsBefore)).toEqual([{ count: 1, status: 201, puids: [row?.puid] }]);
    const held = stub.held.get(row?.puid ?? '');
    expect(held).toBeDefined();
    // The desk's routing field stays home.
    expect(held && 'platform_name' in held).toBe(false);
    expect(await rowOf(server.db, row?.id ?? 0)).toMatchObject({
      status: 'submitted',
      attempts: 1,
      last_status_code: 201,
      last_error: null,
      lease_owner: null,
    });
    expect((await auditOf('dsa.batch_submitted')).at(-1)).toMatchObject({
      actor_type: 'system',
      data: { outcome: 'created', httpStatus: 201, submitted: [row?.puid], puids: [row?.puid], endpoint: stub.url },
    });
  });

  it('sends 250 statements in three calls of at most 100', async () => {
    const queued = await queueMany(server.db, reviewerId, 250);
    const callsBefore = stub.calls.length;
    expect(await drain()).toBe(3);
    const calls = stub.calls.slice(callsBefore);
    expect(calls.map((c) => [c.count, c.status])).toEqual([
      [100, 201],
      [100, 201],
      [50, 201],
    ]);
    // Oldest first, each exactly once.
    expect(calls.flatMap((c) => c.puids)).toEqual(queued.map((q) => q.puid));
    const statuses = await server.db
      .selectFrom('dsa_submissions')
      .select('status')
      .where(
        'id',
        'in',
        queued.map((q) => q.id),
      )
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['submitted']));
  });

  it('never lets two instances send the same statement', async () => {
    const queued = await queueMany(server.db, reviewerId, 150);
    const callsBefore = stub.calls.length;
    const sent = await Promise.all([round('instance-a'), round('instance-b')]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(150);
    const calls = stub.calls.slice(callsBefore);
    expect(calls.every((c) => c.status === 201)).toBe(true);
    expect(calls.flatMap((c) => c.puids).sort()).toEqual(queued.map((q) => q.puid).sort());
  });

  it('counts a puid the database already holds as delivered, and sends the rest of the call again', async () => {
    const [first, second, third] = await queueMany(server.db, reviewerId, 3);
    if (!first || !second || !third) throw new Error('queued three');
    // The database took it once already (e.g. the desk stopped before it recorded the answer).
    stub.held.set(second.puid, { puid: second.puid });
    const callsBefore = stub.calls.length;
    expect(await drain()).toBe(2);
    expect(stub.calls.slice(callsBefore).map((c) => [c.status, c.puids])).toEqual([
      [422, [first.puid, second.puid, third.puid]],
      [201, [first.puid, third.puid]],
    ]);
    expect(await rowOf(server.db, second.id)).toMatchObject({ status: 'duplicate', last_status_code: 422 });
    expect((await rowOf(server.db, second.id)).submitted_at).not.toBeNull();
    // Not their fault: their first attempt was given back.
    expect(await rowOf(server.db, first.id)).toMatchObject({ status: 'submitted', attempts: 1 });
    expect(await rowOf(server.db, third.id)).toMatchObject({ status: 'submitted', attempts: 1 });
    const [duplicateCall] = (await auditOf('dsa.batch_submitted')).slice(-2);
    expect(duplicateCall?.data).toMatchObject({
      outcome: 'duplicates',
      httpStatus: 422,
      duplicates: [second.puid],
      retrying: [first.puid, third.puid],
    });
  });

  it('records a statement the database refuses for a field as failed, with its message, and sends the others', async () => {
    const [good, bad] = await queueMany(server.db, reviewerId, 2);
    if (!good || !bad) throw new Error('queued two');
    // A statement stored before the desk clipped its facts to the limit, as an older version might have.
    const row = await dsaSubmissionsRepo.find(server.db, bad.id);
    await server.db
      .updateTable('dsa_submissions')
      .set({ statement: JSON.stringify({ ...row?.statement, decision_facts: '刷'.repeat(5001) }) })
      .where('id', '=', bad.id)
      .execute();
    const callsBefore = stub.calls.length;
    expect(await drain()).toBe(2);
    expect(stub.calls.slice(callsBefore).map((c) => [c.status, c.puids])).toEqual([
      [422, [good.puid, bad.puid]],
      [201, [good.puid]],
    ]);
    expect(await rowOf(server.db, bad.id)).toMatchObject({
      status: 'failed',
      last_status_code: 422,
      last_error: 'decision_facts: The decision facts field must not be greater than 5000 characters.',
    });
    expect(await rowOf(server.db, good.id)).toMatchObject({ status: 'submitted' });
    expect(stub.held.has(bad.puid)).toBe(false);
    expect((await auditOf('dsa.batch_submitted')).slice(-2)[0]?.data).toMatchObject({
      outcome: 'invalid',
      failed: [{ puid: bad.puid, error: expect.stringContaining('decision_facts') }],
      retrying: [good.puid],
    });

    // Fixed, then retried from the page: the same puid goes again, and is taken.
    await server.db
      .updateTable('dsa_submissions')
      .set({ statement: JSON.stringify(row?.statement) })
      .where('id', '=', bad.id)
      .execute();
    expect(await admin.trpc.dsa.retry.mutate({ id: bad.id })).toEqual({ status: 'pending' });
    expect(await rowOf(server.db, bad.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await drain()).toBe(1);
    expect(await rowOf(server.db, bad.id)).toMatchObject({ status: 'submitted', attempts: 1 });
    expect((await auditOf('dsa.submission_retried')).at(-1)).toMatchObject({
      actor_type: 'user',
      target_type: 'dsa_submission',
      target_id: String(bad.id),
      data: { puid: bad.puid, previousStatus: 'failed', attempts: 1 },
    });
  });

  it('retries an unanswered or refused call with the outbox’s back-off, then gives up as failed', async () => {
    const [one] = await queueMany(server.db, reviewerId, 1);
    if (!one) throw new Error('queued one');
    const sentAt = () => rowOf(server.db, one.id);
    stub.failNext(2, 503);
    expect(await round()).toBe(1);
    let row = await sentAt();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 503,
      last_error: 'HTTP 503: Server Error',
    });
    // Base 1 s, equal jitter (random 0 here): half the step, 0.5 s, then 1 s, 2 s…
    const first = Date.parse(row.next_attempt_at) - Date.parse(row.last_attempt_at ?? '');
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThan(1000);
    expect(await round()).toBe(0);
    clock.ahead += 1000;
    expect(await round()).toBe(1);
    row = await sentAt();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_status_code: 503 });
    const second = Date.parse(row.next_attempt_at) - Date.parse(row.last_attempt_at ?? '');
    expect(second).toBeGreaterThanOrEqual(1000);
    expect(second).toBeLessThan(1500);
    clock.ahead += 1500;
    // A rejected token: the third and last attempt.
    expect(await round('test-instance', 'X|wrong')).toBe(1);
    expect(await sentAt()).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_status_code: 401,
      last_error: 'HTTP 401: Unauthenticated.',
    });
    expect(await round()).toBe(0);
    expect((await auditOf('dsa.batch_submitted')).slice(-3).map((e) => [e.data.outcome, e.data.httpStatus])).toEqual([
      ['failed', 503],
      ['failed', 503],
      ['failed', 401],
    ]);
    await admin.trpc.dsa.retry.mutate({ id: one.id });
    expect(await round()).toBe(1);
    expect(await sentAt()).toMatchObject({ status: 'submitted', attempts: 1, last_status_code: 201 });
  });

  it('records an overturned decision on its statement, which stays in the database', async () => {
    const { caseId, decisionId } = await applyFinding(flow, 'M-DSA-3');
    expect(await drain()).toBe(1);
    const submitted = await dsaSubmissionsRepo.forDecision(server.db, decisionId);
    expect(submitted).toMatchObject({ status: 'submitted', overturned: false });
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '申请撤销处罚' });
    const officer = await signIn(server.url, 'officer', TEST_PASSWORD);
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '证据不足，撤销处罚' });
    const after = await dsaSubmissionsRepo.forDecision(server.db, decisionId);
    expect(after).toMatchObject({ status: 'submitted', overturned: true });
    expect(after?.overturned_at).not.toBeNull();
    // Nothing is withdrawn or sent again.
    const callsBefore = stub.calls.length;
    expect(await drain()).toBe(0);
    expect(stub.calls.length).toBe(callsBefore);
    expect(stub.held.has(after?.puid ?? '')).toBe(true);
    expect((await auditOf('dsa.statement_overturned')).at(-1)).toMatchObject({
      target_type: 'dsa_submission',
      target_id: String(after?.id),
      data: { decisionId, appealId, puid: after?.puid, submissionStatus: 'submitted' },
    });
    const page = await admin.trpc.dsa.submissions.query({ status: 'submitted' });
    expect(page.items.find((i) => i.decisionId === decisionId)?.overturnedAt).toBe(after?.overturned_at);
  });

  it('lists submissions for the outbox page by status, newest first, page by page; retry is guarded', async () => {
    const [failedOne] = await queueMany(server.db, reviewerId, 1);
    if (!failedOne) throw new Error('queued one');
    await server.db
      .updateTable('dsa_submissions')
      .set({ status: 'failed', last_error: 'HTTP 401' })
      .where('id', '=', failedOne.id)
      .execute();
    const all = await admin.trpc.dsa.submissions.query({});
    expect(all.enabled).toBe(true);
    const total = Object.values(all.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(
      Number(
        (
          await server.db
            .selectFrom('dsa_submissions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(all.counts.failed).toBeGreaterThanOrEqual(1);
    expect(all.counts.duplicate).toBe(1);

    const failed = await admin.trpc.dsa.submissions.query({ status: 'failed' });
    expect(failed.items.map((i) => i.id)).toContain(failedOne.id);
    expect(failed.items.every((i) => i.status === 'failed')).toBe(true);
    expect(failed.items.find((i) => i.id === failedOne.id)).toMatchObject({
      puid: failedOne.puid,
      lastError: 'HTTP 401',
      nextAttemptAt: null,
      category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    });

    const first = await admin.trpc.dsa.submissions.query({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const next = await admin.trpc.dsa.submissions.query({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(Math.max(...next.items.map((i) => i.id))).toBeLessThan(Math.min(...first.items.map((i) => i.id)));

    const submittedId = (await admin.trpc.dsa.submissions.query({ status: 'submitted', limit: 1 })).items[0]?.id ?? 0;
    expect((await errorOf(admin.trpc.dsa.retry.mutate({ id: submittedId }))).data?.reason).toBe(
      'dsa_already_submitted',
    );
    expect((await errorOf(admin.trpc.dsa.retry.mutate({ id: 999_999 }))).data?.reason).toBe('dsa_submission_not_found');
    expect((await errorOf(admin.trpc.dsa.submissions.query({ cursor: 'x' }))).data?.reason).toBe('invalid_cursor');
    // Prometheus sees the same counts.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const status of ['pending', 'submitted', 'duplicate', 'failed'] as const)
      expect(metrics).toContain(`verdict_dsa_submissions{status="${status}"} ${all.counts[status]}`);
    // Reviewers do not run the outbox.
    expect((await errorOf(flow.reviewer.trpc.dsa.submissions.query({}))).data?.code).toBe('FORBIDDEN');
    expect((await errorOf(flow.reviewer.trpc.dsa.retry.mutate({ id: failedOne.id }))).data?.code).toBe('FORBIDDEN');
  });
});

describe.each(BACKENDS)('DSA puids across restarts on %s', (backend) => {
  it('never reuses a puid when the desk restarts on the same database', async () => {
    const stub = await startDsaStub();
    const database = await createTestDatabase(backend);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DESK_DEMO: '0',
      LOG_LEVEL: 'silent',
      DESK_OUTBOX_POLL_MS: '20',
      DESK_OUTBOX_SCHEDULER_MS: '3600000',
      DESK_DSA_ENDPOINT: stub.url,
      DESK_DSA_TOKEN: stub.token,
    };
    const start = () => startServer(loadConfig(env), { logger: pino({ level: 'silent' }) });
    const inspector = openDatabase(database.url);
    const allSubmitted = async (n: number) => {
      for (let i = 0; i < 400; i++) {
        const rows = await inspector.db.selectFrom('dsa_submissions').select(['status']).execute();
        if (rows.length === n && rows.every((r) => r.status === 'submitted')) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${n} statements were not all submitted`);
    };
    try {
      let desk = await start();
      const staff = await createStaff(inspector.db, [{ username: 'rev', role: 'reviewer' }]);
      await createQueue(inspector.db, 'general', { routeRules: [], members: [...staff.values()] });
      const token = await createIntegrationToken(inspector.db, 'intake', ['intake']);
      const decideTwo = async (tag: string) => {
        const flow = {
          intake: createApiClient(desk.url, { authorization: `Bearer ${token}` }),
          reviewer: await signIn(desk.url, 'rev', TEST_PASSWORD),
        };
        await applyFinding(flow, `M-${tag}-1`);
        await applyFinding(flow, `M-${tag}-2`);
      };
      await decideTwo('BEFORE');
      await allSubmitted(2);
      const prefix = await dsaSubmissionsRepo.puidPrefix(inspector.db);
      await desk.close();

      desk = await start();
      await decideTwo('AFTER');
      await allSubmitted(4);
      await desk.close();

      const puids = (await inspector.db.selectFrom('dsa_submissions').select('puid').orderBy('id').execute()).map(
        (r) => r.puid,
      );
      expect(new Set(puids).size).toBe(4);
      expect(await dsaSubmissionsRepo.puidPrefix(inspector.db)).toBe(prefix);
      expect(puids.every((p) => p.startsWith(`${prefix}-decision-`))).toBe(true);
      // The database never had to refuse one as a duplicate.
      expect(stub.calls.map((c) => c.status).every((s) => s === 201)).toBe(true);
      expect([...stub.held.keys()].sort()).toEqual([...puids].sort());
    } finally {
      await inspector.close();
      await database.drop();
      await stub.close();
    }
  });
});
