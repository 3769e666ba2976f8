import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { loadRulebooks } from '../../server/rulebooks';
import { WEBHOOK_PAYLOADS } from '../../shared/api/webhookPayloads';
import { PLATFORM_IDS, type Rulebook, rulebookOf, type Standing } from '../../shared/rulebook';
import { localDate } from '../../shared/rulebook/time';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = Awaited<ReturnType<typeof signIn>>;
const DAY = 86_400_000;
const TAOBAO_OFFSET = rulebookOf('taobao').utcOffsetMinutes;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(BACKENDS)('rulebook drafts and publication on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock(new Date());
  let admin: Client;
  let second: Client;
  let third: Client;
  let reviewer: Client;
  let file: (subjectId: string) => Promise<{ caseId: number }>;
  const platformDate = (offsetDays: number) => localDate(clock.now().getTime() + offsetDays * DAY, TAOBAO_OFFSET);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock, env: { DESK_RULEBOOK_POLL_SECONDS: '0' } });
    const staff = await createStaff(server.db, [
      { username: 'adm.one', role: 'admin' },
      { username: 'adm.two', role: 'admin' },
      { username: 'adm.three', role: 'admin' },
      { username: 'rb.rev', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [staff.get('rb.rev') as number] });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'rb-intake', ['intake'])}`,
    });
    file = (subjectId) =>
      intake.trpc.reports.submit.mutate(
        reportInput({ subject: { id: subjectId, kind: 'merchant', name: '规则测试店' } }),
      );
    admin = await signIn(server.url, 'adm.one', TEST_PASSWORD);
    second = await signIn(server.url, 'adm.two', TEST_PASSWORD);
    third = await signIn(server.url, 'adm.three', TEST_PASSWORD);
    reviewer = await signIn(server.url, 'rb.rev', TEST_PASSWORD);
  });
  afterAll(() => server.stop());

  /** A fake-transaction finding on `subjectId` (12 general points: the general ledger's first node). */
  async function decideFinding(subjectId: string) {
    const { caseId } = await file(subjectId);
    await reviewer.trpc.queue.next.mutate({});
    const c = await reviewer.trpc.cases.get.query({ id: caseId });
    expect(c.assignee?.name).toBeTruthy();
    const result = await reviewer.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts: { transactions: 120, items: ['item-1'] },
      reason: '刷单证据确凿',
    });
    return { caseId, decisionId: result.decisionId };
  }

  /** A pending draft of Taobao's rulebook whose general node lasts `days`, asked for by `admin`. */
  async function pendingDraft(days: number) {
    const draft = await admin.trpc.rulebook.drafts.create.mutate({ platform: 'taobao' });
    const { rulebook } = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });
    const edited = copy(rulebook) as { ledgers: Record<string, { nodes: { kind: string; days?: number } }> };
    (edited.ledgers.general as { nodes: { days: number } }).nodes.days = days;
    const saved = await admin.trpc.rulebook.drafts.update.mutate({
      id: draft.id,
      version: draft.version,
      rulebook: edited,
    });
    await admin.trpc.rulebook.drafts.publish.mutate({ id: draft.id, effectiveFrom: platformDate(1) });
    return saved;
  }

  it('imports exactly the built-in rulebooks as version 1 of each platform', async () => {
    const rows = await server.db.selectFrom('rulebook_versions').selectAll().where('version', '=', 1).execute();
    expect(rows.map((r) => r.platform).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const row of rows) {
      expect(JSON.parse(row.rulebook), row.platform).toEqual(copy(rulebookOf(row.platform)));
      expect(row).toMatchObject({ effective_from: '1970-01-01', published_by: null, approved_by: null });
    }
  });

  it('publishes a changed node duration only with a second admin, and old decisions keep their version', async () => {
    const { caseId, decisionId } = await decideFinding('M-RB-OLD');
    const previewBefore = await server.db
      .selectFrom('decisions')
      .select('preview')
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow();
    const standingBefore = (await reviewer.trpc.accounts.standing.query({
      subjectId: 'M-RB-OLD',
    })) as unknown as Standing;
    const findingBefore = standingBefore.findings[0];
    expect(findingBefore).toMatchObject({ rule: 'fake-transaction', points: 12 });

    const draft = await admin.trpc.rulebook.drafts.create.mutate({ platform: 'taobao' });
    expect(draft).toMatchObject({ status: 'draft', basedOnVersion: 1, version: 1, createdBy: { username: 'adm.one' } });
    const opened = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });
    expect(opened.issues).toEqual([]);
    expect(opened.diff).toEqual({ added: [], removed: [], changed: [], other: [] });
    expect(opened.current).toEqual({ version: 1, effectiveFrom: '1970-01-01' });

    const edited = copy(opened.rulebook) as Rulebook;
    const general = edited.ledgers.general as { nodes: { kind: 'every'; days: number | null } };
    expect(general.nodes.days).toBe(7);
    general.nodes.days = 14;
    const saved = await admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, version: 1, rulebook: edited });
    expect(saved.version).toBe(2);
    const reread = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });
    expect(reread.diff).toEqual({
      added: [],
      removed: [],
      changed: [],
      other: [{ path: 'ledgers.general.nodes.days', before: 7, after: 14 }],
    });

    const tomorrow = platformDate(1);
    const pending = await admin.trpc.rulebook.drafts.publish.mutate({ id: draft.id, effectiveFrom: tomorrow });
    expect(pending).toMatchObject({
      status: 'pending_approval',
      effectiveFrom: tomorrow,
      publishRequestedBy: { username: 'adm.one' },
    });
    // Four-eyes: the requester cannot approve; a pending draft cannot be edited.
    const own = await errorOf(admin.trpc.rulebook.drafts.approve.mutate({ id: draft.id }));
    expect(own.data).toMatchObject({ code: 'FORBIDDEN', reason: 'rulebook_approver_is_requester' });
    const late = await errorOf(admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, rulebook: edited }));
    expect(late.data).toMatchObject({ code: 'CONFLICT', reason: 'rulebook_draft_not_editable' });
    // A reviewer holds no rulebook.manage.
    expect((await errorOf(reviewer.trpc.rulebook.drafts.approve.mutate({ id: draft.id }))).data?.code).toBe(
      'FORBIDDEN',
    );

    const approved = await second.trpc.rulebook.drafts.approve.mutate({ id: draft.id });
    expect(approved).toMatchObject({ platform: 'taobao', version: 2, effectiveFrom: tomorrow });
    expect(approved.draft).toMatchObject({ status: 'published', publishedVersion: 2 });

    // Published for tomorrow: today still judges by version 1.
    const versions = await reviewer.trpc.rulebook.versions.query({ platform: 'taobao' });
    expect(versions.map((v) => [v.version, v.inForce])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(versions[0]).toMatchObject({ publishedBy: { username: 'adm.one' }, approvedBy: { username: 'adm.two' } });
    const today = await reviewer.trpc.rulebook.get.query({ platform: 'taobao' });
    expect(today.ledgers.find((l) => l.id === 'general')?.nodes).toMatchObject({ days: 7 });
    expect(await reviewer.trpc.accounts.standing.query({ subjectId: 'M-RB-OLD' })).toEqual(standingBefore);

    // From its date on, version 2 is in force; the old finding keeps its rule version and points,
    // and the decision's preview (what the reviewer saw and the notice said) is untouched.
    // Two days on (the reviewer signs in again: a session lapses over days; the admins' sign-in
    // codes follow the real clock, so they act only before the jump and after the clock is back).
    const start = clock.now();
    clock.advance(2 * DAY);
    reviewer = await signIn(server.url, 'rb.rev', TEST_PASSWORD);
    const after = await reviewer.trpc.rulebook.get.query({ platform: 'taobao' });
    expect(after.ledgers.find((l) => l.id === 'general')?.nodes).toMatchObject({ days: 14 });
    expect((await reviewer.trpc.rulebook.versions.query({ platform: 'taobao' }))[0]?.inForce).toBe(true);
    const standingAfter = (await reviewer.trpc.accounts.standing.query({
      subjectId: 'M-RB-OLD',
    })) as unknown as Standing;
    expect(standingAfter.findings[0]).toMatchObject({
      id: findingBefore?.id,
      ruleVersion: findingBefore?.ruleVersion,
      points: 12,
      basis: findingBefore?.basis,
    });
    const previewAfter = await server.db
      .selectFrom('decisions')
      .select('preview')
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow();
    expect(previewAfter.preview).toBe(previewBefore.preview);
    const history = await reviewer.trpc.cases.history.query({ id: caseId });
    expect(history.notices).toHaveLength(1);
    clock.set(start);
    reviewer = await signIn(server.url, 'rb.rev', TEST_PASSWORD);

    // The stored version is the draft, and the whole story is in the audit trail and the outbox.
    const row = await server.db
      .selectFrom('rulebook_versions')
      .selectAll()
      .where('platform', '=', 'taobao')
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.rulebook)).toEqual(edited);
    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_type', 'target_id', 'data'])
      .where('target_type', '=', 'rulebook_draft')
      .where('target_id', '=', String(draft.id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'rulebook.draft_created',
      'rulebook.draft_updated',
      'rulebook.publish_requested',
      'rulebook.published',
    ]);
    expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({
      fields: ['ledgers.general.nodes.days'],
      fieldCount: 1,
    });
    expect(JSON.parse(events[2]?.data ?? '{}')).toMatchObject({
      effectiveFrom: tomorrow,
      otherFields: ['ledgers.general.nodes.days'],
    });
    const message = await server.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('type', '=', 'rulebook.published')
      .executeTakeFirstOrThrow();
    const payload = { ...JSON.parse(message.payload), sequence: message.id };
    expect(WEBHOOK_PAYLOADS['rulebook.published'].safeParse(payload).error).toBeUndefined();
    expect(payload).toMatchObject({
      subject: { id: 'rulebook:taobao', platform: 'taobao' },
      platform: 'taobao',
      version: 2,
      previousVersion: 1,
      effectiveFrom: tomorrow,
      changes: { changedRules: [], otherFields: ['ledgers.general.nodes.days'] },
    });
  });

  it('refuses an invalid draft at the field, and an edit of a rule version already in force', async () => {
    const draft = await admin.trpc.rulebook.drafts.create.mutate({ platform: 'taobao' });
    const { rulebook } = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });

    const negative = copy(rulebook) as Rulebook;
    (negative.rules[2]?.versions[0]?.cases[0] as { points: unknown }).points = -1;
    const refused = await errorOf(admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, rulebook: negative }));
    expect(refused.data).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_rulebook',
      field: 'rules[2].versions[0].cases[0].points',
    });
    expect(refused.message).toBe('rules[2].versions[0].cases[0].points: expected 0 or more');

    const unknownMeasure = copy(rulebook) as Rulebook;
    (
      unknownMeasure.ledgers.serious as unknown as { nodes: { nodes: { measures: string[] }[] } }
    ).nodes.nodes[0]?.measures.push('no-such-measure');
    const inconsistent = await errorOf(
      admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, rulebook: unknownMeasure }),
    );
    expect(inconsistent.data).toMatchObject({ reason: 'invalid_rulebook', field: 'ledgers.serious' });

    const misspelt = { ...copy(rulebook), ledgerz: {} };
    expect(
      (await errorOf(admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, rulebook: misspelt }))).data,
    ).toMatchObject({
      reason: 'invalid_rulebook',
      field: 'ledgerz',
    });
    // Hostile text is a 400, never stored.
    const hostile = copy(rulebook) as Rulebook;
    (hostile.name as { zh: string }).zh = 'x'.repeat(100_000);
    expect(
      (await errorOf(admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, rulebook: hostile }))).data?.httpStatus,
    ).toBe(400);
    expect((await admin.trpc.rulebook.drafts.get.query({ id: draft.id })).draft.version).toBe(1);

    // Live check of unsaved edits: the same problems, nothing written.
    const checked = await admin.trpc.rulebook.drafts.check.mutate({ id: draft.id, rulebook: negative });
    expect(checked.issues[0]).toEqual({ path: 'rules[2].versions[0].cases[0].points', message: 'expected 0 or more' });

    // A rule version in force since long ago can only be superseded, not edited.
    const pastEdit = copy(rulebook) as Rulebook;
    const basis = pastEdit.rules[0]?.versions[0]?.cases[0]?.basis as { zh: string };
    basis.zh = `${basis.zh}（改）`;
    await admin.trpc.rulebook.drafts.update.mutate({ id: draft.id, version: 1, rulebook: pastEdit });
    const past = await errorOf(
      admin.trpc.rulebook.drafts.publish.mutate({ id: draft.id, effectiveFrom: platformDate(1) }),
    );
    expect(past.data).toMatchObject({
      reason: 'rulebook_past_version_changed',
      field: 'rules[0].versions[0].cases[0].basis.zh',
    });
    expect((await admin.trpc.rulebook.drafts.get.query({ id: draft.id })).issues[0]?.path).toBe(
      'rules[0].versions[0].cases[0].basis.zh',
    );
    const yesterday = await errorOf(
      admin.trpc.rulebook.drafts.publish.mutate({ id: draft.id, effectiveFrom: platformDate(-1) }),
    );
    expect(yesterday.data).toMatchObject({ reason: 'rulebook_effective_date_passed', field: 'effectiveFrom' });
    const discarded = await admin.trpc.rulebook.drafts.discard.mutate({ id: draft.id });
    expect(discarded.status).toBe('discarded');
  });

  it('gives one winner among parallel edits of the same revision', async () => {
    const draft = await admin.trpc.rulebook.drafts.create.mutate({ platform: 'xianyu' });
    const { rulebook } = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });
    const edits = [admin, second, third, admin, second].map((client, i) => {
      const edited = copy(rulebook) as Rulebook;
      (edited.name as { en: string }).en = `Xianyu rules, edit ${i}`;
      return client.trpc.rulebook.drafts.update.mutate({ id: draft.id, version: draft.version, rulebook: edited });
    });
    const results = await Promise.allSettled(edits);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason.data).toMatchObject({ code: 'CONFLICT', reason: 'rulebook_draft_changed' });
    const stored = await admin.trpc.rulebook.drafts.get.query({ id: draft.id });
    expect(stored.draft.version).toBe(2);
    expect(stored.diff.other).toHaveLength(1);
  });

  it('publishes once under 20 parallel approvals, and another instance learns of the version', async () => {
    const other = await loadRulebooks(server.db, clock, { pollMs: 0 });
    const before = other.inForce('taobao').version;
    const draft = await pendingDraft(10);
    const approvals = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? second : third).trpc.rulebook.drafts.approve.mutate({ id: draft.id }),
      ),
    );
    expect(approvals.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of approvals)
      if (r.status === 'rejected')
        expect(r.reason.data).toMatchObject({ code: 'CONFLICT', reason: 'rulebook_draft_not_pending' });
    const versions = await server.db
      .selectFrom('rulebook_versions')
      .select('version')
      .where('platform', '=', 'taobao')
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const messages = await server.db
      .selectFrom('outbox_messages')
      .select('payload')
      .where('type', '=', 'rulebook.published')
      .execute();
    expect(messages.map((m) => JSON.parse(m.payload).version)).toEqual([2, 3]);
    const published = await server.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'rulebook.published')
      .where('target_id', '=', String(draft.id))
      .execute();
    expect(published).toHaveLength(1);

    // A second instance reading the same database picks the new version up on its next look.
    await other.refresh(server.db);
    const start = clock.now();
    clock.advance(2 * DAY);
    expect(other.inForce('taobao').version).toBe(3);
    expect(other.ofPlatform('taobao').ledgers.general?.nodes).toMatchObject({ days: 10 });
    clock.set(start);
    expect(other.inForce('taobao').version).toBe(before);

    // A draft copied from version 2 cannot overwrite version 3 unseen.
    const stale = await admin.trpc.rulebook.drafts.create.mutate({ platform: 'taobao', from: 2 });
    const refused = await errorOf(
      admin.trpc.rulebook.drafts.publish.mutate({ id: stale.id, effectiveFrom: platformDate(1) }),
    );
    expect(refused.data).toMatchObject({ code: 'CONFLICT', reason: 'rulebook_draft_outdated' });
  });
});
