/**
 * QA gold cases and calibration sessions at the service level, on a real database: the
 * redacted training copy (no personal data of the real case reaches it), gold served at the
 * queue's rate (checked against a seeded generator), a gold answer that leaves standing,
 * decisions, notices and the outbox untouched and scores right, and calibration blindness,
 * its matrix and its CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { claimNext } from '../../server/services/assignment.service';
import { verifyAuditTrail } from '../../server/services/audit.service';
import { getCase } from '../../server/services/caseDetail.service';
import { listCases } from '../../server/services/caseList.service';
import { decideCase } from '../../server/services/decisions.service';
import { submitReport } from '../../server/services/intake.service';
import {
  answerCalibration,
  calibrationCsv,
  closeCalibration,
  createCalibration,
  getCalibration,
} from '../../server/services/qaCalibration.service';
import { goldAccuracy } from '../../server/services/qaGold';
import { listGold, markGold, retireGold, setGoldRate } from '../../server/services/qaGold.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { DeskError } from '../../shared/errors/deskError';
import { createQueue, createStaff, reportInput, systemContext } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

/** mulberry32: a small seeded generator, so the draws (and the test) are the same every run. */
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

const PERSONAL = {
  name: '王小明数码专营店',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路 388 号 1201 室',
  idCard: '330106199001011234',
  otherPhone: '0571-88886666',
  orderId: '4012345678901',
  reporter: 'buyer-zhangsan-77',
};

describe.each(BACKENDS)('QA gold cases and calibration on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let staff: Map<string, number>;
  const clock = fakeClock('2024-11-12T02:00:00.000Z');
  let subjectSeq = 0;
  const facts = { transactions: 120, items: ['item-1'] };

  const as = (username: string, random?: () => number): ServiceContext => ({
    db,
    clock,
    rulebooks: builtInRulebooks,
    bus: new ChangeBus(),
    audit: { actor: { type: 'user', id: String(staff.get(username)) } },
    random,
  });
  const id = (username: string) => staff.get(username) ?? 0;

  async function refusal(p: Promise<unknown>): Promise<DeskError> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(err instanceof DeskError)) throw new Error(`expected a DeskError, got ${String(err)}`);
    return err;
  }

  /** A real case with personal data everywhere, filed into `queue` and decided by `reviewer`. */
  async function decidedCase(reviewer: string, decision: 'apply' | 'dismiss' = 'apply') {
    const subjectId = `M-G${++subjectSeq}`;
    const out = await submitReport(
      systemContext(db, clock),
      reportInput({
        subject: {
          id: subjectId,
          kind: 'merchant',
          name: PERSONAL.name,
          phone: PERSONAL.phone,
          address: PERSONAL.address,
        },
        summary: `${PERSONAL.name}（${subjectId}）疑似刷单，联系电话 ${PERSONAL.phone}`,
        facts: { note: `买家身份证 ${PERSONAL.idCard}` },
        reporterId: PERSONAL.reporter,
        evidence: [
          {
            kind: 'text',
            title: `订单 ${PERSONAL.orderId}`,
            text: `收货地址：${PERSONAL.address}；座机 ${PERSONAL.otherPhone}；卖家 ${PERSONAL.name}；邮箱 wxm@example.com`,
          },
          {
            kind: 'chat',
            title: '聊天记录',
            data: {
              messages: [{ from: '张三丰', at: '2024-11-01T10:00:00Z', text: `我是张三丰，电话 ${PERSONAL.phone}` }],
            },
          },
        ],
      }),
    );
    const c = await getCase({ db, clock }, out.caseId);
    await db.updateTable('cases').set({ queue: 'general', status: 'triaged' }).where('id', '=', c.id).execute();
    const { assignCase } = await import('../../server/services/assignment.service');
    await assignCase(as('lead'), { caseId: c.id, userId: id(reviewer) });
    const held = await getCase({ db, clock }, c.id);
    await decideCase(as(reviewer), {
      id: c.id,
      version: held.version,
      decision,
      ...(decision === 'apply' ? { facts } : {}),
      reason: '核实属实',
    });
    return { caseId: c.id, subjectId };
  }

  const count = async (table: 'decisions' | 'violations' | 'notices' | 'outbox_messages') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    staff = await createStaff(db, [
      { username: 'lead', role: 'lead' },
      { username: 'rev1', role: 'reviewer' },
      { username: 'rev2', role: 'reviewer' },
      { username: 'rev3', role: 'reviewer' },
      { username: 'auditor', role: 'auditor' },
    ]);
    await createQueue(db, 'general', { routeRules: [], members: [id('rev1'), id('rev2'), id('rev3')] });
    await createQueue(db, 'quiet', { members: [id('rev3')] });
  });
  afterAll(async () => {
    await database.close();
  });

  let gold: { id: number; copyCaseId: number };
  let source: { caseId: number; subjectId: string };

  it('redacts the marked case into a training copy on a synthetic subject: no personal data of the real case', async () => {
    source = await decidedCase('rev1');
    gold = await markGold(as('lead'), {
      caseId: source.caseId,
      expected: { decision: 'apply', facts },
      note: '典型刷单',
    });
    const copy = await db.selectFrom('cases').selectAll().where('id', '=', gold.copyCaseId).executeTakeFirstOrThrow();
    expect(copy).toMatchObject({
      training: 1,
      status: 'triaged',
      queue: null,
      assignee_id: null,
      rule: 'fake-transaction',
    });
    expect(copy.subject_id).not.toBe(source.subjectId);
    const subject = await db
      .selectFrom('subjects')
      .selectAll()
      .where('id', '=', copy.subject_id)
      .executeTakeFirstOrThrow();
    expect(subject).toMatchObject({ training: 1, phone: null, address: null, kind: 'merchant' });

    const reports = await db.selectFrom('reports').selectAll().where('case_id', '=', copy.id).execute();
    const evidence = await db.selectFrom('evidence').selectAll().where('case_id', '=', copy.id).execute();
    expect(reports).toHaveLength(1);
    expect(evidence).toHaveLength(2);
    const everything = JSON.stringify({ copy, subject, reports, evidence });
    for (const value of [
      ...Object.values(PERSONAL),
      source.subjectId,
      '张三丰',
      'wxm@example.com',
      '文三路',
      '88886666',
    ]) {
      expect(everything).not.toContain(value);
    }
    // What is not personal stays, so the case can still be judged.
    expect(copy.summary).toContain('疑似刷单');
    expect(evidence[0]?.text).toContain('收货地址');
    expect(JSON.parse(evidence[1]?.structured ?? 'null')).toMatchObject({
      messages: [{ text: expect.stringContaining('电话') }],
    });
    // The copy is never indexed for full-text search, and the real case is untouched.
    const indexed = await db.selectFrom('search_documents').selectAll().execute();
    expect(JSON.stringify(indexed)).not.toContain(copy.subject_id);
    const real = await db
      .selectFrom('subjects')
      .selectAll()
      .where('id', '=', source.subjectId)
      .executeTakeFirstOrThrow();
    expect(real).toMatchObject({ phone: PERSONAL.phone, training: 0 });

    expect(
      await refusal(markGold(as('lead'), { caseId: source.caseId, expected: { decision: 'dismiss' } })),
    ).toMatchObject({ reason: 'gold_already_marked' });
    expect(await refusal(markGold(as('lead'), { caseId: copy.id, expected: { decision: 'dismiss' } }))).toMatchObject({
      reason: 'gold_needs_decided_case',
    });
    // No real report may land on the training subject (it would merge into the idle copy).
    const onTraining = await refusal(
      submitReport(systemContext(db, clock), reportInput({ subject: { id: copy.subject_id, kind: 'merchant' } })),
    );
    expect(onTraining).toMatchObject({ reason: 'training_subject', details: { field: 'subject.id' } });
    const [listed] = await listGold(as('lead'), { includeRetired: false });
    expect(listed).toMatchObject({ id: gold.id, sourceCaseId: source.caseId, note: '典型刷单', retired: false });
  });

  it('keeps the idle training copy out of case lists and out of their totals', async () => {
    // The total counts every match inside the queue indexes and takes the idle copies off
    // (cases.repo.ts): it must still equal what the pages show, whatever the filter.
    const { caseListInput } = await import('../../shared/api/caseList');
    for (const filter of [
      {},
      { status: 'all' as const },
      { status: 'triaged' as const },
      { assignee: 'unassigned' as const },
    ]) {
      const page = await listCases({ db, clock }, id('lead'), caseListInput.parse({ ...filter, limit: 200 }));
      const ids = page.items.map((c) => c.id);
      expect(ids, JSON.stringify(filter)).not.toContain(gold.copyCaseId);
      expect(page.total, JSON.stringify(filter)).toBe(ids.length);
    }
    const everything = await db.selectFrom('cases').select('id').execute();
    expect(everything.map((c) => c.id)).toContain(gold.copyCaseId);
  });

  it('serves a gold copy on queue.next at the queue rate, draw for draw with a seeded generator', async () => {
    await setGoldRate(as('lead'), { queueId: 'general', percent: 30 });
    // Real work waiting, so every call draws once.
    for (let i = 0; i < 3; i += 1) {
      const out = await submitReport(
        systemContext(db, clock),
        reportInput({ subject: { id: `M-W${i}`, kind: 'merchant', name: '待审店铺' } }),
      );
      await db.updateTable('cases').set({ queue: 'general', status: 'triaged' }).where('id', '=', out.caseId).execute();
    }
    const calls = 150;
    const random = seeded(22);
    const ctx = as('rev2', random);
    let golds = 0;
    let from: number | undefined;
    for (let i = 0; i < calls; i += 1) {
      const next = await claimNext(ctx, { queue: 'general', ...(from ? { from: { caseId: from, keep: false } } : {}) });
      if (!next) throw new Error('nothing served');
      const c = await db
        .selectFrom('cases')
        .select(['training', 'subject_id'])
        .where('id', '=', next.caseId)
        .executeTakeFirstOrThrow();
      if (c.training) golds += 1;
      from = next.caseId;
    }
    // The same generator, replayed: exactly the draws under 0.30 were gold.
    const replay = seeded(22);
    const expected = Array.from({ length: calls }, () => replay()).filter((x) => x < 0.3).length;
    expect(golds).toBe(expected);
    // And that is the rate: within four standard deviations of 30% of 150 (45 ± 22).
    expect(golds).toBeGreaterThan(23);
    expect(golds).toBeLessThan(67);
    // One gold case: its copy was handed back and served again, never copied twice over.
    const copies = await db.selectFrom('cases').select('id').where('training', '=', 1).execute();
    expect(copies).toHaveLength(1);
    // A queue without a rate never serves gold.
    await setGoldRate(as('lead'), { queueId: 'general', percent: 0 });
    const never = as('rev2', () => 0);
    const next = await claimNext(never, { queue: 'general', from: { caseId: from ?? 0, keep: false } });
    const c = await db
      .selectFrom('cases')
      .select('training')
      .where('id', '=', next?.caseId ?? 0)
      .executeTakeFirstOrThrow();
    expect(c.training).toBe(0);
    await db
      .updateTable('cases')
      .set({ status: 'triaged', assignee_id: null, lease_until: null })
      .where('id', '=', next?.caseId ?? 0)
      .execute();
  });

  it('records a gold answer as a scored attempt: no decision, standing, notice or outbox message', async () => {
    await setGoldRate(as('lead'), { queueId: 'general', percent: 100 });
    const before = {
      decisions: await count('decisions'),
      violations: await count('violations'),
      notices: await count('notices'),
      outbox: await count('outbox_messages'),
    };
    const served = await claimNext(
      as('rev3', () => 0.5),
      { queue: 'general' },
    );
    const copy = await getCase({ db, clock }, served?.caseId ?? 0);
    expect(copy.status).toBe('assigned');
    const out = await decideCase(as('rev3'), {
      id: copy.id,
      version: copy.version,
      decision: 'apply',
      facts,
      reason: '刷单属实',
    });
    expect(out).toMatchObject({ status: 'decided', requiresApproval: false, noticeId: null });
    // rev2 answered nothing yet (it only handed copies back); now rev2 gets it and dismisses: wrong.
    const second = await claimNext(
      as('rev2', () => 0.5),
      { queue: 'general' },
    );
    expect(second?.caseId).not.toBe(copy.id);
    const copy2 = await getCase({ db, clock }, second?.caseId ?? 0);
    await decideCase(as('rev2'), { id: copy2.id, version: copy2.version, decision: 'dismiss', reason: '证据不足' });

    expect({
      decisions: await count('decisions'),
      violations: await count('violations'),
      notices: await count('notices'),
      outbox: await count('outbox_messages'),
    }).toEqual(before);
    const attempts = await db.selectFrom('qa_gold_attempts').selectAll().orderBy('id').execute();
    expect(attempts.map((a) => ({ reviewer: a.reviewer_id, correct: a.correct }))).toEqual([
      { reviewer: id('rev3'), correct: 1 },
      { reviewer: id('rev2'), correct: 0 },
    ]);
    expect(JSON.parse(attempts[1]?.scores ?? '{}')).toMatchObject({ kind: 'disagree', agreed: false });
    const range = { from: '2024-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' };
    expect(await goldAccuracy(db, range)).toEqual({ answered: 2, correct: 1 });
    expect(await goldAccuracy(db, range, [id('rev3')])).toEqual({ answered: 1, correct: 1 });
    expect(await goldAccuracy(db, range, [id('rev1')])).toEqual({ answered: 0, correct: 0 });
    // Having answered it, rev3 is not served that gold again: a real case instead.
    const after = await claimNext(
      as('rev3', () => 0),
      { queue: 'general' },
    );
    const real = await db
      .selectFrom('cases')
      .select('training')
      .where('id', '=', after?.caseId ?? 0)
      .executeTakeFirstOrThrow();
    expect(real.training).toBe(0);
    // The trail tells the whole story of every copy: the audit reconciliation finds nothing amiss.
    const verified = await verifyAuditTrail({ db }, null);
    expect(verified.mismatches).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('runs a blind calibration session: nobody sees others’ answers until it closes; then the matrix and CSV', async () => {
    const a = await decidedCase('rev1');
    const b = await decidedCase('rev1', 'dismiss');
    const session = await createCalibration(as('lead'), {
      name: '十一月校准',
      caseIds: [a.caseId, b.caseId],
      reviewerIds: [id('rev1'), id('rev2'), id('rev3')],
      goldCaseIds: [gold.id],
    });
    const answer = (who: string, caseId: number, decision: 'apply' | 'dismiss', reason: string) =>
      answerCalibration(as(who), {
        sessionId: session.id,
        caseId,
        decision,
        ...(decision === 'apply' ? { facts } : {}),
        reason,
      });
    await answer('rev1', a.caseId, 'apply', '甲一');
    await answer('rev1', b.caseId, 'dismiss', '甲二');
    await answer('rev1', gold.copyCaseId, 'apply', '甲三');
    await answer('rev2', a.caseId, 'apply', '乙一');
    await answer('rev2', b.caseId, 'apply', '乙二');
    await answer('rev2', gold.copyCaseId, 'dismiss', '乙三');
    await answer('rev3', a.caseId, 'dismiss', '丙一');

    const blind = await getCalibration(as('rev1'), { id: session.id });
    const text = JSON.stringify(blind);
    for (const theirs of ['乙一', '乙二', '乙三', '丙一', '核实属实']) expect(text).not.toContain(theirs);
    expect(blind.matrix).toBeNull();
    expect(blind.items.map((i) => [i.myAnswer?.reason, i.answers, i.realDecision, i.goldAnswer])).toEqual([
      ['甲一', null, null, null],
      ['甲二', null, null, null],
      ['甲三', null, null, null],
    ]);
    // The gold item is the redacted copy, never the real case.
    expect(blind.items[2]).toMatchObject({ caseId: gold.copyCaseId, gold: true });
    expect(JSON.stringify(blind.items[2])).not.toContain(PERSONAL.phone);
    expect((await refusal(getCalibration(as('auditor'), { id: session.id }))).reason).toBe('calibration_not_invited');
    expect((await refusal(answer('lead', a.caseId, 'dismiss', 'x'))).reason).toBe('calibration_not_invited');
    expect((await refusal(answer('rev1', source.caseId, 'dismiss', 'x'))).reason).toBe(
      'calibration_case_not_in_session',
    );
    expect((await refusal(calibrationCsv(as('lead'), { id: session.id }))).reason).toBe('calibration_open');

    const matrix = await closeCalibration(as('lead'), { id: session.id });
    const pair = (x: string, y: string) => matrix.pairs.find((p) => p.a === id(x) && p.b === id(y));
    // rev1–rev2: agree on a, not on b nor the gold copy; rev1–rev3 and rev2–rev3 share only a.
    expect(pair('rev1', 'rev2')).toEqual({ a: id('rev1'), b: id('rev2'), compared: 3, agreed: 1, rate: 1 / 3 });
    expect(pair('rev1', 'rev3')).toEqual({ a: id('rev1'), b: id('rev3'), compared: 1, agreed: 0, rate: 0 });
    expect(pair('rev2', 'rev3')).toEqual({ a: id('rev2'), b: id('rev3'), compared: 1, agreed: 0, rate: 0 });
    // Gold answers: the gold copy (apply) and nothing else of these cases is gold.
    expect(matrix.gold).toEqual([
      { reviewerId: id('rev1'), compared: 1, agreed: 1, rate: 1 },
      { reviewerId: id('rev2'), compared: 1, agreed: 0, rate: 0 },
      { reviewerId: id('rev3'), compared: 0, agreed: 0, rate: null },
    ]);
    const open = await getCalibration(as('rev1'), { id: session.id });
    expect(open.items[0]?.answers?.map((x) => x.reason)).toEqual(['甲一', '乙一', '丙一']);
    expect(open.items[1]?.realDecision).toEqual({ decision: 'dismiss', rule: null });
    expect(open.items[2]?.goldAnswer).toMatchObject({ decision: 'apply' });
    expect((await refusal(answer('rev1', a.caseId, 'dismiss', '改'))).reason).toBe('calibration_closed');

    const { csv, fileName } = await calibrationCsv(as('lead'), { id: session.id });
    expect(fileName).toBe(`calibration-${session.id}.csv`);
    const name = async (u: string) =>
      (await db.selectFrom('users').select('display_name').where('id', '=', id(u)).executeTakeFirstOrThrow())
        .display_name;
    expect(csv.split('\r\n')).toEqual([
      'reviewer,compared_with,cases_compared,cases_agreed,agreement_rate',
      `${await name('rev1')},${await name('rev2')},3,1,0.3333`,
      `${await name('rev1')},${await name('rev3')},1,0,0`,
      `${await name('rev2')},${await name('rev3')},1,0,0`,
      `${await name('rev1')},gold,1,1,1`,
      `${await name('rev2')},gold,1,0,0`,
      `${await name('rev3')},gold,0,0,`,
    ]);
  });

  it('refuses sessions with reviewers who do not decide cases, open cases or retired gold', async () => {
    const c = await decidedCase('rev1');
    expect(
      (
        await refusal(
          createCalibration(as('lead'), { name: 'x', caseIds: [c.caseId], reviewerIds: [id('rev1'), id('auditor')] }),
        )
      ).reason,
    ).toBe('calibration_bad_reviewer');
    const open = await submitReport(
      systemContext(db, clock),
      reportInput({ subject: { id: 'M-OPEN', kind: 'merchant' } }),
    );
    expect(
      (
        await refusal(
          createCalibration(as('lead'), { name: 'x', caseIds: [open.caseId], reviewerIds: [id('rev1'), id('rev2')] }),
        )
      ).reason,
    ).toBe('calibration_bad_case');
    await retireGold(as('lead'), { id: gold.id });
    expect(
      (
        await refusal(
          createCalibration(as('lead'), {
            name: 'x',
            caseIds: [],
            goldCaseIds: [gold.id],
            reviewerIds: [id('rev1'), id('rev2')],
          }),
        )
      ).reason,
    ).toBe('calibration_bad_case');
    expect((await refusal(retireGold(as('lead'), { id: gold.id }))).reason).toBe('gold_retired');
  });
});
