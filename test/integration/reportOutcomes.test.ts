import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { fakeClock } from '../../server/clock';
import { announceReportOutcomes } from '../../server/outbox/announceReportOutcomes';
import { builtInRulebooks } from '../../server/rulebooks';
import { WEBHOOK_PAYLOADS } from '../../shared/api/webhookPayloads';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const SUBJECT_NAME = '悦享数码旗舰店';
const PHONE = '13812345678';
const ADDRESS = '浙江省杭州市西湖区文三路 88 号';
const EVIDENCE_TEXT = '聊天记录显示买家与卖家约定返现 SECRET-EVIDENCE-7731';
const REASON = '经核实刷单 120 笔，依规处理（内部理由 INTERNAL-REASON-42）';

describe.each(BACKENDS)('reporter outcome notices and reporter mutes on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-03-02T10:00:00+08:00');
  let intake: ReturnType<typeof createApiClient>;
  let puller: ReturnType<typeof createApiClient>;
  let portal: ReturnType<typeof createApiClient>;
  const as = (u: string) => signIn(server.url, u, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'officer', role: 'appeals_officer' },
      { username: 'boss', role: 'lead' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    const bearer = async (scope: string) =>
      createApiClient(server.url, {
        authorization: `Bearer ${await createIntegrationToken(server.db, scope, [scope])}`,
      });
    intake = await bearer('intake');
    puller = await bearer('enforcement');
    portal = await bearer('appeals');
  });
  afterAll(() => server.stop());

  const subject = (id: string) => ({
    id,
    kind: 'merchant' as const,
    name: SUBJECT_NAME,
    phone: PHONE,
    address: ADDRESS,
  });

  /** Claims `caseId` as `rev` and decides it (a severe finding approved by `senior`). */
  async function decide(caseId: number, decision: 'apply' | 'dismiss') {
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 13 + caseId })
      .where('id', '=', caseId)
      .execute();
    const rev = await as('rev');
    expect((await rev.trpc.queue.next.mutate({}))?.caseId).toBe(caseId);
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision,
      ...(decision === 'apply' && { facts: { transactions: 120 } }),
      reason: REASON,
    });
    if (result.requiresApproval)
      await (await as('senior')).trpc.approvals.approve.mutate({ decisionId: result.decisionId });
  }

  const outcomesOf = async (caseId: number) =>
    (
      await server.db
        .selectFrom('outbox_messages')
        .select(['id', 'payload'])
        .where('type', '=', 'report.outcome')
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute()
    ).map((m): Record<string, any> => ({ sequence: m.id, ...JSON.parse(m.payload) }));

  it('tells each reporter of a decided case once, merged reports included, in their language and without the subject’s personal data', async () => {
    const first = await intake.trpc.reports.submit.mutate(
      reportInput({
        externalId: 'R-EN-1',
        subject: subject('M-RO-1'),
        reporterId: 'U-EN',
        reporterLocale: 'en',
        evidence: [{ kind: 'text', title: '聊天记录', text: EVIDENCE_TEXT }],
      }),
    );
    // Two more reports merge into the same open case: one from the same reporter, one from another.
    const second = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-EN-2', subject: subject('M-RO-1'), reporterId: 'U-EN' }),
    );
    const third = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-ZH-1', subject: subject('M-RO-1'), reporterId: 'U-ZH' }),
    );
    expect([second.merged, third.merged, second.caseId, third.caseId]).toEqual([
      true,
      true,
      first.caseId,
      first.caseId,
    ]);

    await decide(first.caseId, 'apply');
    const notices = await outcomesOf(first.caseId);
    expect(notices).toHaveLength(2);
    const en = notices.find((n) => n.reporter.id === 'U-EN');
    const zh = notices.find((n) => n.reporter.id === 'U-ZH');
    expect(en).toMatchObject({
      type: 'report.outcome',
      reporter: { id: 'U-EN', locale: 'en' },
      reports: ['R-EN-1', 'R-EN-2'],
      outcome: 'upheld',
      complaint: null,
    });
    expect(en?.text).toContain('a violation was found');
    expect(zh).toMatchObject({ reporter: { id: 'U-ZH', locale: 'zh-CN' }, reports: ['R-ZH-1'], outcome: 'upheld' });
    expect(zh?.text).toContain('存在违规行为');
    for (const n of notices) expect(WEBHOOK_PAYLOADS['report.outcome'].safeParse(n).error).toBeUndefined();

    // Nothing of the subject's personal data, its evidence or the staff's reasons, anywhere in them.
    const serialized = JSON.stringify(notices);
    for (const secret of [
      SUBJECT_NAME,
      PHONE,
      ADDRESS,
      '138****5678',
      EVIDENCE_TEXT,
      'SECRET-EVIDENCE',
      'INTERNAL-REASON',
    ])
      expect(serialized).not.toContain(secret);

    // Pull integrations read the same messages from enforcement.changes.
    const pulled = await puller.trpc.enforcement.changes.query({ limit: 500 });
    expect(
      pulled.items.filter((m) => m.type === 'report.outcome' && m.caseId === first.caseId).map((m) => m.sequence),
    ).toEqual(notices.map((n) => n.sequence));

    // One audit event per notice queued, on the case.
    const queued = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'report.outcome_queued')
      .where('target_id', '=', String(first.caseId))
      .execute();
    expect(queued.map((e) => JSON.parse(e.data ?? '{}').reporterId).sort()).toEqual(['U-EN', 'U-ZH']);

    // "Once": the same outcome again (a retried write, an appeal later) sends nothing new.
    const again = await server.db.transaction().execute((trx) =>
      announceReportOutcomes(trx, SYSTEM_ACTOR, {
        caseId: first.caseId,
        subjectId: 'M-RO-1',
        rule: 'fake-transaction',
        outcome: 'upheld',
        rulebook: builtInRulebooks.default,
        now: clock.now(),
      }),
    );
    expect(again).toBe(0);
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId: first.caseId, statement: '交易真实' });
    await (await as('officer')).trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '撤销' });
    expect(await outcomesOf(first.caseId)).toHaveLength(2);
  });

  it('tells the reporter of a dismissal how to contest it, where the rulebook allows it', async () => {
    const filed = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-DIS-1', subject: subject('M-RO-2'), reporterId: 'U-NOISY' }),
    );
    await decide(filed.caseId, 'dismiss');
    const [notice, ...more] = await outcomesOf(filed.caseId);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ reporter: { id: 'U-NOISY', locale: 'zh-CN' }, outcome: 'dismissed' });
    // Taobao's desk policy: six months to contest (docs/MESSAGES.md).
    expect(Date.parse(notice?.complaint.until) - clock.now().getTime()).toBe(180 * 86_400_000);
    expect(notice?.text).toContain('本次举报不成立');
    expect(notice?.text).toContain('180 天内');
    expect(JSON.stringify(notice)).not.toContain(SUBJECT_NAME);
  });

  it('scores reporters, and lets a lead mute one: their new reports are taken in, flagged and ranked lower', async () => {
    const boss = await as('boss');
    const rev = await as('rev');
    expect(await boss.trpc.reporters.get.query({ reporterId: 'U-NOISY' })).toMatchObject({
      dismissed: 1,
      upheld: 0,
      unfoundedRate: 1,
      muted: null,
    });
    const denied = await errorOf(rev.trpc.reporters.mute.mutate({ reporterId: 'U-NOISY', reason: '频繁恶意举报' }));
    expect(denied.data?.code).toBe('FORBIDDEN');
    const unknown = await errorOf(boss.trpc.reporters.mute.mutate({ reporterId: 'U-NOBODY', reason: '频繁恶意举报' }));
    expect(unknown.data?.reason).toBe('reporter_not_found');

    const muted = await boss.trpc.reporters.mute.mutate({ reporterId: 'U-NOISY', reason: '频繁恶意举报' });
    expect(muted.muted).toMatchObject({ reason: '频繁恶意举报', by: { name: expect.any(String) } });
    const twice = await errorOf(boss.trpc.reporters.mute.mutate({ reporterId: 'U-NOISY', reason: '再次屏蔽' }));
    expect(twice.data?.reason).toBe('reporter_already_muted');

    // Same rule and source from a muted and an ordinary reporter: the muted one's ranks lower.
    const mutedReport = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-MUTED', subject: subject('M-RO-3'), reporterId: 'U-NOISY' }),
    );
    const plain = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-PLAIN', subject: subject('M-RO-4'), reporterId: 'U-NEW' }),
    );
    const mutedCase = await rev.trpc.cases.get.query({ id: mutedReport.caseId });
    const plainCase = await rev.trpc.cases.get.query({ id: plain.caseId });
    expect(mutedCase.reports[0]).toMatchObject({
      reporterMutedAtIntake: true,
      reporter: { muted: true, dismissed: 1 },
    });
    expect(mutedCase.triage.factors.find((f) => f.factor === 'reporterMuted')?.points).toBeLessThan(0);
    expect(plainCase.reports[0]).toMatchObject({ reporterMutedAtIntake: false, reporter: { muted: false } });
    expect(mutedCase.triage.score).toBeLessThan(plainCase.triage.score);

    const listed = await boss.trpc.reporters.list.query({ limit: 50 });
    expect(listed[0]).toMatchObject({ id: 'U-NOISY', muted: { reason: '频繁恶意举报' } });

    await boss.trpc.reporters.unmute.mutate({ reporterId: 'U-NOISY', reason: '已核实为误报' });
    const after = await intake.trpc.reports.submit.mutate(
      reportInput({ externalId: 'R-AFTER', subject: subject('M-RO-5'), reporterId: 'U-NOISY' }),
    );
    expect((await rev.trpc.cases.get.query({ id: after.caseId })).reports[0]?.reporterMutedAtIntake).toBe(false);
    const audit = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_type', 'target_id', 'data'])
      .where('action', 'in', ['reporter.muted', 'reporter.unmuted'])
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => [e.action, e.target_type, e.target_id, JSON.parse(e.data ?? '{}').reason])).toEqual([
      ['reporter.muted', 'reporter', 'U-NOISY', '频繁恶意举报'],
      ['reporter.unmuted', 'reporter', 'U-NOISY', '已核实为误报'],
    ]);
  });
});
