import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const PASSWORD = 'Harbour-Lantern-Orchid-58';

describe.each(BACKENDS)('dual control of staff administration on %s', (backend) => {
  let server: TestServer;
  let ids: Map<string, number>;
  const as = (username: string) => signIn(server.url, username, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend);
    ids = await createStaff(server.db, [
      { username: 'ada', role: 'admin' },
      { username: 'bob', role: 'admin' },
      { username: 'cai', role: 'reviewer' },
    ]);
  });
  afterAll(() => server.stop());

  it('one admin cannot create a senior reviewer alone: another admin approves, and it is audited', async () => {
    const ada = await as('ada');
    const created = await ada.trpc.users.create.mutate({
      username: 'senior.two',
      displayName: '资深审核 二号',
      role: 'senior_reviewer',
      password: PASSWORD,
    });
    expect(created).toEqual({ id: null, grantId: expect.any(Number) });
    expect(await server.db.selectFrom('users').select('id').where('username', '=', 'senior.two').execute()).toEqual([]);
    expect((await errorOf(signIn(server.url, 'senior.two', PASSWORD))).data?.reason).toBe('invalid_credentials');

    // The requester sees the grant but cannot approve it.
    const [grant] = await ada.trpc.users.grants.query();
    expect(grant).toMatchObject({
      kind: 'create',
      username: 'senior.two',
      role: 'senior_reviewer',
      requestedBy: ids.get('ada'),
    });
    const own = await errorOf(ada.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: true }));
    expect(own.data).toMatchObject({ code: 'FORBIDDEN', reason: 'own_grant' });

    const bob = await as('bob');
    const { userId } = await bob.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: true });
    expect(await bob.trpc.users.grants.query()).toEqual([]);
    const again = await errorOf(bob.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: true }));
    expect(again.data?.reason).toBe('grant_not_pending');

    // The new member exists with the role, and must replace the password ada chose.
    const login = await (await signIn(server.url, 'senior.two', PASSWORD)).trpc.auth.me.query();
    expect(login).toMatchObject({ id: userId, role: 'senior_reviewer', gate: 'password_change' });
    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'target_type', 'target_id'])
      .where('action', 'in', ['user.grant_requested', 'user.grant_approved', 'user.created'])
      .where('actor_id', 'is not', null)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      {
        action: 'user.grant_requested',
        actor_id: String(ids.get('ada')),
        target_type: 'staff_grant',
        target_id: String(grant?.id),
      },
      { action: 'user.created', actor_id: String(ids.get('bob')), target_type: 'user', target_id: String(userId) },
      {
        action: 'user.grant_approved',
        actor_id: String(ids.get('bob')),
        target_type: 'staff_grant',
        target_id: String(grant?.id),
      },
    ]);
  });

  it('a role change to lead or admin waits for a second admin; rejecting leaves the role alone', async () => {
    const ada = await as('ada');
    const cai = ids.get('cai') ?? 0;
    expect(await ada.trpc.users.setRole.mutate({ userId: cai, role: 'admin' })).toEqual({ ok: true, pending: true });
    const pendingTwice = await errorOf(ada.trpc.users.setRole.mutate({ userId: cai, role: 'lead' }));
    expect(pendingTwice.data?.reason).toBe('grant_pending');
    const bob = await as('bob');
    const [grant] = await bob.trpc.users.grants.query();
    await bob.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: false });
    const row = await server.db.selectFrom('users').select('role').where('id', '=', cai).executeTakeFirstOrThrow();
    expect(row.role).toBe('reviewer');

    // Roles outside dual control change at once.
    expect(await ada.trpc.users.setRole.mutate({ userId: cai, role: 'appeals_officer' })).toEqual({
      ok: true,
      pending: false,
    });
    // And an approved role change applies, as a role change of the approving admin.
    await ada.trpc.users.setRole.mutate({ userId: cai, role: 'lead' });
    const [leadGrant] = await bob.trpc.users.grants.query();
    await bob.trpc.users.decideGrant.mutate({ grantId: leadGrant?.id ?? 0, approve: true });
    const changed = await server.db
      .selectFrom('audit_events')
      .select(['actor_id', 'data'])
      .where('action', '=', 'user.role_changed')
      .where('target_id', '=', String(cai))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(changed.actor_id).toBe(String(ids.get('bob')));
    expect(JSON.parse(changed.data ?? '{}')).toEqual({ before: 'appeals_officer', after: 'lead' });
    const rejected = await server.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'user.grant_rejected')
      .execute();
    expect(rejected).toHaveLength(1);
  });

  it('nobody but admins sees or decides grants', async () => {
    await createStaff(server.db, [{ username: 'lee', role: 'lead' }]);
    const lead = await as('lee');
    expect((await errorOf(lead.trpc.users.grants.query())).data?.code).toBe('FORBIDDEN');
  });
});
