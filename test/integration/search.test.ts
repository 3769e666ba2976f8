import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api/search';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;

/** The highlighted parts of a hit's snippet, as the reviewer sees them marked. */
const marked = (hit: SearchHit) => hit.highlights.map((h) => hit.snippet.slice(h.start, h.end));
const keyOf = (hit: SearchHit) => `${hit.type}:${hit.id}`;

describe.each(BACKENDS)('free-text search on %s', (backend) => {
  let server: TestServer;
  let triager: Client;
  let reviewer: Client;
  let gang: { caseId: number; reportId: number };
  let boots: { caseId: number; reportId: number };
  let groupBuy: { caseId: number; reportId: number };

  const search = (q: string, limit?: number) => reviewer.trpc.search.query.query({ q, limit });
  const keys = async (q: string) => (await search(q)).items.map(keyOf).sort();

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(server.db, [
      { username: 'triager1', role: 'triager' },
      { username: 'reviewer1', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], position: 99, members: [staff.get('reviewer1') ?? 0] });
    triager = await signIn(server.url, 'triager1', TEST_PASSWORD);
    reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
    gang = await triager.trpc.reports.submit.mutate(
      reportInput({
        externalId: 'EXT-GANG-1',
        subject: { id: 'M-TB-0042', kind: 'merchant', name: '杭州悦享数码专营店', phone: '13800138000' },
        summary: '店铺组织刷单团伙，虚构交易提升销量',
        evidence: [{ kind: 'text', title: '聊天记录摘录', text: '买家称收到返现 5 元，要求给好评；SKU xzy123' }],
      }),
    );
    boots = await triager.trpc.reports.submit.mutate(
      reportInput({
        externalId: 'EXT-BOOTS-1',
        subject: { id: 'M-TB-0077', kind: 'merchant', name: 'Acme Outdoor Store' },
        summary: 'Seller pays for fake Reviews on hiking boots',
      }),
    );
    groupBuy = await triager.trpc.reports.submit.mutate(
      reportInput({
        externalId: 'EXT-GROUP-1',
        subject: { id: 'M-TB-0100', kind: 'merchant', name: '团购优选' },
        rule: 'member-rights-abuse',
        summary: '团购活动价格异常',
      }),
    );
  });
  afterAll(() => server.stop());

  it('finds a two-character Chinese word as a substring, and only where it occurs', async () => {
    expect(await keys('团伙')).toEqual([`case:${gang.caseId}`, `report:${gang.reportId}`]);
    const [hit] = (await search('团伙')).items;
    expect(hit).toMatchObject({
      title: '店铺组织刷单团伙，虚构交易提升销量',
      caseId: gang.caseId,
      subjectId: 'M-TB-0042',
    });
    expect(hit && marked(hit)).toEqual(['团伙']);
    // 团 alone: both the gang and the group buy (a one-character term uses the gram index too).
    const single = await keys('团');
    expect(single).toEqual(
      expect.arrayContaining([`case:${gang.caseId}`, `case:${groupBuy.caseId}`, 'subject:M-TB-0100']),
    );
    expect(single).not.toContain(`case:${boots.caseId}`);
  });

  it('finds longer Chinese phrases, several terms at once, and marks each', async () => {
    expect(await keys('刷单团伙')).toEqual([`case:${gang.caseId}`, `report:${gang.reportId}`]);
    expect(await keys('虚构交易 刷单')).toEqual([`case:${gang.caseId}`, `report:${gang.reportId}`]);
    // Both terms must be in the same row: the case says 团伙, only the evidence says 返现.
    expect(await keys('团伙 返现')).toEqual([]);
    const [evidence] = (await search('返现 好评')).items;
    expect(evidence).toMatchObject({ type: 'evidence', title: '聊天记录摘录', caseId: gang.caseId });
    expect(evidence && marked(evidence)).toEqual(['返现', '好评']);
  });

  it('finds English words regardless of case, and ids (full-width input too)', async () => {
    const hits = (await search('REVIEWS')).items;
    expect(hits.map(keyOf).sort()).toEqual([`case:${boots.caseId}`, `report:${boots.reportId}`]);
    expect(hits[0] && marked(hits[0])).toEqual(['Reviews']);
    // The subject's name, and the report that gave it.
    expect(await keys('acme')).toEqual([`report:${boots.reportId}`, 'subject:M-TB-0077']);
    expect(await keys('M-TB-0042')).toEqual(['subject:M-TB-0042']);
    expect(await keys('ｍ－ｔｂ－００４２')).toEqual(['subject:M-TB-0042']);
    expect(await keys('EXT-BOOTS-1')).toEqual([`report:${boots.reportId}`]);
    expect((await search('Reviews', 1)).items).toHaveLength(1);
  });

  it('never finds a subject by personal data', async () => {
    expect(await keys('13800138000')).toEqual([]);
  });

  it('stays in step with renames, decisions and split reports', async () => {
    await triager.trpc.subjects.rename.mutate({ id: 'M-TB-0042', name: '悦享数码旗舰店', reason: '商家已更名' });
    expect(await keys('旗舰店')).toEqual(['subject:M-TB-0042']);
    // The report keeps the name it gave; the subject no longer answers to it.
    expect(await keys('专营店')).toEqual([`report:${gang.reportId}`]);

    const claimed = await reviewer.trpc.queue.next.mutate({ queue: 'general' });
    expect(claimed).not.toBeNull();
    const caseId = claimed?.caseId ?? 0;
    const { version } = await reviewer.trpc.cases.get.query({ id: caseId });
    const { decisionId } = await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version,
      decision: 'dismiss',
      reason: '核实后证据不足，不予处理',
    });
    const [decision] = (await search('证据不足')).items;
    expect(decision).toMatchObject({ type: 'decision', id: String(decisionId), caseId });

    const second = await triager.trpc.reports.submit.mutate(
      reportInput({
        externalId: 'EXT-GROUP-2',
        subject: { id: 'M-TB-0100', kind: 'merchant' },
        rule: 'member-rights-abuse',
        summary: '另一批团购订单涉嫌套现',
        evidence: [{ kind: 'text', title: '套现流水', text: '同一账户反复下单' }],
      }),
    );
    expect(second).toMatchObject({ caseId: groupBuy.caseId, merged: true });
    const split = await triager.trpc.cases.splitReport.mutate({ reportId: second.reportId, reason: '不同批次的行为' });
    const moved = (await search('套现')).items;
    expect(moved.map((h) => [h.type, h.caseId]).sort()).toEqual(
      [
        ['case', split.caseId],
        ['evidence', split.caseId],
        ['report', split.caseId],
      ].sort(),
    );
  });

  it('finds internal notes on cases and subjects, and follows their edits', async () => {
    const onCase = await reviewer.trpc.notes.add.mutate({
      target: { type: 'case', id: boots.caseId },
      text: '卖家曾在别的店铺用过同一批**假评论**',
    });
    const onSubject = await reviewer.trpc.notes.add.mutate({
      target: { type: 'subject', id: 'M-TB-0100' },
      text: '该会员与另一团购账号共用设备',
    });
    expect((await search('假评论')).items).toEqual([
      expect.objectContaining({ type: 'note', id: String(onCase.id), caseId: boots.caseId, subjectId: null }),
    ]);
    expect((await search('共用设备')).items).toEqual([
      expect.objectContaining({ type: 'note', id: String(onSubject.id), caseId: null, subjectId: 'M-TB-0100' }),
    ]);
    await reviewer.trpc.notes.edit.mutate({ id: onCase.id, text: '卖家曾在别的店铺刷过好评' });
    expect(await keys('假评论')).toEqual([]);
    expect(await keys('刷过好评')).toEqual([`note:${onCase.id}`]);
  });

  it('refuses bad queries with a 400 naming the field, and reads the rest literally', async () => {
    const refused = async (q: string) => (await errorOf(search(q))).data;
    expect(await refused('')).toMatchObject({ code: 'BAD_REQUEST', reason: 'search_query_empty', field: 'q' });
    expect(await refused('   ')).toMatchObject({ reason: 'search_query_empty', field: 'q' });
    expect(await refused('团'.repeat(101))).toMatchObject({ reason: 'search_query_too_long', field: 'q' });
    expect(await refused('"*" ( )')).toMatchObject({ reason: 'search_query_no_terms', field: 'q' });
    expect(await refused('a b c d e f g h i')).toMatchObject({ reason: 'search_query_too_many_terms', field: 'q' });
    expect((await refused('团\ud800伙'))?.code).toBe('BAD_REQUEST');
    expect(await refused('团\u0000伙')).toMatchObject({ reason: 'malformed_text', field: 'q' });
    // FTS and LIKE syntax is text: quotes and operators at a term's edges are dropped, inside kept.
    expect(await keys('"团伙"')).toEqual([`case:${gang.caseId}`, `report:${gang.reportId}`]);
    expect(await keys('团伙 OR 返现')).toEqual([]);
    expect(await keys('NEAR(团伙 返现)')).toEqual([]);
    expect(await keys('团伙*')).toEqual([`case:${gang.caseId}`, `report:${gang.reportId}`]);
    expect(await keys('x_y')).toEqual([]);
    expect(await keys('x%3')).toEqual([]);
    expect(await keys('xzy')).toEqual([`evidence:${(await evidenceIdOf(gang.caseId)) ?? 0}`]);
  });

  it('answers staff who may read cases, never integrations or strangers', async () => {
    const token = await createIntegrationToken(server.db, 'search-probe', ['intake']);
    const integration = createApiClient(server.url, { authorization: `Bearer ${token}` });
    expect((await errorOf(integration.trpc.search.query.query({ q: '团伙' }))).data?.code).toMatch(
      /FORBIDDEN|UNAUTHORIZED/,
    );
    const stranger = createApiClient(server.url);
    expect((await errorOf(stranger.trpc.search.query.query({ q: '团伙' }))).data?.code).toBe('UNAUTHORIZED');
    expect((await triager.trpc.search.query.query({ q: '团伙' })).items.length).toBeGreaterThan(0);
  });

  async function evidenceIdOf(caseId: number) {
    const row = await server.db.selectFrom('evidence').select('id').where('case_id', '=', caseId).executeTakeFirst();
    return row?.id;
  }
});
