/** `subjects.get` and `subjects.records`: the subject page's data, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_PAGE_SIZE } from '../../shared/api/subjects';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const SUBJECT = {
  id: 'M-PAGE',
  kind: 'merchant' as const,
  name: '杭州悦享数码专营店',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路 10 号',
};
const SMS_SENDER = '1069 0281 5566';
const waybill = (n: number) => ({
  kind: 'logistics',
  title: '面单信息与买家收到的短信',
  data: {
    waybill: `YT77000${n}`,
    carrier: '圆通速递',
    sms: [{ from: SMS_SENDER, at: '2026-11-01T10:00:00Z', text: '加微信返现 20 元' }],
  },
});
const alert = (n: number, subjectId: string, phone: string) => ({
  externalId: `page-alert-${subjectId}-${n}`,
  subjectId,
  accountId: `sub-${n}`,
  accountKind: 'sub' as const,
  nickname: `客服${n}`,
  phone,
  level: 'high' as const,
  type: 'unusual_login_location' as const,
  detectedAt: new Date(Date.now() - n * 60_000).toISOString(),
  details: '子账号异地登录',
  suggestion: '核实子账号持有人',
});

describe.each(BACKENDS)('the subject page on %s', (backend) => {
  let server: TestServer;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let caseId: number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'aud', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    const token = await createIntegrationToken(server.db, 'intake', ['intake', 'appeals']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` }).trpc;
    reviewer = await signIn(server.url, 'rev', TEST_PASSWORD);

    ({ caseId } = await intake.reports.submit.mutate(reportInput({ subject: SUBJECT, evidence: [waybill(1)] })));
    // Tied by the same phone on file, by the SMS sender in evidence, and by a phone in an alert.
    await intake.reports.submit.mutate(
      reportInput({ subject: { id: 'M-TWIN', kind: 'merchant', name: '悦享数码二店', phone: SUBJECT.phone } }),
    );
    await intake.reports.submit.mutate(
      reportInput({ subject: { id: 'M-SMS', kind: 'merchant', name: '潮流好物店' }, evidence: [waybill(2)] }),
    );
    for (let n = 1; n <= SUBJECT_PAGE_SIZE + 1; n++)
      await intake.alerts.submit.mutate(alert(n, SUBJECT.id, '15011112222'));
    await intake.alerts.submit.mutate(alert(1, 'M-ALERT', '15011112222'));

    // First in the queue, so the reviewer's next case is this one.
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 12 })
      .where('id', '=', caseId)
      .execute();
    const next = await reviewer.trpc.queue.next.mutate({});
    expect(next?.caseId).toBe(caseId);
    const { version } = await reviewer.trpc.cases.get.query({ id: caseId });
    await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version,
      decision: 'apply',
      facts: { transactions: 120, items: ['item-9'] },
      reason: '证据确凿',
    });
    await intake.appeals.submit.mutate({ caseId, statement: '订单均为真实交易' });
  });
  afterAll(() => server.stop());

  it('shows identity masked, the standing through the year, every record and related subjects', async () => {
    const page = await reviewer.trpc.subjects.get.query({ id: SUBJECT.id });
    expect(page.subject).toMatchObject({
      id: SUBJECT.id,
      name: SUBJECT.name,
      kind: 'merchant',
      // Filed without a platform: Taobao's, as every subject before platforms.
      platform: 'taobao',
      phoneMasked: '138****5678',
      addressMasked: '浙江省杭州市****',
    });
    expect(JSON.stringify(page)).not.toContain(SUBJECT.phone);
    expect(JSON.stringify(page)).not.toContain('15011112222');

    expect(page.standing.points.general).toBe(12);
    const [findingPoint] = page.standing.series.points.filter((p) => p.kind === 'finding');
    expect(findingPoint?.points.general).toBe(12);
    const findingId = findingPoint?.finding ?? '';
    expect(page.standing.findingCases[findingId]).toBe(caseId);
    expect(page.standing.series.nodes).toEqual([expect.objectContaining({ ledger: 'general', nodes: [12] })]);
    expect(page.standing.series.punishments).toEqual([expect.objectContaining({ node: 12, finding: findingId })]);

    expect(page.cases.items.map((c) => c.id)).toEqual([caseId]);
    expect(page.decisions.items).toEqual([expect.objectContaining({ caseId, kind: 'apply', reason: '证据确凿' })]);
    expect(page.appeals.items).toEqual([expect.objectContaining({ caseId, rule: 'fake-transaction' })]);
    expect(page.notices.items).toEqual([expect.objectContaining({ caseId, kind: 'decision' })]);
    expect(page.messages.items.map((m) => m.type)).toContain('notice.issued');
    expect(page.messages.items.every((m) => m.caseId === caseId)).toBe(true);

    expect(page.related).toEqual(
      expect.arrayContaining([
        { id: 'M-TWIN', name: '悦享数码二店', kind: 'merchant', via: 'phone', clue: '138****5678' },
        { id: 'M-SMS', name: '潮流好物店', kind: 'merchant', via: 'evidence_sms', clue: '106****5566' },
        { id: 'M-ALERT', name: null, kind: null, via: 'alert_phone', clue: '150****2222' },
      ]),
    );
    expect(page.related).toHaveLength(3);
  });

  it('charts another year on request: the year before starts and ends at zero', async () => {
    const thisYear = (await reviewer.trpc.subjects.get.query({ id: SUBJECT.id })).standing.series.year;
    const { series } = (await reviewer.trpc.subjects.get.query({ id: SUBJECT.id, year: thisYear - 1 })).standing;
    expect(series.year).toBe(thisYear - 1);
    expect(series.years).toEqual([thisYear]);
    expect(series.points.map((p) => [p.kind, p.points])).toEqual([
      ['year-start', { general: 0, serious: 0, counterfeit: 0 }],
      ['end', { general: 0, serious: 0, counterfeit: 0 }],
    ]);
    expect(series.nodes).toEqual([]);
  });

  it('pages the long lists newest first, by keyset', async () => {
    const page = await reviewer.trpc.subjects.get.query({ id: SUBJECT.id });
    expect(page.alerts.items).toHaveLength(SUBJECT_PAGE_SIZE);
    const cursor = page.alerts.nextCursor ?? 0;
    expect(cursor).toBe(page.alerts.items.at(-1)?.id);
    const more = await reviewer.trpc.subjects.records.query({ id: SUBJECT.id, list: 'alerts', cursor });
    expect(more.list).toBe('alerts');
    expect(more.items).toHaveLength(1);
    expect(more.nextCursor).toBeNull();
    const ids = [...page.alerts.items, ...more.items].map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(SUBJECT_PAGE_SIZE + 1);
  });

  it('is open to every staff role that reads cases, not to the signed out', async () => {
    const auditor = await signIn(server.url, 'aud', TEST_PASSWORD);
    expect((await auditor.trpc.subjects.get.query({ id: SUBJECT.id })).subject.id).toBe(SUBJECT.id);
    const anonymous = createApiClient(server.url).trpc;
    expect((await errorOf(anonymous.subjects.get.query({ id: SUBJECT.id }))).data?.code).toBe('UNAUTHORIZED');
  });

  it('answers an unknown subject with NOT_FOUND and a reason, and bad input with a 400 naming the field', async () => {
    const unknown = await errorOf(reviewer.trpc.subjects.get.query({ id: 'M-NOBODY' }));
    expect(unknown.data).toMatchObject({ code: 'NOT_FOUND', reason: 'subject_not_found' });
    const more = await errorOf(reviewer.trpc.subjects.records.query({ id: 'M-NOBODY', list: 'cases' }));
    expect(more.data).toMatchObject({ code: 'NOT_FOUND', reason: 'subject_not_found' });
    const empty = await errorOf(reviewer.trpc.subjects.get.query({ id: ' ' }));
    expect(empty.data).toMatchObject({ code: 'BAD_REQUEST', field: 'id' });
    const year = await errorOf(reviewer.trpc.subjects.get.query({ id: SUBJECT.id, year: 1 }));
    expect(year.data).toMatchObject({ code: 'BAD_REQUEST', field: 'year' });
    const list = await errorOf(
      reviewer.trpc.subjects.records.query({ id: SUBJECT.id, list: 'secrets' as 'cases', cursor: -1 }),
    );
    expect(list.data?.code).toBe('BAD_REQUEST');
  });

  it('answers 20 parallel calls alike', async () => {
    const pages = await Promise.all(
      Array.from({ length: 20 }, () => reviewer.trpc.subjects.get.query({ id: SUBJECT.id })),
    );
    // Only "now" moves between calls: the standing's instant and the chart's last point.
    const timeless = (p: (typeof pages)[number]) =>
      JSON.stringify({
        ...p,
        standing: {
          ...p.standing,
          asOf: '',
          series: { ...p.standing.series, points: p.standing.series.points.slice(0, -1) },
        },
      });
    const first = timeless(pages[0] as (typeof pages)[number]);
    expect(pages.map(timeless)).toEqual(Array.from({ length: 20 }, () => first));
  });
});
