/**
 * Saved queue views over real HTTP: each person's own, replaced by saving under the same name,
 * shared by a lead with a queue (its members see it, others do not), deleted only by their
 * owner, every change audited, and hostile input refused with the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_VIEW } from '../../shared/api/views';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('saved queue views on %s', (backend) => {
  let server: TestServer;
  let lead: Client;
  let member: Client;
  let outsider: Client;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'lead1', role: 'lead' },
      { username: 'member1', role: 'reviewer' },
      { username: 'outsider1', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'fraud', { members: [staff.get('member1') ?? 0] });
    lead = await signIn(server.url, 'lead1', TEST_PASSWORD);
    member = await signIn(server.url, 'member1', TEST_PASSWORD);
    outsider = await signIn(server.url, 'outsider1', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  const urgent = { ...DEFAULT_QUEUE_VIEW, queue: 'fraud', tags: ['gang'], sort: 'slaDueAt' as const };
  const actions = async () =>
    (
      await server.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'like', 'view.%')
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);

  it('keeps a person’s views to themselves, and saving a name again replaces that view', async () => {
    const first = await member.trpc.views.save.mutate({ name: ' 我的团伙 ', state: urgent });
    expect(first).toMatchObject({ name: '我的团伙', state: urgent, mine: true, sharedQueue: null });
    const again = await member.trpc.views.save.mutate({ name: '我的团伙', state: { ...urgent, sort: 'createdAt' } });
    expect(again.id).toBe(first.id);
    expect(await member.trpc.views.list.query()).toEqual([
      expect.objectContaining({ id: first.id, state: { ...urgent, sort: 'createdAt' } }),
    ]);
    expect(await outsider.trpc.views.list.query()).toEqual([]);
    // Parallel saves of one new name end as one view.
    await Promise.all([1, 2, 3].map(() => member.trpc.views.save.mutate({ name: '并发', state: urgent })));
    expect((await member.trpc.views.list.query()).filter((v) => v.name === '并发')).toHaveLength(1);
  });

  it('lets a lead share a view with a queue: its members see it, others do not', async () => {
    const view = await lead.trpc.views.save.mutate({ name: '团伙共享', state: urgent });
    const shared = await lead.trpc.views.share.mutate({ id: view.id, queue: 'fraud' });
    expect(shared).toMatchObject({ sharedQueue: 'fraud', mine: true });
    const seen = (await member.trpc.views.list.query()).find((v) => v.id === view.id);
    expect(seen).toMatchObject({ name: '团伙共享', mine: false, ownerName: 'lead1', state: urgent });
    expect((await outsider.trpc.views.list.query()).map((v) => v.id)).not.toContain(view.id);
    // Reviewers cannot share, and a member cannot delete the lead's view.
    const mineToShare = (await member.trpc.views.list.query()).find((v) => v.mine);
    expect(
      (await errorOf(member.trpc.views.share.mutate({ id: mineToShare?.id ?? 0, queue: 'fraud' }))).data?.code,
    ).toBe('FORBIDDEN');
    const notTheirs = await errorOf(member.trpc.views.delete.mutate({ id: view.id }));
    expect(notTheirs.data).toMatchObject({ code: 'NOT_FOUND', reason: 'view_not_found' });
    const noQueue = await errorOf(lead.trpc.views.share.mutate({ id: view.id, queue: 'nowhere' }));
    expect(noQueue.data).toMatchObject({ code: 'NOT_FOUND', reason: 'queue_not_found' });

    await lead.trpc.views.delete.mutate({ id: view.id });
    expect((await member.trpc.views.list.query()).map((v) => v.id)).not.toContain(view.id);
    expect(await actions()).toEqual(expect.arrayContaining(['view.saved', 'view.shared', 'view.deleted']));
    const [deleted] = await server.db
      .selectFrom('audit_events')
      .select(['target_type', 'data'])
      .where('action', '=', 'view.deleted')
      .execute();
    expect(deleted?.target_type).toBe('saved_view');
    expect(JSON.parse(deleted?.data ?? '{}')).toEqual({ name: '团伙共享', sharedQueue: 'fraud' });
  });

  it('refuses hostile views with the field at fault', async () => {
    const bad = (state: Record<string, unknown>, name = '坏视图') =>
      errorOf(member.trpc.views.save.mutate({ name, state: { ...DEFAULT_QUEUE_VIEW, ...state } as never }));
    expect((await bad({ sort: 'drop table' })).data).toMatchObject({ code: 'BAD_REQUEST', field: 'state.sort' });
    expect((await bad({ tags: ['<script>'] })).data).toMatchObject({ code: 'BAD_REQUEST', field: 'state.tags.0' });
    expect((await bad({ queue: 'a'.repeat(200) })).data).toMatchObject({ code: 'BAD_REQUEST', field: 'state.queue' });
    expect((await bad({}, ' ')).data).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
    expect((await bad({}, '名'.repeat(41))).data).toMatchObject({ code: 'BAD_REQUEST', field: 'name' });
  });
});
