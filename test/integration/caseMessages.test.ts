import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { fakeClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { closeExpiredAppeals } from '../../server/services/appealExpiry.service';
import { WEBHOOK_PAYLOADS } from '../../shared/api/webhookPayloads';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOTE_TEXT = '内部备注：疑似与 M-2002 同一团伙 INTERNAL-NOTE-5521';

describe.each(BACKENDS)('case messages and the appeal clock on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-03-02T10:00:00+08:00');
  let intake: ReturnType<typeof createApiClient>;
  let portal: ReturnType<typeof createApiClient>;
  let seq = 0;
  const as = (u: string) => signIn(server.url, u, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'officer', role: 'appeals_officer' },
      { username: 'watcher', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
  });
  afterAll(() => server.stop());

  /** A decided case (fake transactions, 3-day window) with an appeal under review. */
  async function appealed() {
    const subjectId = `M-MSG-${++seq}`;
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: { id: subjectId, kind: 'merchant', name: '测试店铺' } }),
    );
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 13 + caseId })
      .where('id', '=', caseId)
      .execute();
    const rev = await as('rev');
    expect((await rev.trpc.queue.next.mutate({}))?.caseId).toBe(caseId);
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const decided = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { transactions: 120 },
      reason: '依规处理',
    });
    if (decided.requiresApproval)
      await (await as('senior')).trpc.approvals.approve.mutate({ decisionId: decided.decisionId });
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '交易均为真实交易' });
    return { caseId, subjectId, appealId };
  }

  const sentMessages = async (caseId: number) =>
    (
      await server.db
        .selectFrom('outbox_messages')
        .select(['id', 'payload'])
        .where('type', '=', 'message.sent')
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute()
    ).map((m): Record<string, any> => ({ sequence: m.id, ...JSON.parse(m.payload) }));

  it('runs a thread both ways: a request for evidence stops the appeal clock, the reply with attachments restarts it', async () => {
    const { caseId, appealId } = await appealed();
    clock.advance(2 * HOUR);
    await (await as('officer')).trpc.notes.add.mutate({ target: { type: 'case', id: caseId }, text: NOTE_TEXT });
    await (await as('officer')).trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'request_evidence',
      reason: '请补充物流单号',
    });

    const stopped = await (await as('officer')).trpc.appeals.get.query({ id: appealId });
    expect(stopped).toMatchObject({ status: 'pending_member', reviewClock: { running: false, elapsedMs: 2 * HOUR } });
    const thread = await (await as('officer')).trpc.messages.list.query({ caseId });
    expect(thread.evidenceRequest).toEqual({ appealId, deadline: stopped.evidenceDeadline });
    expect(thread.messages).toMatchObject([
      { direction: 'out', templateId: 'request-evidence', appealId, author: { name: expect.any(String) } },
    ]);
    expect(thread.messages[0]?.body).toContain('请补充物流单号');
    // The member has 3 days (docs/MESSAGES.md).
    expect(Date.parse(stopped.evidenceDeadline ?? '') - clock.now().getTime()).toBe(3 * DAY);
    const [sent] = await sentMessages(caseId);
    expect(sent).toMatchObject({ type: 'message.sent', appealId, replyBy: stopped.evidenceDeadline });
    expect(WEBHOOK_PAYLOADS['message.sent'].safeParse(sent).error).toBeUndefined();

    // A day with the member: the clock stands still.
    clock.advance(DAY);
    expect((await (await as('officer')).trpc.appeals.get.query({ id: appealId })).reviewClock.elapsedMs).toBe(2 * HOUR);

    const reply = await portal.trpc.messages.submit.mutate({
      caseId,
      body: '已补充物流单号及聊天记录',
      externalId: 'reply-1',
      attachments: [
        { kind: 'logistics', title: '物流单', data: { waybill: 'SF1234567890', carrier: '顺丰', events: [] } },
        { kind: 'text', title: '说明', text: '买家为老客户，交易真实' },
      ],
    });
    expect(reply).toMatchObject({ duplicate: false, appealId });
    // The platform retrying the same reply changes nothing.
    expect(
      await portal.trpc.messages.submit.mutate({ caseId, body: '已补充物流单号及聊天记录', externalId: 'reply-1' }),
    ).toEqual({ ...reply, duplicate: true });

    const running = await (await as('officer')).trpc.appeals.get.query({ id: appealId });
    expect(running).toMatchObject({ status: 'under_review', submissions: 2, evidenceDeadline: null });
    expect(running.reviewClock).toMatchObject({ running: true, stoppedAt: null, elapsedMs: 2 * HOUR });
    expect(running.evidence).toHaveLength(2);
    clock.advance(HOUR);
    expect((await (await as('officer')).trpc.appeals.get.query({ id: appealId })).reviewClock.elapsedMs).toBe(3 * HOUR);

    const both = await (await as('officer')).trpc.messages.list.query({ caseId });
    expect(both.evidenceRequest).toBeNull();
    expect(both.messages.map((m) => m.direction)).toEqual(['out', 'in']);
    expect(both.messages[1]).toMatchObject({
      appealId,
      author: null,
      attachments: [{ kind: 'logistics' }, { kind: 'text' }],
    });

    // Internal notes never reach the thread or the platform.
    expect(JSON.stringify(both)).not.toContain('INTERNAL-NOTE');
    expect(JSON.stringify(await sentMessages(caseId))).not.toContain('INTERNAL-NOTE');

    const audit = await server.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('target_id', '=', String(caseId))
      .where('action', 'in', ['message.sent', 'message.received', 'appeal.resubmitted'])
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['message.sent', 'appeal.resubmitted', 'message.received']);
    expect(JSON.parse(audit[2]?.data ?? '{}')).toMatchObject({ attachments: 2, externalId: 'reply-1', appealId });

    // The officer decides on the answered appeal; its clock stops there for good.
    await (await as('officer')).trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'reject',
      reason: '物流单号与订单不符',
    });
    clock.advance(DAY);
    expect((await (await as('officer')).trpc.appeals.get.query({ id: appealId })).reviewClock).toMatchObject({
      running: false,
      elapsedMs: 3 * HOUR,
    });
  });

  it('lets staff write with a template, refuses replies with no thread, and keeps the roles apart', async () => {
    const { caseId } = await appealed();
    const early = await errorOf(portal.trpc.messages.submit.mutate({ caseId, body: '你好' }));
    expect(early.data).toMatchObject({ code: 'CONFLICT', reason: 'no_message_thread' });
    const watcher = await as('watcher');
    expect((await errorOf(watcher.trpc.messages.send.mutate({ caseId, body: '旁观' }))).data?.code).toBe('FORBIDDEN');
    const noToken = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake-only', ['intake'])}`,
    });
    expect((await errorOf(noToken.trpc.messages.submit.mutate({ caseId, body: '答复' }))).data?.code).toBe('FORBIDDEN');

    const rev = await as('rev');
    const { messageId } = await rev.trpc.messages.send.mutate({
      caseId,
      templateId: 'explain-decision',
      body: '您好，本次处理依据平台规则作出。',
    });
    const [sent] = await sentMessages(caseId);
    expect(sent).toMatchObject({ messageId, templateId: 'explain-decision', appealId: null, replyBy: null });
    // The appeal is under review, not waiting for evidence: a reply is a message, nothing more.
    expect(await portal.trpc.messages.submit.mutate({ caseId, body: '收到' })).toMatchObject({ appealId: null });
    expect((await watcher.trpc.messages.list.query({ caseId })).messages).toHaveLength(2);
    const bad = await errorOf(rev.trpc.messages.send.mutate({ caseId, body: 'x'.repeat(5001) }));
    expect(bad.data?.code).toBe('BAD_REQUEST');
  });

  it('finalises an unanswered request when its deadline passes; a late reply reopens nothing', async () => {
    const { caseId, appealId } = await appealed();
    await (await as('officer')).trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'request_evidence',
      reason: '请补充凭证',
    });
    clock.advance(3 * DAY + 1000);
    await closeExpiredAppeals({
      db: server.db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: SYSTEM_ACTOR,
    });
    const expired = await (await as('officer')).trpc.appeals.get.query({ id: appealId });
    expect(expired).toMatchObject({ status: 'expired', stage: 'final', reviewClock: { running: false, elapsedMs: 0 } });
    expect((await portal.trpc.appeals.status.query({ caseId })).stage).toBe('final');
    const late = await portal.trpc.messages.submit.mutate({ caseId, body: '补充凭证（已逾期）' });
    expect(late.appealId).toBeNull();
    expect((await (await as('officer')).trpc.appeals.get.query({ id: appealId })).status).toBe('expired');
  });
});
