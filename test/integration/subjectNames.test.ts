import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('subject names on %s', (backend) => {
  let server: TestServer;
  let triager: Client;
  let reviewer: Client;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [
      { username: 'triager1', role: 'triager' },
      { username: 'reviewer1', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    triager = await signIn(server.url, 'triager1', TEST_PASSWORD);
    reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  const subjectName = async (id: string) =>
    (await server.db.selectFrom('subjects').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
  const events = (action: string) =>
    server.db.selectFrom('audit_events').select(['actor_id', 'data']).where('action', '=', action).execute();

  it('keeps the name each report gave on the report, and never renames the subject at intake', async () => {
    const subject = { id: 'M-NAME', kind: 'merchant' as const };
    const first = await triager.trpc.reports.submit.mutate(reportInput({ subject: { ...subject, name: '悦享数码' } }));
    await triager.trpc.reports.submit.mutate(reportInput({ subject: { ...subject, name: '冒名顶替店' } }));
    expect(await subjectName('M-NAME')).toBe('悦享数码');
    const detail = await triager.trpc.cases.get.query({ id: first.caseId });
    expect(detail.reports.map((r) => r.subjectName)).toEqual(['悦享数码', '冒名顶替店']);
    expect(await events('subject.renamed')).toEqual([]);
  });

  it('renames a subject only through subjects.rename, with a reason, audited', async () => {
    const renamed = await triager.trpc.subjects.rename.mutate({
      id: 'M-NAME',
      name: '悦享数码旗舰店',
      reason: '商家已更名',
    });
    expect(renamed).toEqual({ id: 'M-NAME', name: '悦享数码旗舰店' });
    expect(await subjectName('M-NAME')).toBe('悦享数码旗舰店');
    const [event] = await events('subject.renamed');
    expect(JSON.parse(event?.data ?? '{}')).toEqual({ from: '悦享数码', to: '悦享数码旗舰店', reason: '商家已更名' });

    expect(
      (await errorOf(reviewer.trpc.subjects.rename.mutate({ id: 'M-NAME', name: 'x', reason: 'y' }))).data?.code,
    ).toBe('FORBIDDEN');
    const noReason = await errorOf(triager.trpc.subjects.rename.mutate({ id: 'M-NAME', name: 'x', reason: ' ' }));
    expect(noReason.data).toMatchObject({ code: 'BAD_REQUEST', field: 'reason' });
    const unknown = await errorOf(triager.trpc.subjects.rename.mutate({ id: 'M-NONE', name: 'x', reason: 'y' }));
    expect(unknown.data?.code).toBe('NOT_FOUND');
    expect(await subjectName('M-NAME')).toBe('悦享数码旗舰店');
  });
});
