import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileTables } from '../../server/audit/reconcileTables';
import { verifyChain } from '../../server/audit/verifyChain';
import { systemClock } from '../../server/clock';
import { DEMO_CASE_COUNT, seedDemoData } from '../../server/demo/seedDemo';
import { builtInRulebooks } from '../../server/rulebooks';
import { subjectStanding } from '../../server/services/subjectStanding.service';
import { RULE_IDS } from '../../shared/api/intake';
import { ROLES } from '../../shared/auth/roles';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { PLATFORM_IDS, platformOfRule } from '../../shared/rulebook/platforms';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('demo data on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true });
  });
  afterAll(() => server.stop());

  it('seeds a user for every main staff role and returns their logins', async () => {
    const users = await server.db.selectFrom('users').select(['username', 'role']).execute();
    const roles = new Set(users.map((u) => u.role));
    for (const role of ['admin', 'lead', 'reviewer', 'appeals_officer', 'auditor'] as const)
      expect(roles).toContain(role);
    expect([...roles].every((r) => ROLES.includes(r))).toBe(true);
    expect(server.demoLogins?.map((l) => l.username).sort()).toEqual(users.map((u) => u.username).sort());
  });

  it('seeds Chinese cases across the violation families, each with its report', async () => {
    const cases = await server.db
      .selectFrom('cases')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .select(['cases.rule', 'cases.summary', 'subjects.name'])
      .execute();
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(RULE_IDS));
    expect(cases.every((c) => /[\u4e00-\u9fff]/.test(c.summary) && /[\u4e00-\u9fff]/.test(c.name ?? ''))).toBe(true);
    const reports = await server.db.selectFrom('reports').select('case_id').execute();
    expect(new Set(reports.map((r) => r.case_id)).size).toBe(DEMO_CASE_COUNT);
  });

  it('seeds subjects of every platform, each case under a rule of its subject platform', async () => {
    const cases = await server.db
      .selectFrom('cases')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .select(['cases.rule', 'subjects.platform'])
      .execute();
    expect(new Set(cases.map((c) => c.platform))).toEqual(new Set(PLATFORM_IDS));
    expect(cases.filter((c) => platformOfRule(c.rule) !== c.platform)).toEqual([]);
    // Some of the other platforms' cases were decided, by their own rulebooks.
    const decided = await server.db
      .selectFrom('violations')
      .innerJoin('subjects', 'subjects.id', 'violations.subject_id')
      .select('subjects.platform')
      .distinct()
      .execute();
    expect(decided.map((d) => d.platform).sort()).toEqual([...PLATFORM_IDS].sort());
  });

  it('closed every closed demo case through a decision, with its violation, notice and audit event', async () => {
    const closed = await server.db
      .selectFrom('cases')
      .select(['id', 'status'])
      .where('status', 'not in', [...OPEN_CASE_STATUSES])
      .execute();
    expect(closed.length).toBeGreaterThan(100);
    const decisions = await server.db
      .selectFrom('decisions')
      .select(['case_id', 'kind', 'status', 'id'])
      .where('status', '=', 'effective')
      .execute();
    const decisionOf = new Map(decisions.map((d) => [d.case_id, d]));
    expect(closed.filter((c) => !decisionOf.has(c.id)).map((c) => c.id)).toEqual([]);
    const violations = await server.db.selectFrom('violations').select(['case_id', 'decision_id']).execute();
    const applied = decisions.filter((d) => d.kind === 'apply');
    expect(applied.length).toBeGreaterThan(20);
    expect(violations.map((v) => v.decision_id).sort()).toEqual(applied.map((d) => d.id).sort());
    const notices = await server.db.selectFrom('notices').select('decision_id').execute();
    expect(new Set(notices.map((n) => n.decision_id))).toEqual(
      new Set(decisions.filter((d) => d.kind !== 'dismiss').map((d) => d.id)),
    );
    const decided = await server.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'case.decided')
      .execute();
    expect(new Set(decided.map((e) => Number(e.target_id)))).toEqual(new Set(closed.map((c) => c.id)));
    // Applied findings reached the outbox in the same transactions.
    const announced = await server.db.selectFrom('outbox_messages').select('type').execute();
    expect(announced.filter((m) => m.type === 'notice.issued')).toHaveLength(notices.length);
  });

  it('scores triage on the violations on record, the same findings the standing counts', async () => {
    const cases = await server.db.selectFrom('cases').select(['id', 'subject_id', 'triage']).execute();
    const reports = await server.db.selectFrom('reports').select(['case_id', 'created_at']).execute();
    const violations = await server.db.selectFrom('violations').select(['subject_id', 'created_at']).execute();
    const priorAt = (subjectId: string, at: string) =>
      violations.filter((v) => v.subject_id === subjectId && v.created_at <= at).length;
    const mismatched = cases.filter((c) => {
      const factors = JSON.parse(c.triage ?? '[]') as { factor: string; value: number }[];
      const prior = factors.find((f) => f.factor === 'subjectStanding')?.value;
      // Triage is scored when the case is filed, and again when a report merges into it.
      const times = reports.filter((r) => r.case_id === c.id).map((r) => r.created_at);
      return !times.some((t) => priorAt(c.subject_id, t) === prior);
    });
    expect(mismatched.map((c) => c.id)).toEqual([]);
    expect(cases.some((c) => (JSON.parse(c.triage ?? '[]') as { value: unknown }[]).some((f) => Number(f.value) > 0)));
    const now = new Date();
    for (const subjectId of new Set(violations.map((v) => v.subject_id))) {
      const standing = await subjectStanding(server.db, builtInRulebooks, subjectId, now);
      expect(standing.findings, subjectId).toHaveLength(violations.filter((v) => v.subject_id === subjectId).length);
    }
  });

  it('tags a few demo cases and subjects in Chinese, and shares one queue view', async () => {
    const tags = await server.db.selectFrom('tags').select('name_zh').execute();
    expect(tags.map((t) => t.name_zh).sort()).toEqual(['团伙', '复犯', '媒体关注'].sort());
    const tagged = await server.db.selectFrom('case_tags').select('case_id').execute();
    expect(tagged.length).toBeGreaterThan(0);
    const views = await server.db.selectFrom('saved_views').select(['name', 'shared_queue']).execute();
    expect(views).toEqual([{ name: '团伙刷单·按时限', shared_queue: 'fake-transaction' }]);
  });

  it('has QA history: policies on the queues, a mix of agreed, upheld, waiting and open tasks, Chinese notes', async () => {
    const policies = await server.db.selectFrom('qa_policies').select('queue_id').execute();
    expect(policies.length).toBeGreaterThanOrEqual(4);
    const tasks = await server.db.selectFrom('qa_tasks').select(['status', 'submitted_at', 'lead_note']).execute();
    expect(tasks.length).toBeGreaterThan(25);
    expect(tasks.length).toBeLessThan(70);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['agreed', 'upheld', 'disagreed', 'open']));
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
    expect(tasks.filter((t) => t.submitted_at && t.submitted_at >= weekAgo).length).toBeGreaterThan(5);
    const notes = tasks.flatMap((t) => (t.lead_note ? [t.lead_note] : []));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
  });

  it('does not seed twice, and leaves an intact audit chain', async () => {
    await seedDemoData({ db: server.db, clock: systemClock, rulebooks: builtInRulebooks });
    const cases = await server.db.selectFrom('cases').select('id').execute();
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    const chain = await verifyChain(server.db);
    expect(chain.ok).toBe(true);
    expect(chain.count).toBeGreaterThan(0);
  });

  it('reconciles every business table with the trail, cases included', async () => {
    expect(await reconcileTables(server.db)).toMatchObject({ mismatches: [], mismatchCount: 0 });
    // Every demo case went through the desk's use cases, so each is compared: an edited one is named.
    const c = await server.db.selectFrom('cases').select(['id', 'status']).orderBy('id').executeTakeFirstOrThrow();
    const forged = c.status === 'final' ? 'dismissed' : 'final';
    await server.db.updateTable('cases').set({ status: forged }).where('id', '=', c.id).execute();
    try {
      expect((await reconcileTables(server.db)).mismatches).toEqual([
        { table: 'cases', id: String(c.id), field: 'status', expected: c.status, actual: forged },
      ]);
    } finally {
      await server.db.updateTable('cases').set({ status: c.status }).where('id', '=', c.id).execute();
    }
  });
});
