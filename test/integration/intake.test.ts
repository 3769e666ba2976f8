import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('report intake on %s', (backend) => {
  let server: TestServer;
  let intakeToken: string;
  let staff: Map<string, number>;

  beforeAll(async () => {
    server = await startTestServer(backend);
    staff = await createStaff(server.db, [
      { username: 'triager1', role: 'triager' },
      { username: 'reviewer1', role: 'reviewer' },
      { username: 'reviewer2', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'counterfeit', {
      routeRules: ['counterfeit'],
      position: 1,
      autoAssign: true,
      members: [staff.get('reviewer1') ?? 0, staff.get('reviewer2') ?? 0],
    });
    await createQueue(server.db, 'general', {
      routeRules: [],
      position: 99,
      sla: { user_report: 30, spot_check: 10, system_detection: 5 },
    });
    intakeToken = await createIntegrationToken(server.db, 'detector', ['intake']);
  });
  afterAll(() => server.stop());

  const asIntegration = () => createApiClient(server.url, { authorization: `Bearer ${intakeToken}` });

  it('files a report from an integration token into a new, routed case with its SLA', async () => {
    const input = reportInput({
      source: 'system_detection',
      evidence: [{ kind: 'orders', title: '订单明细', text: '订单 A123, A124' }],
    });
    const result = await asIntegration().trpc.reports.submit.mutate(input);
    expect(result.merged).toBe(false);
    const row = await server.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', result.caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'triaged',
      queue: 'general',
      rule: 'fake-transaction',
      subject_id: 'M-1001',
      report_count: 1,
    });
    const dueDays = (new Date(row.sla_due_at ?? 0).getTime() - new Date(row.created_at).getTime()) / 86_400_000;
    expect(dueDays).toBe(5);
    const evidence = await server.db.selectFrom('evidence').selectAll().where('case_id', '=', result.caseId).execute();
    expect(evidence).toHaveLength(1);
    const event = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'case.created')
      .where('target_id', '=', String(result.caseId))
      .executeTakeFirstOrThrow();
    expect(event.actor_type).toBe('token');
  });

  it('returns the same ids for the same externalId, without a second report', async () => {
    const input = reportInput({ subject: { id: 'M-2002', kind: 'merchant' } });
    const first = await asIntegration().trpc.reports.submit.mutate(input);
    const again = await asIntegration().trpc.reports.submit.mutate(input);
    expect(again).toEqual(first);
    const reports = await server.db
      .selectFrom('reports')
      .select('id')
      .where('external_id', '=', input.externalId)
      .execute();
    expect(reports).toHaveLength(1);
  });

  it('merges a report on the same subject and rule into the open case, and shows every reporter', async () => {
    const subject = { id: 'M-3003', kind: 'merchant' as const, name: '深圳极客电子旗舰店' };
    const a = await asIntegration().trpc.reports.submit.mutate(reportInput({ subject, reporterId: 'U-1' }));
    const b = await asIntegration().trpc.reports.submit.mutate(reportInput({ subject, reporterId: 'U-2' }));
    const other = await asIntegration().trpc.reports.submit.mutate(reportInput({ subject, rule: 'counterfeit' }));
    expect(b).toMatchObject({ caseId: a.caseId, merged: true });
    expect(other.caseId).not.toBe(a.caseId);
    // A repeat of the merged report still says it was merged.
    const reviewer = await signIn(server.url, 'triager1', TEST_PASSWORD);
    const detail = await reviewer.trpc.cases.get.query({ id: a.caseId });
    expect(detail.reports.map((r) => r.reporterId)).toEqual(['U-1', 'U-2']);
    expect(detail.triage.factors.find((f) => f.factor === 'reports')?.value).toBe(2);
  });

  it('opens a new case once the earlier one on the same subject and rule is closed', async () => {
    const subject = { id: 'M-4004', kind: 'merchant' as const };
    const first = await asIntegration().trpc.reports.submit.mutate(reportInput({ subject }));
    await server.db.updateTable('cases').set({ status: 'final' }).where('id', '=', first.caseId).execute();
    const second = await asIntegration().trpc.reports.submit.mutate(reportInput({ subject }));
    expect(second.caseId).not.toBe(first.caseId);
    expect(second.merged).toBe(false);
  });

  it('routes by rule and assigns the least-loaded member when the queue does that automatically', async () => {
    const one = await asIntegration().trpc.reports.submit.mutate(
      reportInput({ rule: 'counterfeit', subject: { id: 'M-5005', kind: 'merchant' } }),
    );
    const two = await asIntegration().trpc.reports.submit.mutate(
      reportInput({ rule: 'counterfeit', subject: { id: 'M-5006', kind: 'merchant' } }),
    );
    const rows = await server.db
      .selectFrom('cases')
      .select(['queue', 'status', 'assignee_id'])
      .where('id', 'in', [one.caseId, two.caseId])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.queue)).toEqual(['counterfeit', 'counterfeit']);
    expect(rows.map((r) => r.status)).toEqual(['assigned', 'assigned']);
    expect(new Set(rows.map((r) => r.assignee_id))).toEqual(new Set([staff.get('reviewer1'), staff.get('reviewer2')]));
  });

  it('lets a triager submit, but not a reviewer, a token without the scope, or a bad token', async () => {
    const triager = await signIn(server.url, 'triager1', TEST_PASSWORD);
    await expect(triager.trpc.reports.submit.mutate(reportInput())).resolves.toMatchObject({
      merged: expect.any(Boolean),
    });
    const reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
    expect((await errorOf(reviewer.trpc.reports.submit.mutate(reportInput()))).data?.code).toBe('FORBIDDEN');
    const appealsToken = await createIntegrationToken(server.db, 'portal', ['appeals']);
    const portal = createApiClient(server.url, { authorization: `Bearer ${appealsToken}` });
    expect((await errorOf(portal.trpc.reports.submit.mutate(reportInput()))).data?.code).toBe('FORBIDDEN');
    const forged = createApiClient(server.url, { authorization: 'Bearer vdt_forged' });
    expect((await errorOf(forged.trpc.reports.submit.mutate(reportInput()))).data?.code).toBe('UNAUTHORIZED');
    // A token opens intake only: reading cases is for staff.
    expect((await errorOf(asIntegration().trpc.cases.list.query({}))).data?.code).toBe('FORBIDDEN');
  });

  it('rejects bad input with the field named, and a subject filed under another kind', async () => {
    const bad = await errorOf(asIntegration().trpc.reports.submit.mutate(reportInput({ rule: 'jaywalking' }) as never));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', field: 'rule' });
    const kind = await errorOf(
      asIntegration().trpc.reports.submit.mutate(reportInput({ subject: { id: 'M-1001', kind: 'buyer' } })),
    );
    expect(kind.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'subject_kind_mismatch', field: 'subject.kind' });
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect((await verifyChain(server.db)).ok).toBe(true);
  });
});
