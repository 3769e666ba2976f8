/**
 * Tags over real HTTP: the vocabulary leads keep, tags put on cases and subjects by staff who
 * work cases, the queue's tag filter, the audit of every change, and hostile input (trimmed
 * and bounded names, duplicate names, 20 parallel applications of one tag).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(BACKENDS)('tags on %s', (backend) => {
  let server: TestServer;
  let lead: Client;
  let reviewer: Client;
  let auditor: Client;
  let gangCase: number;
  let otherCase: number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await createStaff(server.db, [
      { username: 'lead1', role: 'lead' },
      { username: 'reviewer1', role: 'reviewer' },
      { username: 'auditor1', role: 'auditor' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    lead = await signIn(server.url, 'lead1', TEST_PASSWORD);
    reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
    auditor = await signIn(server.url, 'auditor1', TEST_PASSWORD);
    const file = (id: string) =>
      lead.trpc.reports.submit.mutate(reportInput({ subject: { id, kind: 'merchant', name: '测试店铺' } }));
    gangCase = (await file('M-TAG-1')).caseId;
    otherCase = (await file('M-TAG-2')).caseId;
  });
  afterAll(() => server.stop());

  const events = async (action: string) =>
    (
      await server.db
        .selectFrom('audit_events')
        .select(['target_type', 'target_id', 'data'])
        .where('action', '=', action)
        .orderBy('seq')
        .execute()
    ).map((e) => ({ target: `${e.target_type}:${e.target_id}`, data: JSON.parse(e.data ?? 'null') }));

  it('lets a lead keep the vocabulary: created with a slug id, renamed, retired, all audited', async () => {
    const gang = await lead.trpc.tags.create.mutate({ nameZh: '  团伙 ', nameEn: 'Gang', color: '#D32F2F' });
    expect(gang).toEqual({ id: 'gang' });
    await lead.trpc.tags.create.mutate({ nameZh: '复犯', nameEn: 'Repeat offender', color: '#f57c00' });
    await lead.trpc.tags.create.mutate({ nameZh: '媒体关注', nameEn: 'Media attention', color: '#1976d2' });
    const renamed = await lead.trpc.tags.update.mutate({ id: 'media-attention', nameZh: '舆情关注' });
    expect(renamed).toMatchObject({ id: 'media-attention', nameZh: '舆情关注', nameEn: 'Media attention' });
    expect(await lead.trpc.tags.list.query()).toEqual([
      { id: 'gang', nameZh: '团伙', nameEn: 'Gang', color: '#d32f2f', retired: false },
      { id: 'repeat-offender', nameZh: '复犯', nameEn: 'Repeat offender', color: '#f57c00', retired: false },
      { id: 'media-attention', nameZh: '舆情关注', nameEn: 'Media attention', color: '#1976d2', retired: false },
    ]);
    expect(await events('tag.created')).toContainEqual({
      target: 'tag:gang',
      data: { nameZh: '团伙', nameEn: 'Gang', color: '#d32f2f' },
    });
    const [update] = await events('tag.updated');
    expect(update?.data.before).toMatchObject({ nameZh: '媒体关注', retired: false });
    expect(update?.data.after).toMatchObject({ nameZh: '舆情关注', retired: false });
  });

  it('refuses duplicate, blank and overlong names with a reason and the field, never a 500', async () => {
    const sameZh = await errorOf(lead.trpc.tags.create.mutate({ nameZh: '团伙', nameEn: 'Ring', color: '#000000' }));
    expect(sameZh.data).toMatchObject({ code: 'CONFLICT', reason: 'tag_name_taken', field: 'nameZh' });
    const sameEn = await errorOf(lead.trpc.tags.create.mutate({ nameZh: '团体', nameEn: 'GANG', color: '#000000' }));
    expect(sameEn.data).toMatchObject({ code: 'CONFLICT', reason: 'tag_name_taken', field: 'nameEn' });
    const renameOnto = await errorOf(lead.trpc.tags.update.mutate({ id: 'repeat-offender', nameZh: '团伙' }));
    expect(renameOnto.data).toMatchObject({ reason: 'tag_name_taken', field: 'nameZh' });
    const blank = await errorOf(lead.trpc.tags.create.mutate({ nameZh: '   ', nameEn: 'x', color: '#000000' }));
    expect(blank.data).toMatchObject({ code: 'BAD_REQUEST', field: 'nameZh' });
    const long = await errorOf(lead.trpc.tags.create.mutate({ nameZh: '长'.repeat(21), nameEn: 'x', color: '#000' }));
    expect(long.data).toMatchObject({ code: 'BAD_REQUEST' });
    const colour = await errorOf(lead.trpc.tags.create.mutate({ nameZh: '新', nameEn: 'New', color: 'red' }));
    expect(colour.data).toMatchObject({ code: 'BAD_REQUEST', field: 'color' });
    const badId = await errorOf(
      reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: gangCase }, tagId: '../团伙' }),
    );
    expect(badId.data).toMatchObject({ code: 'BAD_REQUEST', field: 'tagId' });
    // Two leads creating one name at once: one tag, and a clear refusal for the other.
    const race = await Promise.allSettled(
      [1, 2].map(() => lead.trpc.tags.create.mutate({ nameZh: '同时', nameEn: 'Same time', color: '#000000' })),
    );
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = race.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason.data).toMatchObject({ reason: 'tag_name_taken' });
  });

  it('makes 20 parallel applications of one tag to one case one row and one event', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: gangCase }, tagId: 'gang' }),
      ),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await reviewer.trpc.tags.on.query({ target: { type: 'case', id: gangCase } })).toEqual({
      tagIds: ['gang'],
    });
    expect(await events('tag.applied')).toEqual([
      { target: `case:${gangCase}`, data: { tagId: 'gang', nameZh: '团伙', nameEn: 'Gang' } },
    ]);
  });

  it('tags subjects, shows both in queue rows and filters the queue by every tag asked for', async () => {
    await reviewer.trpc.tags.add.mutate({ target: { type: 'subject', id: 'M-TAG-2' }, tagId: 'repeat-offender' });
    await reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: gangCase }, tagId: 'repeat-offender' });
    const list = (tags?: string[]) => reviewer.trpc.cases.list.query({ status: 'all', tags });
    const rows = (await list()).items;
    expect(rows.find((r) => r.id === gangCase)).toMatchObject({ tags: ['gang', 'repeat-offender'], subjectTags: [] });
    expect(rows.find((r) => r.id === otherCase)).toMatchObject({ tags: [], subjectTags: ['repeat-offender'] });

    expect((await list(['gang'])).items.map((r) => r.id)).toEqual([gangCase]);
    // A subject's tag counts for each of its cases.
    expect((await list(['repeat-offender'])).items.map((r) => r.id).sort()).toEqual([gangCase, otherCase].sort());
    const both = await list(['gang', 'repeat-offender']);
    expect(both).toMatchObject({ total: 1, items: [{ id: gangCase }] });
    expect((await list(['media-attention'])).total).toBe(0);
    expect((await list(['no-such-tag'])).total).toBe(0);
    expect(await events('tag.applied')).toContainEqual({
      target: 'subject:M-TAG-2',
      data: { tagId: 'repeat-offender', nameZh: '复犯', nameEn: 'Repeat offender' },
    });
  });

  it('takes a tag off (audited once), and never puts a retired tag on again', async () => {
    const target = { type: 'case' as const, id: gangCase };
    expect(await reviewer.trpc.tags.remove.mutate({ target, tagId: 'repeat-offender' })).toEqual({ removed: true });
    expect(await reviewer.trpc.tags.remove.mutate({ target, tagId: 'repeat-offender' })).toEqual({ removed: false });
    expect(await events('tag.removed')).toEqual([
      { target: `case:${gangCase}`, data: { tagId: 'repeat-offender', nameZh: '复犯', nameEn: 'Repeat offender' } },
    ]);

    await lead.trpc.tags.update.mutate({ id: 'gang', retired: true });
    // Still on the case it was put on, and still named.
    expect((await reviewer.trpc.tags.on.query({ target })).tagIds).toEqual(['gang']);
    expect((await reviewer.trpc.tags.list.query()).find((t) => t.id === 'gang')?.retired).toBe(true);
    const retired = await errorOf(
      reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: otherCase }, tagId: 'gang' }),
    );
    expect(retired.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'tag_retired', field: 'tagId' });
    await lead.trpc.tags.update.mutate({ id: 'gang', retired: false });
    expect(
      (await reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: otherCase }, tagId: 'gang' })).applied,
    ).toBe(true);

    const missing = await errorOf(
      reviewer.trpc.tags.add.mutate({ target: { type: 'case', id: 999_999 }, tagId: 'gang' }),
    );
    expect(missing.data).toMatchObject({ code: 'NOT_FOUND', reason: 'case_not_found' });
    const noTag = await errorOf(reviewer.trpc.tags.add.mutate({ target, tagId: 'nope' }));
    expect(noTag.data).toMatchObject({ code: 'NOT_FOUND', reason: 'tag_not_found' });
  });

  it('leaves the vocabulary to leads and tagging to staff who work cases', async () => {
    const create = await errorOf(
      reviewer.trpc.tags.create.mutate({ nameZh: '越权', nameEn: 'Overreach', color: '#000000' }),
    );
    expect(create.data?.code).toBe('FORBIDDEN');
    const apply = await errorOf(
      auditor.trpc.tags.add.mutate({ target: { type: 'case', id: gangCase }, tagId: 'repeat-offender' }),
    );
    expect(apply.data?.code).toBe('FORBIDDEN');
    // Reading is for everyone who reads cases.
    expect((await auditor.trpc.tags.on.query({ target: { type: 'case', id: gangCase } })).tagIds).toEqual(['gang']);
  });
});
