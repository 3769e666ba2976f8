import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { NOTE_EDIT_WINDOW_MS } from '../../shared/notes/editWindow';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { inboxStream } from '../support/inboxStream';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('internal notes on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock(new Date());
  let reviewer: Client;
  let colleague: Client;
  let triager: Client;
  let auditor: Client;
  let caseId: number;
  const subjectId = 'M-NOTES';

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    await createStaff(server.db, [
      { username: 'li.na', role: 'reviewer' },
      { username: 'wang.wei', role: 'reviewer' },
      { username: 'zhao.triage', role: 'triager' },
      { username: 'qian.audit', role: 'auditor' },
      { username: 'gone', role: 'reviewer' },
    ]);
    await server.db
      .updateTable('users')
      .set({ disabled_at: clock.now().toISOString() })
      .where('username', '=', 'gone')
      .execute();
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    reviewer = await signIn(server.url, 'li.na', TEST_PASSWORD);
    colleague = await signIn(server.url, 'wang.wei', TEST_PASSWORD);
    triager = await signIn(server.url, 'zhao.triage', TEST_PASSWORD);
    auditor = await signIn(server.url, 'qian.audit', TEST_PASSWORD);
    ({ caseId } = await triager.trpc.reports.submit.mutate(
      reportInput({ subject: { id: subjectId, kind: 'merchant', name: '悦享数码' } }),
    ));
  });
  afterAll(() => server.stop());

  const auditOf = (action: string) =>
    server.db
      .selectFrom('audit_events')
      .select(['target_type', 'target_id', 'actor_id', 'data'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  it('adds notes to a case and a subject, shows them in cases.get, notes.list and the case history, audited', async () => {
    const { id } = await reviewer.trpc.notes.add.mutate({
      target: { type: 'case', id: caseId },
      text: '**重点**：与 M-2002 共用收货地址，请 @wang.wei 核对',
    });
    await triager.trpc.notes.add.mutate({ target: { type: 'subject', id: subjectId }, text: '该商家去年已有同类案件' });

    const detail = await colleague.trpc.cases.get.query({ id: caseId });
    expect(detail.notes).toHaveLength(1);
    expect(detail.notes[0]).toMatchObject({
      id,
      target: { type: 'case', id: caseId },
      author: { username: 'li.na' },
      text: '**重点**：与 M-2002 共用收货地址，请 @wang.wei 核对',
      version: 1,
      mentions: [{ username: 'wang.wei' }],
    });
    // Auditors read notes (cases.read) but do not write them.
    expect(await auditor.trpc.notes.list.query({ target: { type: 'subject', id: subjectId } })).toMatchObject([
      { author: { username: 'zhao.triage' }, text: '该商家去年已有同类案件' },
    ]);
    const refused = await errorOf(
      auditor.trpc.notes.add.mutate({ target: { type: 'case', id: caseId }, text: '旁观' }),
    );
    expect(refused.data?.code).toBe('FORBIDDEN');

    const history = await colleague.trpc.cases.history.query({ id: caseId });
    expect(history.timeline.find((e) => e.action === 'note.added')).toMatchObject({
      actor: { name: expect.any(String) },
      data: { noteId: id, text: expect.stringContaining('共用收货地址'), mentioned: ['wang.wei'] },
    });
    expect((await auditOf('note.added')).map((e) => `${e.target_type}:${e.target_id}`)).toEqual([
      `case:${caseId}`,
      `subject:${subjectId}`,
    ]);

    const unknownCase = await errorOf(
      reviewer.trpc.notes.add.mutate({ target: { type: 'case', id: 999_999 }, text: 'x' }),
    );
    expect(unknownCase.data).toMatchObject({ code: 'NOT_FOUND', reason: 'case_not_found' });
    const unknownSubject = await errorOf(reviewer.trpc.notes.list.query({ target: { type: 'subject', id: 'M-NONE' } }));
    expect(unknownSubject.data).toMatchObject({ code: 'NOT_FOUND', reason: 'subject_not_found' });
  });

  it('lets the author edit for ten minutes by the desk clock, keeps before and after, then freezes the note', async () => {
    const { id } = await reviewer.trpc.notes.add.mutate({ target: { type: 'case', id: caseId }, text: '初稿' });
    const notMine = await errorOf(colleague.trpc.notes.edit.mutate({ id, text: '改别人的' }));
    expect(notMine.data).toMatchObject({ code: 'FORBIDDEN', reason: 'not_note_author' });

    clock.advance(NOTE_EDIT_WINDOW_MS - 1000);
    expect(await reviewer.trpc.notes.edit.mutate({ id, text: '定稿', version: 1 })).toEqual({ id, version: 2 });
    const stale = await errorOf(reviewer.trpc.notes.edit.mutate({ id, text: '旧版本上改', version: 1 }));
    expect(stale.data).toMatchObject({ code: 'CONFLICT', reason: 'note_changed' });

    clock.advance(2000);
    const frozen = await errorOf(reviewer.trpc.notes.edit.mutate({ id, text: '太迟了' }));
    expect(frozen.data).toMatchObject({ code: 'FORBIDDEN', reason: 'note_frozen' });
    expect((await reviewer.trpc.notes.list.query({ target: { type: 'case', id: caseId } })).at(-1)).toMatchObject({
      id,
      text: '定稿',
      version: 2,
    });
    expect((await auditOf('note.edited')).map((e) => JSON.parse(e.data ?? '{}'))).toEqual([
      { noteId: id, version: 2, before: '初稿', after: '定稿', mentioned: [] },
    ]);
  });

  it('puts a mention in the inbox of staff who can see the target, live, and nobody else', async () => {
    const stream = await inboxStream(server.url, colleague);
    const before = (await colleague.trpc.inbox.list.query()).unread;
    const { id } = await reviewer.trpc.notes.add.mutate({
      target: { type: 'subject', id: subjectId },
      text: '@wang.wei @gone @nobody @li.na 看一下 `@zhao.triage`',
    });
    const [note] = (await reviewer.trpc.notes.list.query({ target: { type: 'subject', id: subjectId } })).filter(
      (n) => n.id === id,
    );
    // A disabled account, an unknown name, the author and a name in code stay plain text.
    expect(note?.mentions.map((m) => m.username)).toEqual(['wang.wei']);
    await expect.poll(() => stream.pings, { timeout: 2000, interval: 20 }).toBe(1);
    stream.close();

    const inbox = await colleague.trpc.inbox.list.query();
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({
      noteId: id,
      target: { type: 'subject', id: subjectId },
      targetTitle: '悦享数码',
      author: { username: 'li.na' },
      // Plain text for the menu: the code span's marks are gone, the words stay.
      excerpt: '@wang.wei @gone @nobody @li.na 看一下 @zhao.triage',
      readAt: null,
    });
    expect((await triager.trpc.inbox.list.query()).items).toEqual([]);
    // Marking read touches only one's own items.
    expect(await triager.trpc.inbox.markRead.mutate({ ids: [inbox.items[0]?.id ?? 0] })).toEqual({ unread: 0 });
    expect((await colleague.trpc.inbox.list.query()).unread).toBe(before + 1);
    expect(await colleague.trpc.inbox.markRead.mutate({ ids: [inbox.items[0]?.id ?? 0] })).toEqual({ unread: before });
    expect(await colleague.trpc.inbox.markRead.mutate({})).toEqual({ unread: 0 });

    // An edit that adds a mention notifies only the newly mentioned.
    await reviewer.trpc.notes.edit.mutate({ id, text: '@wang.wei @zhao.triage 看一下' });
    expect((await triager.trpc.inbox.list.query()).unread).toBe(1);
    expect((await colleague.trpc.inbox.list.query()).unread).toBe(0);
  });

  it('answers hostile text with 400 and the field', async () => {
    const target = { type: 'case' as const, id: caseId };
    const tooLong = await errorOf(reviewer.trpc.notes.add.mutate({ target, text: '长'.repeat(10_001) }));
    expect(tooLong.data).toMatchObject({ code: 'BAD_REQUEST', field: 'text' });
    const lone = await errorOf(reviewer.trpc.notes.add.mutate({ target, text: 'a\ud800b' }));
    expect(lone.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'malformed_text', field: 'text' });
    const blank = await errorOf(reviewer.trpc.notes.add.mutate({ target, text: '  \n ' }));
    expect(blank.data).toMatchObject({ code: 'BAD_REQUEST', field: 'text' });
    const wrongId = await errorOf(
      reviewer.trpc.notes.add.mutate({ target: { type: 'case', id: 'x' as unknown as number }, text: 'x' }),
    );
    expect(wrongId.data).toMatchObject({ code: 'BAD_REQUEST', field: 'target.id' });
    // The longest note is accepted, and markup-looking HTML is stored as the text it is.
    const { id } = await reviewer.trpc.notes.add.mutate({ target, text: `<script>x</script>${'长'.repeat(9_982)}` });
    expect(id).toBeGreaterThan(0);
  });

  it('loses no update to 20 parallel edits: one per version wins, the rest are told, never a 500', async () => {
    const { id } = await reviewer.trpc.notes.add.mutate({ target: { type: 'case', id: caseId }, text: 'v1' });
    const fromV1 = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => reviewer.trpc.notes.edit.mutate({ id, text: `甲${i}`, version: 1 })),
    );
    expect(fromV1.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of fromV1.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.data).toMatchObject({ code: 'CONFLICT', reason: 'note_changed' });

    // Without a version each edit applies to the text it found: they take turns, none is lost.
    const unversioned = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => reviewer.trpc.notes.edit.mutate({ id, text: `乙${i}` })),
    );
    expect(unversioned.filter((r) => r.status === 'rejected')).toEqual([]);
    const edits = (await auditOf('note.edited'))
      .map((e) => JSON.parse(e.data ?? '{}') as { noteId: number; version: number; before: string; after: string })
      .filter((e) => e.noteId === id);
    expect(edits.map((e) => e.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 2));
    for (const [i, e] of edits.entries()) expect(e.before).toBe(i === 0 ? 'v1' : edits[i - 1]?.after);
    const [stored] = (await reviewer.trpc.notes.list.query({ target: { type: 'case', id: caseId } })).filter(
      (n) => n.id === id,
    );
    expect(stored).toMatchObject({ version: 22, text: edits.at(-1)?.after });
  });
});
