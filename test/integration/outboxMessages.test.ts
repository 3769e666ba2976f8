import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { fakeClock } from '../../server/clock';
import { openDatabase } from '../../server/db/connect';
import { ChangeBus } from '../../server/events/changeBus';
import { announceEnforcement } from '../../server/outbox/announceEnforcement';
import { builtInRulebooks } from '../../server/rulebooks';
import { endDueMeasures } from '../../server/services/enforcementExpiry.service';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { applyFinding, messagesOf, summary } from '../support/outboxFlow';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const DAY = 86_400_000;

describe.each(BACKENDS)('enforcement outbox messages on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-03-02T10:00:00+08:00');
  let intake: ReturnType<typeof createApiClient>;
  let portal: ReturnType<typeof createApiClient>;
  let reviewer: ReturnType<typeof createApiClient>;
  let officer: ReturnType<typeof createApiClient>;
  const flow = () => ({ intake, reviewer });

  beforeAll(async () => {
    // The worker and scheduler stay off: these tests drive the scheduler themselves.
    // Sessions outlive the weeks the fake clock is moved on by.
    server = await startTestServer(backend, {
      clock,
      env: { DESK_OUTBOX: '0', DESK_SESSION_HOURS: '10000', DESK_SESSION_IDLE_MINUTES: '600000' },
    });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'officer', role: 'appeals_officer' },
      { username: 'aud', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
    reviewer = await signIn(server.url, 'rev', TEST_PASSWORD);
    officer = await signIn(server.url, 'officer', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  it('announces every measure a finding starts, and its notice, in the decision transaction', async () => {
    const { caseId, decisionId } = await applyFinding(flow(), 'M-O1', { transactions: 120, items: ['item-O1'] });
    const messages = await messagesOf(server.db, 'M-O1');
    const v = `V${decisionId}`;
    expect(summary(messages)).toEqual([
      'measure.started search-demotion@item:item-O1',
      `measure.started listing-restricted@punishment:node:general:12:${v}`,
      `measure.started public-warning@punishment:node:general:12:${v}`,
      `measure.started shop-shielded@punishment:node:general:12:${v}`,
      'notice.issued',
    ]);
    expect(messages[0]).toMatchObject({
      subject: { id: 'M-O1' },
      caseId,
      measure: 'search-demotion',
      scope: { type: 'item', id: 'item-O1' },
      from: '2026-03-02',
      until: '2026-03-31',
      endsAt: '2026-03-31T16:00:00.000Z',
      rule: 'fake-transaction',
      ruleVersion: expect.any(String),
      finding: v,
      cause: { kind: 'decision', decisionId, caseId },
      previous: null,
    });
    expect(messages[3]).toMatchObject({
      from: '2026-03-02T10:00:00+08:00',
      until: '2026-03-09T10:00:00+08:00',
      occurredAt: clock.now().toISOString(),
    });
    expect(messages[4]).toMatchObject({ decisionId, decision: 'apply', points: 12, ledger: 'general' });
    expect(messages[4]?.text).toMatchObject({ zh: expect.stringContaining('虚假交易') });
    // Keys are unique, stable and opaque; sequences increase.
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    expect(messages.map((m) => m.id)).toEqual(
      messages.map((m) => expect.stringMatching(new RegExp(`^${m.type}:[0-9a-f]{40}$`))),
    );
  });

  it('ends a punishment a heavier one supersedes before starting the new one, and extends the rolling demotion', async () => {
    const first = await applyFinding(flow(), 'M-O2', { transactions: 120, items: ['item-O2'] });
    clock.advance(DAY);
    const before = (await messagesOf(server.db, 'M-O2')).length;
    const second = await applyFinding(flow(), 'M-O2', { transactions: 120, items: ['item-O2'] });
    const added = (await messagesOf(server.db, 'M-O2')).slice(before);
    const [v1, v2] = [`V${first.decisionId}`, `V${second.decisionId}`];
    expect(summary(added)).toEqual([
      `measure.ended listing-restricted@punishment:node:general:12:${v1}`,
      `measure.ended public-warning@punishment:node:general:12:${v1}`,
      `measure.ended shop-shielded@punishment:node:general:12:${v1}`,
      'measure.started search-demotion@item:item-O2',
      `measure.started listing-restricted@punishment:node:general:24:${v2}`,
      `measure.started public-warning@punishment:node:general:24:${v2}`,
      `measure.started shop-shielded@punishment:node:general:24:${v2}`,
      'notice.issued',
    ]);
    expect(added[0]).toMatchObject({ reason: 'superseded', until: '2026-03-09T10:00:00+08:00', caseId: first.caseId });
    expect(added[3]).toMatchObject({
      from: '2026-03-02',
      until: '2026-04-01',
      previous: { from: '2026-03-02', until: '2026-03-31' },
    });
  });

  it('writes nothing when the decision rolls back', async () => {
    const a = await intake.trpc.reports.submit.mutate(reportInput({ subject: { id: 'M-RB1', kind: 'merchant' } }));
    const b = await intake.trpc.reports.submit.mutate(reportInput({ subject: { id: 'M-RB2', kind: 'merchant' } }));
    const ca = await reviewer.trpc.cases.get.query({ id: a.caseId });
    const cb = await reviewer.trpc.cases.get.query({ id: b.caseId });
    // The first case takes effect inside the transaction (its measures, notice and messages are
    // written); the second's stale version then rolls all of it back.
    const err = await errorOf(
      reviewer.trpc.cases.bulkDecide.mutate({
        cases: [
          { id: ca.id, version: ca.version },
          { id: cb.id, version: cb.version + 1 },
        ],
        decision: 'apply',
        facts: { transactions: 120, items: ['item-RB'] },
        reason: '批量处理',
      }),
    );
    expect(err.data?.code).toBe('CONFLICT');
    expect(await messagesOf(server.db, 'M-RB1')).toEqual([]);
    expect(
      await server.db.selectFrom('enforcement_state').selectAll().where('subject_id', '=', 'M-RB1').execute(),
    ).toEqual([]);
    // The same bulk decision without the stale case does write them.
    await reviewer.trpc.cases.bulkDecide.mutate({
      cases: [{ id: ca.id, version: ca.version }],
      decision: 'apply',
      facts: { transactions: 120, items: ['item-RB'] },
      reason: '批量处理',
    });
    expect((await messagesOf(server.db, 'M-RB1')).length).toBe(5);
  });

  it('announces a change once: diffing again, or writing the same key again, adds nothing', async () => {
    const { caseId, decisionId } = await applyFinding(flow(), 'M-O3');
    const count = (await messagesOf(server.db, 'M-O3')).length;
    const again = await server.db.transaction().execute((trx) =>
      announceEnforcement(trx, {
        subjectId: 'M-O3',
        rulebook: builtInRulebooks.default,
        now: clock.now(),
        cause: { kind: 'decision', decisionId, caseId },
      }),
    );
    expect(again).toEqual({ started: 0, ended: 0, lifted: 0 });
    // Forget what was announced: the same diff computes the same keys, and the unique key keeps them single.
    await server.db.deleteFrom('enforcement_state').where('subject_id', '=', 'M-O3').execute();
    const redo = await server.db.transaction().execute((trx) =>
      announceEnforcement(trx, {
        subjectId: 'M-O3',
        rulebook: builtInRulebooks.default,
        now: clock.now(),
        cause: { kind: 'decision', decisionId, caseId },
      }),
    );
    expect(redo.started).toBe(4);
    expect((await messagesOf(server.db, 'M-O3')).length).toBe(count);
  });

  it('lifts every measure the reversed violation set off when its appeal is upheld', async () => {
    const { caseId } = await applyFinding(flow(), 'M-L1', { transactions: 120, items: ['item-L1'] });
    clock.advance(60_000);
    const before = (await messagesOf(server.db, 'M-L1')).length;
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '交易真实，申请撤销' });
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '证据不足，撤销处罚' });
    const added = (await messagesOf(server.db, 'M-L1')).slice(before);
    expect(summary(added)).toEqual([
      'measure.lifted search-demotion@item:item-L1',
      expect.stringMatching(/^measure\.lifted listing-restricted@punishment:node:general:12:V\d+$/),
      expect.stringMatching(/^measure\.lifted public-warning@punishment:/),
      expect.stringMatching(/^measure\.lifted shop-shielded@punishment:/),
      'appeal.decided',
    ]);
    expect(added[0]).toMatchObject({
      reason: 'reversed',
      caseId,
      cause: { kind: 'appeal', appealId, caseId, approved: true },
      from: expect.stringMatching(/^2026-03-\d\d$/),
      until: expect.stringMatching(/^2026-04-\d\d$/),
    });
    expect(added[4]).toMatchObject({
      appealId,
      outcome: 'approved',
      reversedViolation: expect.stringMatching(/^V\d+$/),
    });
    expect(
      await server.db.selectFrom('enforcement_state').selectAll().where('subject_id', '=', 'M-L1').execute(),
    ).toEqual([]);
  });

  it('on relief, lifts what the reversed finding set off and announces what the lighter one keeps', async () => {
    const { caseId } = await applyFinding(flow(), 'M-L2', { transactions: 120, items: ['item-L2'] });
    const before = (await messagesOf(server.db, 'M-L2')).length;
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '交易笔数有误' });
    await officer.trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'approve',
      reason: '按核实后的笔数改判',
      reliefFacts: { transactions: 20, items: ['item-L2'] },
    });
    const added = (await messagesOf(server.db, 'M-L2')).slice(before);
    const relief = added.find((m) => m.type === 'measure.started');
    // The node punishment goes; the item stays demoted over the same span, now on the relief finding.
    expect(summary(added).filter((s) => s.startsWith('measure.lifted'))).toHaveLength(3);
    expect(relief).toMatchObject({
      scope: { type: 'item', id: 'item-L2' },
      finding: expect.stringMatching(/^V\d+-R\d+$/),
      previous: { from: relief?.from, until: relief?.until },
      cause: { kind: 'appeal', appealId },
    });
    expect(added.at(-1)).toMatchObject({ type: 'appeal.decided', reliefViolation: relief?.finding });
  });

  it('ends punishments and demotions at their until, once, even with two schedulers at the same time', async () => {
    const second = openDatabase(server.databaseUrl);
    try {
      const { decisionId } = await applyFinding(flow(), 'M-E1', { transactions: 120, items: ['item-E1'] });
      const decidedAt = clock.now().getTime();
      const run = () =>
        Promise.all([
          endDueMeasures({
            db: server.db,
            clock,
            rulebooks: builtInRulebooks,
            bus: new ChangeBus(),
            audit: SYSTEM_ACTOR,
          }),
          endDueMeasures({
            db: second.db,
            clock,
            rulebooks: builtInRulebooks,
            bus: new ChangeBus(),
            audit: SYSTEM_ACTOR,
          }),
        ]);
      const ended = () => messagesOf(server.db, 'M-E1').then((ms) => ms.filter((m) => m.type === 'measure.ended'));

      const endedInAll = async () =>
        Number(
          (
            await server.db
              .selectFrom('outbox_messages')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('type', '=', 'measure.ended')
              .executeTakeFirstOrThrow()
          ).n,
        );

      // A second before the end: nothing of this subject's (earlier tests' subjects may end now).
      clock.set(new Date(decidedAt + 7 * DAY - 1000));
      await run();
      expect(await ended()).toEqual([]);
      const before = await endedInAll();
      clock.set(new Date(decidedAt + 7 * DAY));
      const counts = await run();
      // Both schedulers together ended each due measure once, and wrote one message for each.
      expect(await endedInAll()).toBe(before + counts[0] + counts[1]);
      expect(summary(await ended())).toEqual([
        `measure.ended listing-restricted@punishment:node:general:12:V${decisionId}`,
        `measure.ended public-warning@punishment:node:general:12:V${decisionId}`,
        `measure.ended shop-shielded@punishment:node:general:12:V${decisionId}`,
      ]);
      expect((await ended())[0]).toMatchObject({
        reason: 'expired',
        cause: { kind: 'expiry' },
        occurredAt: clock.now().toISOString(),
      });
      expect(await run()).toEqual([0, 0]);

      // The item is demoted through the 30th platform day, and no longer on the 31st.
      clock.set(`${(await messagesOf(server.db, 'M-E1'))[0]?.endsAt}`);
      await run();
      await run();
      expect(summary(await ended()).slice(3)).toEqual(['measure.ended search-demotion@item:item-E1']);
      const audit = await server.db
        .selectFrom('audit_events')
        .select('data')
        .where('action', '=', 'enforcement.measures_ended')
        .where('target_id', '=', 'M-E1')
        .execute();
      expect(audit).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('serves the same messages to pollers, page by page, behind the enforcement scope', async () => {
    const poller = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'poller', ['enforcement'])}`,
    });
    const all = await server.db.selectFrom('outbox_messages').select(['id', 'idempotency_key']).orderBy('id').execute();
    const seen: { id: string; sequence: number }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await poller.trpc.enforcement.changes.query({ cursor, limit: 7 });
      seen.push(...result.items);
      cursor = result.nextCursor;
      if (!result.hasMore) break;
    }
    expect(seen.map((m) => m.sequence)).toEqual(all.map((r) => r.id));
    expect(seen.map((m) => m.id)).toEqual(all.map((r) => r.idempotency_key));
    // Caught up: an empty page keeps the cursor; a new change shows up behind it.
    const idle = await poller.trpc.enforcement.changes.query({ cursor });
    expect(idle).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    await applyFinding(flow(), 'M-P1');
    const next = await poller.trpc.enforcement.changes.query({ cursor });
    expect(next.items.map((m) => m.subject.id)).toEqual(['M-P1', 'M-P1', 'M-P1', 'M-P1', 'M-P1']);

    expect((await errorOf(intake.trpc.enforcement.changes.query({}))).data?.code).toBe('FORBIDDEN');
    expect((await errorOf(reviewer.trpc.enforcement.changes.query({}))).data?.code).toBe('FORBIDDEN');
    expect((await errorOf(poller.trpc.enforcement.changes.query({ cursor: 'not-ours' }))).data).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
    const auditor = await signIn(server.url, 'aud', TEST_PASSWORD);
    expect((await auditor.trpc.enforcement.changes.query({ limit: 1 })).items).toHaveLength(1);
    // Staff without the permission, or a token without the scope, cannot register webhooks either.
    expect((await errorOf(auditor.trpc.outbox.endpoints.list.query())).data?.code).toBe('FORBIDDEN');
    expect((await errorOf(poller.trpc.outbox.deliveries.list.query({}))).data?.code).toBe('FORBIDDEN');
  });
});
