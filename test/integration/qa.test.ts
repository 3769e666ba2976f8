/**
 * Quality assurance at the service level, on a real database: sampling when a decision takes
 * effect (the rate checked statistically with a seeded generator, last: its cases skip intake's audit events, which the reconciliation checks before it would name, and what is always sampled),
 * the race-free hand-out of tasks, the blind task view, field-by-field scoring, and a lead's
 * adjudication through the decision path (standing, notice and outbox follow).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileTables } from '../../server/audit/reconcileTables';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { getCase } from '../../server/services/caseDetail.service';
import { caseHistory } from '../../server/services/caseHistory.service';
import { approveDecision, decideCase } from '../../server/services/decisions.service';
import { submitReport } from '../../server/services/intake.service';
import { adjudicate, listAdjudications } from '../../server/services/qaAdjudication.service';
import { listQaPolicies, setQaPolicy } from '../../server/services/qaPolicy.service';
import {
  getQaTask,
  myQaResults,
  nextQaTask,
  previewQaVerdict,
  submitQaVerdict,
} from '../../server/services/qaReview.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { subjectStanding } from '../../server/services/subjectStanding.service';
import { DeskError } from '../../shared/errors/deskError';
import { platformOfRule } from '../../shared/rulebook/platforms';
import { createQueue, createStaff, insertTriagedCases, reportInput, systemContext } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

/** A small seeded generator (mulberry32): the same draws on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(BACKENDS)('quality assurance on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let staff: Map<string, number>;
  const clock = fakeClock('2026-03-02T02:00:00.000Z');
  let subjectSeq = 0;
  let random: () => number = () => 0.99;

  const as = (username: string): ServiceContext => ({
    db,
    clock,
    rulebooks: builtInRulebooks,
    bus: new ChangeBus(),
    audit: { actor: { type: 'user', id: String(staff.get(username)) } },
    random: () => random(),
  });
  const id = (username: string) => staff.get(username) ?? 0;

  async function file(queue: string, rule = 'fake-transaction') {
    const subjectId = `M-QA${++subjectSeq}`;
    const out = await submitReport(
      systemContext(db, clock),
      reportInput({
        rule,
        summary: `质检测试 ${queue}`,
        subject: { id: subjectId, kind: 'merchant', name: '质检测试店铺', platform: platformOfRule(rule) },
      }),
    );
    const c = await getCase({ db, clock }, out.caseId);
    expect(c.queue).toBe(queue);
    return { caseId: c.id, version: c.version, subjectId };
  }

  /** Files a case and decides it; returns the case, its subject and the decision. */
  async function decided(
    who: string,
    queue: string,
    decision: {
      decision: 'apply' | 'waive' | 'dismiss';
      facts?: Record<string, unknown>;
      reason?: string;
      violationAt?: string;
    },
    rule = 'fake-transaction',
  ) {
    const c = await file(queue, rule);
    const out = await decideCase(as(who), {
      id: c.caseId,
      version: c.version,
      reason: decision.reason ?? '经核实',
      ...decision,
    });
    return { ...c, decisionId: out.decisionId, status: out.status };
  }

  const taskOf = (decisionId: number) =>
    db.selectFrom('qa_tasks').selectAll().where('decision_id', '=', decisionId).executeTakeFirst();

  async function refusal(p: Promise<unknown>): Promise<DeskError> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(err instanceof DeskError)) throw new Error(`expected a DeskError, got ${String(err)}`);
    return err;
  }

  /** Takes the task of `decisionId` for `who` (other open tasks are taken by `who` too, and left). */
  async function takeTask(who: string, decisionId: number): Promise<number> {
    for (;;) {
      const next = await nextQaTask(as(who));
      if (!next) throw new Error(`no task for decision ${decisionId}`);
      const task = await taskOf(decisionId);
      if (task?.id === next.taskId) return next.taskId;
      // Someone else's task in the way: answer it so `next` moves on.
      await submitQaVerdict(as(who), { taskId: next.taskId, decision: 'dismiss', reason: '让路' });
    }
  }

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    const reviewers = Array.from({ length: 20 }, (_, i) => ({ username: `qa${i}`, role: 'reviewer' as const }));
    staff = await createStaff(db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'senior2', role: 'senior_reviewer' },
      { username: 'lead', role: 'lead' },
      { username: 'lead2', role: 'lead' },
      ...reviewers,
    ]);
    const members = [...staff.values()];
    // Each test routes its own rule to its own queue, so their tasks never mix.
    await createQueue(db, 'rate', { members });
    await createQueue(db, 'always', { routeRules: ['improper-registration', 'counterfeit'], position: 2, members });
    await createQueue(db, 'general', { routeRules: [], position: 99, members });
  });
  afterAll(async () => {
    await database.close();
  });

  it('always samples the listed rules, seals and serious waivers, with the approver kept', async () => {
    random = () => 0.99; // never by chance
    const policy = await setQaPolicy(as('lead'), {
      queueId: 'always',
      percent: 0,
      alwaysRules: ['counterfeit'],
      alwaysSeals: true,
      alwaysSeriousWaivers: true,
    });
    expect(policy).toMatchObject({ alwaysRules: ['counterfeit'], updatedBy: { id: id('lead') } });
    expect((await listQaPolicies(as('rev'))).map((p) => p.queueId)).toContain('always');

    const counterfeit = await decided('rev', 'always', { decision: 'apply', facts: { kind: 'sale' } }, 'counterfeit');
    expect(await taskOf(counterfeit.decisionId)).toMatchObject({ sample_reason: 'rule', reviewer_id: id('rev') });

    // 20 accounts: 48 serious points, the account sealed; four-eyes, then sampled on approval.
    const seal = await decided(
      'senior',
      'always',
      { decision: 'apply', facts: { accounts: 20 } },
      'improper-registration',
    );
    expect(seal.status).toBe('pending_approval');
    expect(await taskOf(seal.decisionId)).toBeUndefined();
    await approveDecision(as('senior2'), { decisionId: seal.decisionId });
    expect(await taskOf(seal.decisionId)).toMatchObject({
      sample_reason: 'seal',
      reviewer_id: id('senior'),
      approver_id: id('senior2'),
    });

    const waiver = await decided(
      'senior',
      'always',
      { decision: 'waive', facts: { accounts: 20 } },
      'improper-registration',
    );
    await approveDecision(as('senior2'), { decisionId: waiver.decisionId });
    expect(await taskOf(waiver.decisionId)).toMatchObject({ sample_reason: 'serious_waiver' });

    // Anything else under the same rule is left to chance, and chance said no.
    const dismissal = await decided('rev', 'always', { decision: 'dismiss' }, 'improper-registration');
    expect(await taskOf(dismissal.decisionId)).toBeUndefined();

    // Neither the decider nor the approver is handed the task.
    expect(await nextQaTask(as('senior2'))).toMatchObject({ taskId: (await taskOf(counterfeit.decisionId))?.id });
    await submitQaVerdict(as('senior2'), {
      taskId: (await taskOf(counterfeit.decisionId))?.id ?? 0,
      decision: 'apply',
      facts: { kind: 'sale' },
      reason: '同意',
    });
    expect(await nextQaTask(as('senior2'))).toBeNull();
    expect(await nextQaTask(as('senior'))).toBeNull();
    await db.updateTable('qa_tasks').set({ status: 'agreed', agreed: 1 }).where('status', '=', 'open').execute();
  });

  it('hands each open task to one reviewer only, under 20 parallel qa.next', async () => {
    await setQaPolicy(as('lead'), { queueId: 'general', percent: 100 });
    random = () => 0;
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await decided('rev', 'general', { decision: 'dismiss' }));
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => nextQaTask(as(`qa${i}`))));
    const ids = got.filter((g) => g !== null).map((g) => g.taskId);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    const taken = await db
      .selectFrom('qa_tasks')
      .select(['id', 'qa_reviewer_id'])
      .where('status', '=', 'taken')
      .execute();
    expect(taken).toHaveLength(8);
    expect(new Set(taken.map((t) => t.qa_reviewer_id)).size).toBe(8);
    // Asking again resumes the held task rather than taking another.
    const holder = got.findIndex((g) => g !== null);
    expect(await nextQaTask(as(`qa${holder}`))).toEqual(got[holder]);
    for (const [i, g] of got.entries()) {
      if (g) await submitQaVerdict(as(`qa${i}`), { taskId: g.taskId, decision: 'dismiss', reason: '同意驳回' });
    }
  });

  it('shows the QA reviewer the case blind: nothing of the first decision in the output', async () => {
    random = () => 0;
    const secretReason = '第一次决定的秘密理由-7Q3X';
    const first = await decided('rev', 'general', {
      decision: 'apply',
      facts: { transactions: 137, items: ['商品-秘密-91'] },
      violationAt: '2026-02-20T09:17:00+08:00',
      reason: secretReason,
    });
    const taskId = await takeTask('qa1', first.decisionId);
    const view = await getQaTask(as('qa1'), taskId);
    expect(view.case.id).toBe(first.caseId);
    expect(view.case.reports.length).toBeGreaterThan(0);
    const out = JSON.stringify(view);
    const history = await caseHistory(db, first.caseId);
    const notices = history.notices.map((n) => n.bodyZh);
    expect(notices.length).toBeGreaterThan(0);
    const traces = [
      secretReason,
      '商品-秘密-91',
      '137',
      '2026-02-20',
      'rev',
      `V${first.decisionId}`,
      'decisionId',
      'decided',
      'appeal_window',
      'notice',
      'standing',
      'assignee',
      ...notices.map((n) => n.slice(0, 20)),
    ];
    for (const t of traces) expect(out, t).not.toContain(t);
    // Only its holder sees it.
    expect(await refusal(getQaTask(as('qa2'), taskId))).toMatchObject({ reason: 'qa_task_not_yours' });
    expect(await refusal(getQaTask(as('rev'), taskId))).toMatchObject({ reason: 'qa_task_not_yours' });
    await submitQaVerdict(as('qa1'), { taskId, decision: 'apply', facts: { transactions: 137 }, reason: '同意' });
  });

  it('scores each field: kind, rule, points (by the engine) and measures', async () => {
    random = () => 0;
    // 120 and 200 transactions, first time: both 12 general points (《淘宝虚假交易认定与处罚细则》).
    const a = await decided('rev', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const ta = await takeTask('qa3', a.decisionId);
    const preview = await previewQaVerdict(as('qa3'), { taskId: ta, decision: 'apply', facts: { transactions: 200 } });
    expect(preview).toMatchObject({ ledger: 'general', points: 12 });
    const agreed = await submitQaVerdict(as('qa3'), {
      taskId: ta,
      decision: 'apply',
      facts: { transactions: 200 },
      reason: '笔数不同，扣分相同',
    });
    expect(agreed).toMatchObject({
      status: 'agreed',
      scores: { kind: 'agree', rule: 'agree', points: 'agree', measures: 'agree', agreed: true },
    });
    expect(
      await refusal(submitQaVerdict(as('qa3'), { taskId: ta, decision: 'dismiss', reason: '再交' })),
    ).toMatchObject({
      reason: 'qa_task_state',
    });

    // Fewer than 96: a correction without points; and items add a search demotion.
    const b = await decided('rev', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const tb = await takeTask('qa4', b.decisionId);
    expect(
      await refusal(submitQaVerdict(as('qa5'), { taskId: tb, decision: 'dismiss', reason: '抢答' })),
    ).toMatchObject({ reason: 'qa_task_not_yours' });
    const bad = await refusal(
      submitQaVerdict(as('qa4'), { taskId: tb, decision: 'apply', facts: { transactions: -1 }, reason: '坏' }),
    );
    expect(bad).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_facts',
      details: { field: 'facts.transactions' },
    });
    const family = await refusal(
      submitQaVerdict(as('qa4'), { taskId: tb, decision: 'apply', rule: 'counterfeit', facts: {}, reason: '坏' }),
    );
    expect(family).toMatchObject({ reason: 'rule_not_in_family', details: { field: 'rule' } });
    const points = await submitQaVerdict(as('qa4'), {
      taskId: tb,
      decision: 'apply',
      facts: { transactions: 20, items: ['item-9'] },
      reason: '笔数不足',
    });
    expect(points).toMatchObject({
      status: 'disagreed',
      scores: { kind: 'agree', rule: 'agree', points: 'disagree', measures: 'disagree', agreed: false },
    });

    // Dismissing what was applied: every finding field disagrees.
    const c = await decided('rev', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const tc = await takeTask('qa5', c.decisionId);
    const kind = await submitQaVerdict(as('qa5'), { taskId: tc, decision: 'dismiss', reason: '不构成' });
    expect(kind.scores).toMatchObject({ kind: 'disagree', rule: 'disagree', points: 'disagree', measures: 'disagree' });

    // Both dismiss: only the kind is scored.
    const d = await decided('rev', 'general', { decision: 'dismiss' });
    const td = await takeTask('qa6', d.decisionId);
    const both = await submitQaVerdict(as('qa6'), { taskId: td, decision: 'dismiss', reason: '同意' });
    expect(both).toMatchObject({
      status: 'agreed',
      scores: { kind: 'agree', rule: 'n/a', points: 'n/a', measures: 'n/a', agreed: true },
    });
    const submitted = await db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'qa.submitted')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(submitted.data ?? '{}')).toMatchObject({ taskId: td, agreed: true, scores: { kind: 'agree' } });
  });

  it('corrects a standing through the decision path: finding replaced, notice and outbox follow', async () => {
    random = () => 0;
    const first = await decided('rev', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const now = () => clock.now();
    expect((await subjectStanding(db, builtInRulebooks, first.subjectId, now())).points.general).toBe(12);
    const taskId = await takeTask('qa7', first.decisionId);
    const qa = await submitQaVerdict(as('qa7'), {
      taskId,
      decision: 'apply',
      facts: { transactions: 120, largeScale: true },
      reason: '短期内大规模',
    });
    expect(qa.status).toBe('disagreed');
    // The QA submission itself changes nothing on record.
    expect((await subjectStanding(db, builtInRulebooks, first.subjectId, now())).points.general).toBe(12);

    const backlog = await listAdjudications(as('lead'), { queueId: 'general' });
    const item = backlog.find((b) => b.taskId === taskId);
    expect(item).toMatchObject({
      first: { decision: 'apply', facts: { transactions: 120 }, by: { id: id('rev') } },
      second: { decision: 'apply', facts: { transactions: 120, largeScale: true }, by: { id: id('qa7') } },
      scores: { points: 'disagree' },
      canAdjudicate: true,
    });
    expect(await refusal(adjudicate(as('qa7'), { taskId, outcome: 'uphold', note: '自己' }))).toMatchObject({
      reason: 'qa_own_task',
    });

    const before = await db.selectFrom('outbox_messages').select('id').orderBy('id', 'desc').executeTakeFirst();
    clock.advance(3_600_000);
    const ruled = await adjudicate(as('lead'), { taskId, outcome: 'correct', note: '按质检结论更正为48分' });
    expect(ruled).toMatchObject({ status: 'corrected', decisionStatus: 'adjusted' });
    const standing = await subjectStanding(db, builtInRulebooks, first.subjectId, now());
    expect(standing.points.general).toBe(48);
    const violations = await db
      .selectFrom('violations')
      .select(['id', 'reversed_by'])
      .where('subject_id', '=', first.subjectId)
      .orderBy('id')
      .execute();
    expect(violations).toEqual([
      { id: `V${first.decisionId}`, reversed_by: `qa:${taskId}` },
      { id: `V${first.decisionId}-Q${taskId}`, reversed_by: null },
    ]);
    const decision = await db
      .selectFrom('decisions')
      .select(['status'])
      .where('id', '=', first.decisionId)
      .executeTakeFirst();
    expect(decision?.status).toBe('adjusted');
    const notice = await db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', ruled.noticeId ?? 0)
      .executeTakeFirst();
    expect(notice?.body_zh).toContain('48');
    expect(notice?.body_zh).toContain('按质检结论更正为48分');
    const messages = await db
      .selectFrom('outbox_messages')
      .select(['type', 'payload'])
      .where('subject_id', '=', first.subjectId)
      .where('id', '>', before?.id ?? 0)
      .orderBy('id')
      .execute();
    const types = messages.map((m) => m.type);
    expect(types).toContain('notice.issued');
    const issued = JSON.parse(messages.find((m) => m.type === 'notice.issued')?.payload ?? '{}');
    expect(issued).toMatchObject({
      decisionId: first.decisionId,
      points: 48,
      ledger: 'general',
      noticeId: ruled.noticeId,
    });
    const measureMessages = messages.filter((m) => m.type.startsWith('measure.')).map((m) => JSON.parse(m.payload));
    expect(measureMessages.length).toBeGreaterThan(0);
    for (const m of measureMessages)
      expect(m.cause).toEqual({ kind: 'qa', taskId, decisionId: first.decisionId, caseId: first.caseId });

    // The original reviewer sees the outcome and the note, not who reviewed.
    const mine = (await myQaResults(as('rev'))).find((m) => m.taskId === taskId);
    expect(mine).toMatchObject({ status: 'corrected', leadNote: '按质检结论更正为48分' });
    expect(Object.keys(mine ?? {})).not.toContain('qaReviewerId');
    expect(JSON.stringify(mine)).not.toContain('qa7');
    expect(await refusal(adjudicate(as('lead2'), { taskId, outcome: 'uphold', note: '再来' }))).toMatchObject({
      reason: 'qa_task_state',
    });
    expect((await reconcileTables(db)).mismatches).toEqual([]);
  });

  it('reverses a finding (measures lifted), upholds another, and never lets a lead rule on their own decision', async () => {
    random = () => 0;
    const first = await decided('rev', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const taskId = await takeTask('qa8', first.decisionId);
    await submitQaVerdict(as('qa8'), { taskId, decision: 'dismiss', reason: '证据不足' });
    const ruled = await adjudicate(as('lead'), { taskId, outcome: 'reverse', note: '证据不足，撤销' });
    expect(ruled).toMatchObject({ status: 'reversed', decisionStatus: 'overturned' });
    expect((await subjectStanding(db, builtInRulebooks, first.subjectId, clock.now())).points.general ?? 0).toBe(0);
    const lifted = await db
      .selectFrom('outbox_messages')
      .select('payload')
      .where('subject_id', '=', first.subjectId)
      .where('type', '=', 'measure.lifted')
      .execute();
    expect(lifted.length).toBeGreaterThan(0);
    expect(JSON.parse(lifted[0]?.payload ?? '{}')).toMatchObject({ reason: 'reversed', cause: { kind: 'qa', taskId } });
    const notice = await db
      .selectFrom('notices')
      .select(['body_zh', 'data'])
      .where('id', '=', ruled.noticeId ?? 0)
      .executeTakeFirst();
    expect(notice?.body_zh).toContain('原处理已撤销');
    expect(JSON.parse(notice?.data ?? '{}')).toMatchObject({ kind: 'qa_outcome', reversed: true });

    // A dismissal put nothing on record: there is nothing to reverse.
    const dismissed = await decided('rev', 'general', { decision: 'dismiss' });
    const t2 = await takeTask('qa9', dismissed.decisionId);
    await submitQaVerdict(as('qa9'), { taskId: t2, decision: 'apply', facts: { transactions: 120 }, reason: '应处罚' });
    expect(await refusal(adjudicate(as('lead'), { taskId: t2, outcome: 'reverse', note: '撤销' }))).toMatchObject({
      reason: 'qa_nothing_to_reverse',
    });
    const upheld = await adjudicate(as('lead'), { taskId: t2, outcome: 'uphold', note: '维持原判' });
    expect(upheld).toMatchObject({ status: 'upheld', decisionStatus: 'effective', noticeId: null });
    expect((await subjectStanding(db, builtInRulebooks, dismissed.subjectId, clock.now())).points.general ?? 0).toBe(0);

    // A lead's own decision goes to another lead.
    const leads = await decided('lead', 'general', { decision: 'apply', facts: { transactions: 120 } });
    const t3 = await takeTask('qa10', leads.decisionId);
    await submitQaVerdict(as('qa10'), { taskId: t3, decision: 'dismiss', reason: '不同意' });
    expect(await refusal(adjudicate(as('lead'), { taskId: t3, outcome: 'reverse', note: '自己' }))).toMatchObject({
      reason: 'qa_own_decision',
    });
    expect((await listAdjudications(as('lead'), {})).find((b) => b.taskId === t3)?.canAdjudicate).toBe(false);
    await adjudicate(as('lead2'), { taskId: t3, outcome: 'uphold', note: '维持' });
    const events = await db.selectFrom('audit_events').select('action').where('action', 'like', 'qa.%').execute();
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set(['qa.policy_set', 'qa.sampled', 'qa.task_taken', 'qa.submitted', 'qa.adjudicated']),
    );
    expect((await reconcileTables(db)).mismatches).toEqual([]);
  });

  it('samples at the set rate: 500 dismissals at 20% land within a binomial bound', async () => {
    await setQaPolicy(as('lead'), { queueId: 'rate', percent: 20 });
    random = seeded(22);
    // Cases put straight into the queue: the decision path is what is measured, not intake.
    const sampledEvents = async () =>
      Number(
        (
          await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('action', '=', 'qa.sampled')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const eventsBefore = await sampledEvents();
    await insertTriagedCases(db, 'rate', 500);
    const cases = await db.selectFrom('cases').select(['id', 'version']).where('queue', '=', 'rate').execute();
    expect(cases).toHaveLength(500);
    for (const c of cases) {
      await decideCase(as('rev'), { id: c.id, version: c.version, decision: 'dismiss', reason: '不构成违规' });
    }
    const rows = await db
      .selectFrom('qa_tasks')
      .select(['sample_reason', 'status'])
      .where('queue_id', '=', 'rate')
      .execute();
    // n = 500, p = 0.2: mean 100, standard deviation 8.9; four deviations either side.
    expect(rows.length).toBeGreaterThanOrEqual(64);
    expect(rows.length).toBeLessThanOrEqual(136);
    expect(new Set(rows.map((r) => `${r.sample_reason}/${r.status}`))).toEqual(new Set(['random/open']));
    expect((await sampledEvents()) - eventsBefore).toBe(rows.length);
  }, 300_000);
});
