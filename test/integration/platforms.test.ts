/**
 * A subject trades on one platform (`subjects.platform`): intake takes it and refuses a rule of
 * another platform or a change of platform, routing, the worklist and the dashboard filter by
 * it, and every finding about the subject is judged by its platform's rulebook only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { queuesRepo } from '../../server/db/repositories/queues.repo';
import { builtInRulebooks } from '../../server/rulebooks';
import { PLATFORM_IDS, rulebookOf, ruleIdsOf } from '../../shared/rulebook/platforms';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const kuaishouCreator = (id: string) => ({
  id,
  kind: 'creator' as const,
  name: '快手 主播 老铁好物',
  platform: 'kuaishou',
});

describe.each(BACKENDS)('platforms on %s', (backend) => {
  let server: TestServer;
  let intake: ReturnType<typeof createApiClient>;
  let intakeToken: string;
  let rank = 10 ** 12;
  const as = (u: string) => signIn(server.url, u, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { DESK_INTAKE_PER_SECOND: '100000' } });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'lead', role: 'lead' },
      { username: 'senior', role: 'senior_reviewer' },
    ]);
    const members = [...staff.values()];
    await createQueue(server.db, 'general', { routeRules: [], position: 99, members });
    await createQueue(server.db, 'kuaishou', { members });
    await queuesRepo.insertRoutingRule(
      server.db,
      { position: 1, queueId: 'kuaishou', match: { platforms: ['kuaishou'] }, enabled: true },
      new Date().toISOString(),
    );
    intakeToken = await createIntegrationToken(server.db, 'intake', ['intake']);
    intake = createApiClient(server.url, { authorization: `Bearer ${intakeToken}` });
  });
  afterAll(() => server.stop());

  const platformOfSubject = async (id: string) =>
    (await server.db.selectFrom('subjects').select('platform').where('id', '=', id).executeTakeFirstOrThrow()).platform;
  const reportCount = async () => (await server.db.selectFrom('reports').select('id').execute()).length;

  /** Files a report, has `rev` claim the case and decide it (the lead approves four-eyes findings). */
  async function decide(report: ReturnType<typeof reportInput>, facts: Record<string, unknown>) {
    const { caseId } = await intake.trpc.reports.submit.mutate(report);
    await server.db.updateTable('cases').set({ rank: ++rank }).where('id', '=', caseId).execute();
    const rev = await as('rev');
    const claimed = await rev.trpc.queue.next.mutate({});
    expect(claimed?.caseId).toBe(caseId);
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts,
      reason: '依规处理',
    });
    if (result.requiresApproval)
      await (await as('senior')).trpc.approvals.approve.mutate({ decisionId: result.decisionId });
    return caseId;
  }

  it('files a subject under its platform, routes by platform and names the platform on the case', async () => {
    const kuaishou = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: kuaishouCreator('K-1'), rule: 'unfair-competition', summary: '要求品牌二选一' }),
    );
    const taobao = await intake.trpc.reports.submit.mutate(reportInput({ subject: { id: 'T-1', kind: 'merchant' } }));
    expect(await platformOfSubject('K-1')).toBe('kuaishou');
    expect(await platformOfSubject('T-1')).toBe('taobao');

    const lead = await as('lead');
    const detail = await lead.trpc.cases.get.query({ id: kuaishou.caseId });
    expect(detail.queue).toBe('kuaishou');
    expect(detail.subject).toMatchObject({ id: 'K-1', kind: 'creator', platform: 'kuaishou' });
    expect((await lead.trpc.cases.get.query({ id: taobao.caseId })).queue).toBe('general');

    // The subject's platform stays as filed: a later report naming it again merges.
    const again = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: kuaishouCreator('K-1'), rule: 'unfair-competition' }),
    );
    expect(again).toMatchObject({ caseId: kuaishou.caseId, merged: true });
  });

  it('refuses a rule of another platform and a subject reported under another platform with a 400 naming the field', async () => {
    const before = await reportCount();
    const notKuaishou = await errorOf(
      intake.trpc.reports.submit.mutate(reportInput({ subject: kuaishouCreator('K-2'), rule: 'counterfeit' })),
    );
    expect(notKuaishou.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'rule_not_on_platform', field: 'rule' });
    // No platform is Taobao, whose rulebook has no unfair-competition rule of its own.
    const notTaobao = await errorOf(
      intake.trpc.reports.submit.mutate(
        reportInput({ subject: { id: 'T-2', kind: 'merchant' }, rule: 'unfair-competition' }),
      ),
    );
    expect(notTaobao.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'rule_not_on_platform', field: 'rule' });
    const moved = await errorOf(
      intake.trpc.reports.submit.mutate(reportInput({ subject: { id: 'K-1', kind: 'creator' }, rule: 'counterfeit' })),
    );
    expect(moved.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'platform_mismatch', field: 'subject.platform' });
    const unknown = await errorOf(
      intake.trpc.reports.submit.mutate(
        reportInput({ subject: { ...kuaishouCreator('K-3'), platform: 'douyin' } }) as never,
      ),
    );
    expect(unknown.data).toMatchObject({ code: 'BAD_REQUEST', field: 'subject.platform' });
    expect(await reportCount()).toBe(before);
    expect(
      await server.db.selectFrom('subjects').select('id').where('id', 'in', ['K-2', 'T-2', 'K-3']).execute(),
    ).toEqual([]);
  });

  it('files 20 parallel reports about a new Kuaishou subject into one case, and refuses 20 under the wrong platform with 400s', async () => {
    const post = async (report: ReturnType<typeof reportInput>) =>
      (
        await fetch(`${server.url}/trpc/reports.submit`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${intakeToken}`,
            'x-verdict-csrf': '1',
          },
          body: JSON.stringify(report),
        })
      ).status;
    const reports = Array.from({ length: 20 }, (_, i) =>
      reportInput({ externalId: `par-${i}`, subject: kuaishouCreator('K-PAR'), rule: 'unfair-competition' }),
    );
    expect(new Set(await Promise.all(reports.map(post)))).toEqual(new Set([200]));
    const cases = await server.db
      .selectFrom('cases')
      .select(['report_count'])
      .where('subject_id', '=', 'K-PAR')
      .execute();
    expect(cases).toEqual([{ report_count: 20 }]);

    const wrong = Array.from({ length: 20 }, (_, i) =>
      reportInput({
        externalId: `wrong-${i}`,
        subject: { id: 'K-PAR', kind: 'creator', platform: 'taobao' },
        rule: 'counterfeit',
      }),
    );
    expect(new Set(await Promise.all(wrong.map(post)))).toEqual(new Set([400]));
    expect(await platformOfSubject('K-PAR')).toBe('kuaishou');
  });

  it('filters the worklist and the dashboard by platform', async () => {
    const lead = await as('lead');
    const kuaishou = await lead.trpc.cases.list.query({ status: 'all', platform: 'kuaishou' });
    expect(kuaishou.items.length).toBeGreaterThan(0);
    expect(kuaishou.items.every((c) => c.subject.platform === 'kuaishou')).toBe(true);
    expect(kuaishou.total).toBe(kuaishou.items.length);
    const all = await lead.trpc.cases.list.query({ status: 'all' });
    expect(all.items.some((c) => c.subject.platform === 'taobao')).toBe(true);
    const xianyu = await lead.trpc.cases.list.query({ status: 'all', platform: 'xianyu' });
    expect(xianyu).toMatchObject({ items: [], total: 0 });

    const openOf = async (platform?: 'kuaishou' | 'xianyu') => {
      const d = await lead.trpc.metrics.dashboard.query({ periodDays: 7, ...(platform && { platform }) });
      return d.openByQueue.reduce((sum, q) => sum + q.total, 0);
    };
    const openKuaishou = (await lead.trpc.cases.list.query({ status: 'open', platform: 'kuaishou' })).total;
    expect(await openOf('kuaishou')).toBe(openKuaishou);
    expect(await openOf('xianyu')).toBe(0);
    expect(await openOf()).toBe((await lead.trpc.cases.list.query({ status: 'open' })).total);
  });

  it('judges each subject by its platform rulebook: the standing names it, and a Xianyu finding moves only Xianyu measures', async () => {
    for (const platform of PLATFORM_IDS) {
      const id = `S-${platform}`;
      await intake.trpc.reports.submit.mutate(
        reportInput({ subject: { id, kind: 'merchant', platform }, rule: ruleIdsOf(platform)[0] }),
      );
      expect(await builtInRulebooks.forSubject(server.db, id)).toBe(rulebookOf(platform));
    }
    const xianyuCase = await decide(
      reportInput({
        subject: { id: 'X-1', kind: 'merchant', name: '闲鱼 数码回收小铺', platform: 'xianyu' },
        rule: 'xianyu-serious',
      }),
      { controlDays: 7 },
    );
    const standing = (await (await as('lead')).trpc.accounts.standing.query({ subjectId: 'X-1' })) as {
      platform: string;
      rulebook: string;
      points: Record<string, number>;
      punishments: { measures: string[] }[];
    };
    expect(standing).toMatchObject({ platform: 'xianyu', rulebook: rulebookOf('xianyu').id });
    expect(standing.points.serious).toBe(12);
    const measures = standing.punishments.flatMap((p) => p.measures);
    expect(measures).toContain('all-items-deleted');
    expect(measures.every((m) => m in rulebookOf('xianyu').measures)).toBe(true);

    // What leaves the desk names the platform: the decision's audit event (the DSA export reads
    // it) and every enforcement message about the subject.
    const decided = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'case.decided')
      .where('target_id', '=', String(xianyuCase))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(decided.data ?? '{}')).toMatchObject({ subjectPlatform: 'xianyu' });
    const messages = await server.db
      .selectFrom('outbox_messages')
      .select('payload')
      .where('subject_id', '=', 'X-1')
      .execute();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(JSON.parse(m.payload).subject).toEqual({ id: 'X-1', platform: 'xianyu' });

    const kuaishou = await (await as('lead')).trpc.accounts.standing.query({ subjectId: 'K-1' });
    expect(kuaishou).toMatchObject({ platform: 'kuaishou', rulebook: rulebookOf('kuaishou').id });
    expect(await (await as('lead')).trpc.accounts.standing.query({ subjectId: 'NEVER-SEEN' })).toMatchObject({
      platform: 'taobao',
      findings: [],
    });
  });

  it('refuses to decide or preview a case under a rule outside its subject platform', async () => {
    // A case opened before subjects had platforms: a Taobao rule on what is now a Kuaishou subject.
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: { id: 'LEGACY-1', kind: 'creator' } }),
    );
    await server.db.updateTable('subjects').set({ platform: 'kuaishou' }).where('id', '=', 'LEGACY-1').execute();
    const lead = await as('lead');
    const c = await lead.trpc.cases.get.query({ id: caseId });
    const preview = await errorOf(lead.trpc.cases.preview.query({ caseId, decision: 'apply', facts: {} }));
    expect(preview.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'rule_not_on_platform', field: 'rule' });
    const decided = await errorOf(
      lead.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'apply',
        facts: {},
        reason: '依规处理',
      }),
    );
    expect(decided.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'rule_not_on_platform', field: 'rule' });
    // Nothing moved: the case is as it was.
    expect((await lead.trpc.cases.get.query({ id: caseId })).version).toBe(c.version);
  });

  it('serves each platform rulebook page and the list of platforms', async () => {
    const auditor = await as('rev');
    const xianyu = await auditor.trpc.rulebook.get.query({ platform: 'xianyu' });
    expect(xianyu.platform).toBe('xianyu');
    expect(xianyu.rules.map((r) => r.id)).toEqual(ruleIdsOf('xianyu'));
    const taobao = await auditor.trpc.rulebook.get.query();
    expect(taobao.platform).toBe('taobao');
    expect(taobao.rules.map((r) => r.id)).toEqual(ruleIdsOf('taobao'));
    const kuaishou = await auditor.trpc.rulebook.get.query({ platform: 'kuaishou' });
    expect(kuaishou.rules.map((r) => r.id)).toEqual(['unfair-competition']);
    const platforms = await auditor.trpc.rulebook.platforms.query();
    expect(platforms.map((p) => p.id)).toEqual([...PLATFORM_IDS]);
    expect(platforms.find((p) => p.id === 'kuaishou')).toEqual({
      id: 'kuaishou',
      name: { zh: '快手', en: 'Kuaishou' },
      ruleIds: ['unfair-competition'],
    });
    const bad = await errorOf(auditor.trpc.rulebook.get.query({ platform: 'douyin' } as never));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', field: 'platform' });
  });

  it('names the platform of a shop a security alert is about, when the desk knows the shop', async () => {
    const alert = (externalId: string, subjectId: string) =>
      intake.trpc.alerts.submit.mutate({
        externalId,
        subjectId,
        shopName: '快手小店 测试',
        accountId: 'sub-A',
        accountKind: 'sub',
        nickname: '客服小王',
        level: 'high',
        type: 'unusual_login_location',
        detectedAt: '2026-03-01T09:30:00+08:00',
        details: '子账号异地登录',
        suggestion: '核实子账号持有人是否在职',
      });
    await alert('alert-k1', 'K-1');
    await alert('alert-unknown', 'NO-CASES-YET');
    const { items } = await (await as('lead')).trpc.alerts.list.query({ status: 'pending' });
    const platformOf = (subjectId: string) => items.find((i) => i.subjectId === subjectId)?.subjectPlatform;
    expect(platformOf('K-1')).toBe('kuaishou');
    expect(platformOf('NO-CASES-YET')).toBeNull();
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyChain(server.db)).ok).toBe(true);
  });
});
