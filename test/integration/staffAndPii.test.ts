import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { setStaffDisabled } from '../../server/services/staffAdmin.service';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('staff administration and personal data on %s', (backend) => {
  let server: TestServer;
  let ids: Map<string, number>;
  const as = (u: string, pw = TEST_PASSWORD) => signIn(server.url, u, pw);

  beforeAll(async () => {
    server = await startTestServer(backend);
    ids = await createStaff(server.db, [
      { username: 'root1', role: 'admin' },
      { username: 'root2', role: 'admin' },
      { username: 'rev', role: 'reviewer' },
      { username: 'tri', role: 'triager' },
    ]);
  });
  afterAll(() => server.stop());

  it('lets an admin create staff and see their last sign-in; nobody else may', async () => {
    const admin = await as('root1');
    await admin.trpc.users.create.mutate({
      username: 'newbie',
      displayName: '新审核员 钱多',
      role: 'reviewer',
      password: '紫禁城-审核-2026',
    });
    await as('newbie', '紫禁城-审核-2026');
    const list = await admin.trpc.users.list.query();
    expect(list.find((u) => u.username === 'newbie')).toMatchObject({
      role: 'reviewer',
      disabled: false,
      lastLoginAt: expect.any(String),
    });
    expect((await errorOf((await as('rev')).trpc.users.list.query())).data?.code).toBe('FORBIDDEN');
  });

  it('never lets a user change their own role or access', async () => {
    const admin = await as('root1');
    const own = await errorOf(admin.trpc.users.setRole.mutate({ userId: ids.get('root1') ?? 0, role: 'reviewer' }));
    expect(own.data).toMatchObject({ code: 'FORBIDDEN', reason: 'own_account' });
    expect(
      (await errorOf(admin.trpc.users.setDisabled.mutate({ userId: ids.get('root1') ?? 0, disabled: true }))).data
        ?.reason,
    ).toBe('own_account');
  });

  it('changes a role and ends that user’s sessions, so new rights start at the next sign-in', async () => {
    const rev = await as('rev');
    // A senior reviewer is granted under dual control: root1 asks, root2 approves.
    expect(
      await (await as('root1')).trpc.users.setRole.mutate({ userId: ids.get('rev') ?? 0, role: 'senior_reviewer' }),
    ).toEqual({ ok: true, pending: true });
    expect(await rev.trpc.auth.me.query()).toMatchObject({ role: 'reviewer' });
    const root2 = await as('root2');
    const [grant] = await root2.trpc.users.grants.query();
    await root2.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: true });
    expect(await rev.trpc.auth.me.query()).toBeNull();
    expect(await (await as('rev')).trpc.auth.me.query()).toMatchObject({ role: 'senior_reviewer' });
    const event = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'user.role_changed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data ?? '{}')).toEqual({ before: 'reviewer', after: 'senior_reviewer' });
  });

  it('keeps the last active admin', async () => {
    const ctx = {
      db: server.db,
      clock: systemClock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: { actor: { type: 'user' as const, id: String(ids.get('tri')) } },
    };
    await (await as('root1')).trpc.users.setDisabled.mutate({ userId: ids.get('root2') ?? 0, disabled: true });
    await expect(setStaffDisabled(ctx, { userId: ids.get('root1') ?? 0, disabled: true })).rejects.toMatchObject({
      reason: 'last_admin',
    });
    await (await as('root1')).trpc.users.setDisabled.mutate({ userId: ids.get('root2') ?? 0, disabled: false });
    await expect(setStaffDisabled(ctx, { userId: ids.get('root1') ?? 0, disabled: true })).resolves.toEqual({
      ok: true,
    });
    await (await as('root2')).trpc.users.setDisabled.mutate({ userId: ids.get('root1') ?? 0, disabled: false });
  });

  it('resets a password: old sessions end, the old password stops working, common ones are refused', async () => {
    const tri = await as('tri');
    const admin = await as('root2');
    const weak = await errorOf(
      admin.trpc.users.resetPassword.mutate({ userId: ids.get('tri') ?? 0, password: 'Password2024!' }),
    );
    expect(weak.data?.reason).toBe('password_common');
    await admin.trpc.users.resetPassword.mutate({ userId: ids.get('tri') ?? 0, password: '钱塘江-潮水-0918' });
    expect(await tri.trpc.auth.me.query()).toBeNull();
    expect((await errorOf(as('tri'))).data?.reason).toBe('invalid_credentials');
    await as('tri', '钱塘江-潮水-0918');
    const events = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'user.password_reset')
      .execute();
    expect(JSON.stringify(events)).not.toContain('钱塘江');
  });

  it('masks phone and address, and reveals one field for a stated reason, audited', async () => {
    const token = await createIntegrationToken(server.db, `intake-${backend}`, ['intake']);
    const intake = createApiClient(server.url, { authorization: `Bearer ${token}` });
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({
        subject: { id: 'B-PII', kind: 'buyer', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' },
        rule: 'member-rights-abuse',
      }),
    );
    const rev = await as('rev');
    const detail = await rev.trpc.cases.get.query({ id: caseId });
    expect(detail.subject).toMatchObject({ phoneMasked: '138****5678', addressMasked: '浙江省杭州市****' });
    expect(JSON.stringify(detail)).not.toContain('13812345678');

    const short = await errorOf(
      rev.trpc.subjects.revealPii.mutate({ subjectId: 'B-PII', field: 'phone', reason: 'x' }),
    );
    expect(short.data?.field).toBe('reason');
    const { value } = await rev.trpc.subjects.revealPii.mutate({
      subjectId: 'B-PII',
      field: 'phone',
      reason: '核实买家是否收到骚扰短信',
      caseId,
    });
    expect(value).toBe('13812345678');
    const event = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'pii.revealed')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: String(ids.get('rev')), target_type: 'subject', target_id: 'B-PII' });
    expect(JSON.parse(event.data ?? '{}')).toEqual({ field: 'phone', reason: '核实买家是否收到骚扰短信', caseId });
    const tri = await as('tri', '钱塘江-潮水-0918');
    expect(
      (
        await errorOf(
          tri.trpc.subjects.revealPii.mutate({ subjectId: 'B-PII', field: 'address', reason: '想看看地址' }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });
});
