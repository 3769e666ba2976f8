import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import type { AlertSubmitInput } from '../../shared/api/alerts';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createStaff, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

let externalSeq = 0;
/** A valid `alerts.submit` input (the first example of Kuaishou's data-security alerts: a sub-account logging in from Hong Kong). */
function alertInput(overrides: Partial<AlertSubmitInput> = {}): AlertSubmitInput {
  externalSeq += 1;
  return {
    externalId: `alert-${externalSeq}`,
    subjectId: 'M-SEC1',
    shopName: '杭州悦享数码专营店',
    accountId: 'sub-A',
    accountKind: 'sub',
    nickname: '客服小王',
    phone: '13812345678',
    level: 'high',
    type: 'unusual_login_location',
    detectedAt: '2026-03-01T09:30:00+08:00',
    details: '子账号异地登录，登录地香港',
    suggestion: '核实子账号持有人是否在职；如不知情，请督促修改密码或停用子账号',
    ...overrides,
  };
}

describe.each(BACKENDS)('account-security alerts on %s', (backend) => {
  let server: TestServer;
  let intake: ReturnType<typeof createApiClient>;
  let rev: Awaited<ReturnType<typeof signIn>>;
  let triager: Awaited<ReturnType<typeof signIn>>;
  const submit = (overrides: Partial<AlertSubmitInput> = {}) => intake.trpc.alerts.submit.mutate(alertInput(overrides));
  const statusOf = async (id: number) =>
    server.db
      .selectFrom('security_alerts')
      .select(['status', 'resolution', 'batch_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const eventsOfBatch = (batchId: string) =>
    server.db
      .selectFrom('audit_events')
      .select(['action', 'target_type', 'target_id', 'batch_id', 'data'])
      .where('batch_id', '=', batchId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'triager', role: 'triager' },
    ]);
    intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'detector', ['intake'])}`,
    });
    rev = await signIn(server.url, 'rev', TEST_PASSWORD);
    triager = await signIn(server.url, 'triager', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  it('takes alerts from an intake token, idempotent on the external id, with the phone masked in lists', async () => {
    const input = alertInput({ subjectId: 'M-INTAKE' });
    const first = await intake.trpc.alerts.submit.mutate(input);
    const again = await intake.trpc.alerts.submit.mutate({ ...input, details: '重复推送' });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ alertId: first.alertId, duplicate: true });

    const stored = await server.db
      .selectFrom('security_alerts')
      .selectAll()
      .where('id', '=', first.alertId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      phone: '13812345678',
      phone_masked: '138****5678',
      status: 'pending',
      detected_at: '2026-03-01T01:30:00.000Z',
      details: '子账号异地登录，登录地香港',
    });
    const received = await server.db
      .selectFrom('audit_events')
      .select(['data', 'actor_type'])
      .where('action', '=', 'alert.received')
      .where('target_id', '=', String(first.alertId))
      .execute();
    expect(received).toHaveLength(1);
    expect(received[0]?.actor_type).toBe('token');
    expect(received[0]?.data).not.toContain('13812345678');

    const list = await rev.trpc.alerts.list.query({ status: 'pending', subjectId: 'M-INTAKE' });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: first.alertId, phoneMasked: '138****5678', nickname: '客服小王' });
    expect(JSON.stringify(list)).not.toContain('13812345678');
  });

  it('refuses tokens without the intake scope and malformed alerts', async () => {
    const appealsToken = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
    expect((await errorOf(appealsToken.trpc.alerts.submit.mutate(alertInput()))).data?.code).toBe('FORBIDDEN');
    const bad = { ...alertInput(), level: 'extreme' } as unknown as AlertSubmitInput;
    expect((await errorOf(intake.trpc.alerts.submit.mutate(bad))).data?.code).toBe('BAD_REQUEST');
  });

  it('"no risk" handles only the alert it is applied to; acting on the account handles all its pending alerts', async () => {
    const shop = 'M-CASCADE';
    const a1 = await submit({ subjectId: shop, accountId: 'sub-1' });
    const a2 = await submit({ subjectId: shop, accountId: 'sub-1', type: 'abnormal_access_volume' });
    const a3 = await submit({ subjectId: shop, accountId: 'sub-1' });
    const otherSub = await submit({ subjectId: shop, accountId: 'sub-2' });
    const sameIdOtherShop = await submit({ subjectId: 'M-CASCADE-2', accountId: 'sub-1' });

    await rev.trpc.alerts.markNoRisk.mutate({ ids: [a1.alertId], note: '员工在香港出差' });
    expect(await statusOf(a1.alertId)).toMatchObject({ status: 'handled', resolution: 'no_risk' });
    expect((await statusOf(a2.alertId)).status).toBe('pending');
    expect((await statusOf(a3.alertId)).status).toBe('pending');

    const acted = await rev.trpc.alerts.actOnAccount.mutate({ alertId: a2.alertId, action: 'disable_sub_account' });
    expect(acted.handledIds.sort()).toEqual([a2.alertId, a3.alertId].sort());
    for (const id of [a2.alertId, a3.alertId])
      expect(await statusOf(id)).toEqual({
        status: 'handled',
        resolution: 'disable_sub_account',
        batch_id: acted.batchId,
      });
    // The earlier "no risk" stays as it was; other accounts, and sub-1 of another shop, are untouched.
    expect(await statusOf(a1.alertId)).toMatchObject({ resolution: 'no_risk' });
    expect((await statusOf(otherSub.alertId)).status).toBe('pending');
    expect((await statusOf(sameIdOtherShop.alertId)).status).toBe('pending');

    const events = await eventsOfBatch(acted.batchId);
    expect(events.map((e) => e.action)).toEqual(['alert.account_actioned', 'alert.handled', 'alert.handled']);
    expect(events[0]).toMatchObject({ target_type: 'shop_account', target_id: `${shop}/sub-1` });
  });

  it('never disables or deletes a main account, but can force its password change', async () => {
    const main = await submit({ subjectId: 'M-MAIN', accountId: 'main', accountKind: 'main' });
    const refused = await errorOf(
      rev.trpc.alerts.actOnAccount.mutate({ alertId: main.alertId, action: 'delete_sub_account' }),
    );
    expect(refused.data?.reason).toBe('main_account_not_removable');
    expect((await statusOf(main.alertId)).status).toBe('pending');
    await rev.trpc.alerts.actOnAccount.mutate({ alertId: main.alertId, action: 'force_password_change' });
    expect(await statusOf(main.alertId)).toMatchObject({ status: 'handled', resolution: 'force_password_change' });
  });

  it('marks many alerts "no risk" at once under one batch id, all or nothing', async () => {
    const x = await submit({ subjectId: 'M-BULK', accountId: 'sub-x' });
    const y = await submit({ subjectId: 'M-BULK', accountId: 'sub-y', level: 'low' });
    const z = await submit({ subjectId: 'M-BULK', accountId: 'sub-x' });
    const result = await rev.trpc.alerts.markNoRisk.mutate({ ids: [x.alertId, y.alertId] });
    expect(result.handledIds.sort()).toEqual([x.alertId, y.alertId].sort());
    expect(await statusOf(x.alertId)).toEqual({ status: 'handled', resolution: 'no_risk', batch_id: result.batchId });
    expect(await statusOf(y.alertId)).toEqual({ status: 'handled', resolution: 'no_risk', batch_id: result.batchId });
    const events = await eventsOfBatch(result.batchId);
    expect(events.map((e) => [e.action, e.target_id])).toEqual([
      ['alert.handled', String(x.alertId)],
      ['alert.handled', String(y.alertId)],
    ]);
    // z is on the same account as x but was not chosen.
    expect((await statusOf(z.alertId)).status).toBe('pending');

    // A selection with one alert already handled changes nothing at all.
    const conflict = await errorOf(rev.trpc.alerts.markNoRisk.mutate({ ids: [z.alertId, x.alertId] }));
    expect(conflict.data?.reason).toBe('alert_already_handled');
    expect((await statusOf(z.alertId)).status).toBe('pending');
    expect((await errorOf(rev.trpc.alerts.markNoRisk.mutate({ ids: [999_999] }))).data?.code).toBe('NOT_FOUND');
  });

  it('lets only alert handlers act, and reveals the phone to the privileged with an audited reason', async () => {
    const a = await submit({ subjectId: 'M-PERM' });
    expect((await errorOf(triager.trpc.alerts.markNoRisk.mutate({ ids: [a.alertId] }))).data?.code).toBe('FORBIDDEN');
    expect(
      (await errorOf(triager.trpc.alerts.actOnAccount.mutate({ alertId: a.alertId, action: 'force_password_change' })))
        .data?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await errorOf(triager.trpc.alerts.revealPhone.mutate({ id: a.alertId, reason: '核实身份' }))).data?.code,
    ).toBe('FORBIDDEN');
    // Everyone who reads cases sees the lists.
    expect((await triager.trpc.alerts.counts.query({ subjectId: 'M-PERM' })).pending).toBe(1);

    expect(await rev.trpc.alerts.revealPhone.mutate({ id: a.alertId, reason: '联系商家核实' })).toEqual({
      value: '13812345678',
    });
    const reveal = await server.db
      .selectFrom('audit_events')
      .select(['target_type', 'data'])
      .where('action', '=', 'pii.revealed')
      .where('target_id', '=', String(a.alertId))
      .executeTakeFirstOrThrow();
    expect(reveal.target_type).toBe('security_alert');
    expect(JSON.parse(reveal.data ?? '{}')).toMatchObject({ field: 'phone', reason: '联系商家核实' });
  });

  it('lists pending and handled alerts separately, and leaves an intact audit chain', async () => {
    const counts = await rev.trpc.alerts.counts.query({ subjectId: 'M-CASCADE' });
    expect(counts).toEqual({ pending: 1, handled: 3 });
    const handled = await rev.trpc.alerts.list.query({ status: 'handled', subjectId: 'M-CASCADE' });
    expect(handled.items.map((a) => a.resolution).sort()).toEqual([
      'disable_sub_account',
      'disable_sub_account',
      'no_risk',
    ]);
    expect(handled.items[0]?.handledBy?.name).toBe('rev');
    const page = await rev.trpc.alerts.list.query({ status: 'handled', page: 1, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await verifyChain(server.db)).ok).toBe(true);
  });
});
