import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const orders = {
  rows: [
    { orderId: 'A1001', amount: 99.5, buyer: '王**', time: '2024-03-01T10:00:00+08:00', status: '已签收' },
    { orderId: 'A1002', amount: 12, buyer: '李**' },
    { orderId: 'A1003', amount: 1200 },
  ],
  highlight: ['A1002', 'A1003'],
};
const chat = {
  messages: [
    { from: '买家 王**', at: '2024-03-01T10:00:00+08:00', text: '不退款我就给差评' },
    { from: '客服 小美', at: '2024-03-01T10:01:00+08:00', text: '请您先按流程申请售后' },
  ],
};
const logistics = {
  waybill: 'SF1234567890',
  carrier: '顺丰速运',
  sms: [{ from: '106900001111', at: '2024-03-02 09:12', text: '【某某旗舰店】您的包裹已发出，点击领取优惠券' }],
  events: [{ at: '2024-03-01 18:00', text: '已揽收', location: '杭州' }],
};
const listing = {
  title: '经典款运动鞋 男女同款',
  price: 159,
  description: '正品保证，假一赔十',
  capturedAt: '2024-03-01T10:00:00+08:00',
  images: ['https://img.example.com/a.jpg'],
};

describe.each(BACKENDS)('structured evidence on %s', (backend) => {
  let server: TestServer;
  let integration: ReturnType<typeof createApiClient>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let reviewerId: number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [{ username: 'reviewer1', role: 'reviewer' }]);
    reviewerId = staff.get('reviewer1') ?? 0;
    const token = await createIntegrationToken(server.db, 'detector', ['intake']);
    integration = createApiClient(server.url, { authorization: `Bearer ${token}` });
    reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  it('carries typed data for each kind from reports.submit to cases.get', async () => {
    const { caseId } = await integration.trpc.reports.submit.mutate(
      reportInput({
        evidence: [
          { kind: 'orders', title: '疑似刷单订单', data: orders },
          { kind: 'chat', title: '买家聊天记录', data: chat },
          { kind: 'logistics', title: '面单与短信', data: logistics },
          { kind: 'listing_snapshot', title: '举报时的商品页', data: listing },
          { kind: 'text', title: '举报说明', text: '详见附件' },
        ],
      }),
    );
    const detail = await reviewer.trpc.cases.get.query({ id: caseId });
    expect(detail.evidence.map((e) => [e.kind, e.data])).toEqual([
      ['orders', orders],
      ['chat', chat],
      ['logistics', logistics],
      ['listing_snapshot', listing],
      ['text', null],
    ]);
    expect(detail.evidence[4]).toMatchObject({ text: '详见附件', sha256: null, contentUrl: null });
  });

  it('fills defaults and drops unknown fields', async () => {
    const { caseId } = await integration.trpc.reports.submit.mutate(
      reportInput({
        subject: { id: 'M-3003', kind: 'merchant' },
        evidence: [{ kind: 'orders', title: '订单', data: { rows: [{ orderId: 'B1', amount: 1, secret: 'x' }] } }],
      }),
    );
    const [item] = (await reviewer.trpc.cases.get.query({ id: caseId })).evidence;
    expect(item?.data).toEqual({ rows: [{ orderId: 'B1', amount: 1 }], highlight: [] });
  });

  it.each([
    ['data of another kind', { kind: 'chat', title: 'x', data: orders }, 'evidence.0.data.messages'],
    [
      'a wrongly typed field',
      { kind: 'orders', title: 'x', data: { rows: [{ orderId: 'A', amount: '9' }] } },
      'evidence.0.data.rows.0.amount',
    ],
    [
      'a highlight naming no row',
      { kind: 'orders', title: 'x', data: { rows: [{ orderId: 'A', amount: 1 }], highlight: ['Z'] } },
      'evidence.0.data.highlight.0',
    ],
    ['data on a kind without a shape', { kind: 'text', title: 'x', data: { anything: 1 } }, 'evidence.0.data'],
    [
      'a listing without its capture time',
      { kind: 'listing_snapshot', title: 'x', data: { title: 't', price: 1, description: '' } },
      'evidence.0.data.capturedAt',
    ],
  ])('refuses %s, naming the field', async (_what, evidence, field) => {
    const err = await errorOf(integration.trpc.reports.submit.mutate(reportInput({ evidence: [evidence] }) as never));
    expect(err.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'invalid_input', field });
  });

  it('audits who opened a piece of evidence in a viewer', async () => {
    const { caseId } = await integration.trpc.reports.submit.mutate(
      reportInput({
        subject: { id: 'M-4004', kind: 'merchant' },
        evidence: [{ kind: 'chat', title: '聊天', data: chat }],
      }),
    );
    const [item] = (await reviewer.trpc.cases.get.query({ id: caseId })).evidence;
    expect(await reviewer.trpc.evidence.markViewed.mutate({ evidenceId: item?.id ?? 0 })).toEqual({ ok: true });
    const event = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'evidence.viewed')
      .where('target_id', '=', String(item?.id))
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: 'user', actor_id: String(reviewerId), target_type: 'evidence' });
    expect(JSON.parse(event.data ?? '{}')).toMatchObject({ caseId, kind: 'chat', via: 'viewer' });

    expect((await errorOf(reviewer.trpc.evidence.markViewed.mutate({ evidenceId: 999_999 }))).data?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await errorOf(createApiClient(server.url).trpc.evidence.markViewed.mutate({ evidenceId: item?.id ?? 0 }))).data
        ?.code,
    ).toBe('UNAUTHORIZED');
    expect((await errorOf(integration.trpc.evidence.markViewed.mutate({ evidenceId: item?.id ?? 0 }))).data?.code).toBe(
      'FORBIDDEN',
    );
  });
});
