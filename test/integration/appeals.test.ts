import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { fakeClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { closeExpiredAppeals } from '../../server/services/appealExpiry.service';
import { platformOfRule } from '../../shared/rulebook/platforms';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const SECOND = 1000;
const DAY = 86_400_000;

/** One representative finding per rule, for the reversal property through the whole stack. */
const EVERY_RULE: { rule: string; facts: Record<string, unknown> }[] = [
  { rule: 'fake-transaction', facts: { transactions: 120, items: ['item-A'] } },
  { rule: 'counterfeit', facts: { kind: 'sale' } },
  { rule: 'unauthorized-product', facts: { admission: 'seller' } },
  { rule: 'improper-registration', facts: { accounts: 30 } },
  { rule: 'improper-info-use', facts: { points: 12 } },
  { rule: 'member-rights-abuse', facts: { points: 6, measures: ['identity-verification'] } },
  { rule: 'unfair-competition', facts: { points: 12, measures: ['shopping-cart-suspended'] } },
  { rule: 'false-appeal-evidence', facts: {} },
];

describe.each(BACKENDS)('appeals on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-03-02T10:00:00+08:00');
  let portal: ReturnType<typeof createApiClient>;
  let intake: ReturnType<typeof createApiClient>;
  let subjectSeq = 0;
  const as = (u: string) => signIn(server.url, u, TEST_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer(backend, { clock });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'officer', role: 'appeals_officer' },
      { username: 'officer2', role: 'appeals_officer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
  });
  afterAll(() => server.stop());

  /** Files a case for a fresh subject and has `rev` apply `facts` (approved by `senior` when four-eyes says so). */
  async function decided(
    rule: string,
    facts: Record<string, unknown>,
    subjectId = `M-A${++subjectSeq}`,
    beforeDecision?: () => Promise<void>,
  ) {
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ rule, subject: { id: subjectId, kind: 'merchant', platform: platformOfRule(rule) } }),
    );
    await beforeDecision?.();
    await server.db
      .updateTable('cases')
      .set({ rank: 10 ** 12 + subjectSeq })
      .where('id', '=', caseId)
      .execute();
    const rev = await as('rev');
    expect((await rev.trpc.queue.next.mutate({}))?.caseId).toBe(caseId);
    const c = await rev.trpc.cases.get.query({ id: caseId });
    const result = await rev.trpc.cases.decide.mutate({
      id: caseId,
      version: c.version,
      decision: 'apply',
      facts,
      reason: '依规处理',
    });
    if (result.requiresApproval)
      await (await as('senior')).trpc.approvals.approve.mutate({ decisionId: result.decisionId });
    return { caseId, subjectId, decisionId: result.decisionId };
  }
  const standingOf = async (subjectId: string) => {
    // `platform` too: before its first report a subject is nobody's, and the answer says Taobao's.
    const {
      asOf: _asOf,
      excluded: _excluded,
      platform: _platform,
      ...rest
    } = (await (await as('officer')).trpc.accounts.standing.query({ subjectId })) as Record<string, unknown>;
    return rest;
  };

  it('accepts an appeal inside the window and refuses one a second after it closes', async () => {
    // Fake transactions without demoted items: 3 days from the notice (《淘宝虚假交易认定与处罚细则》).
    const inside = await decided('fake-transaction', { transactions: 120 });
    const late = await decided('fake-transaction', { transactions: 120 });
    clock.advance(3 * DAY - SECOND);
    const ok = await portal.trpc.appeals.submit.mutate({
      caseId: inside.caseId,
      statement: '交易均为真实交易，附物流单号',
    });
    expect(ok.status).toBe('under_review');
    clock.advance(2 * SECOND);
    const closed = await errorOf(portal.trpc.appeals.submit.mutate({ caseId: late.caseId, statement: '迟到的申诉' }));
    expect(closed.data).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'appeal_window_closed' });
    // One open appeal per decision.
    const twice = await errorOf(portal.trpc.appeals.submit.mutate({ caseId: inside.caseId, statement: '再次申诉' }));
    expect(twice.data?.reason).toBe('appeal_open');
    // The window that closed unappealed becomes a final record.
    await closeExpiredAppeals({
      db: server.db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: SYSTEM_ACTOR,
    });
    expect((await portal.trpc.appeals.status.query({ caseId: late.caseId })).stage).toBe('final');
  });

  it('keeps the window open while an item it demoted is still demoted', async () => {
    const demoted = await decided('fake-transaction', { transactions: 120, items: ['item-D'] });
    clock.advance(10 * DAY);
    await expect(
      portal.trpc.appeals.submit.mutate({ caseId: demoted.caseId, statement: '商品降权期间申诉' }),
    ).resolves.toMatchObject({
      status: 'under_review',
    });
    const gone = await decided('fake-transaction', { transactions: 120, items: ['item-E'] });
    clock.advance(31 * DAY);
    const err = await errorOf(portal.trpc.appeals.submit.mutate({ caseId: gone.caseId, statement: '降权结束后申诉' }));
    expect(err.data?.reason).toBe('appeal_window_closed');
  });

  it.each(EVERY_RULE)(
    'approving the appeal restores exactly the standing from before: $rule',
    async ({ rule, facts }) => {
      const subjectId = `M-R-${rule}`;
      // Taken once the subject is on file: its platform (hence ledgers) is known from then on.
      let before: Record<string, unknown> = {};
      const { caseId } = await decided(rule, facts, subjectId, async () => {
        before = await standingOf(subjectId);
      });
      expect(await standingOf(subjectId)).not.toEqual(before);
      const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '申请撤销处罚' });
      const officer = await as('officer');
      await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '证据不足，撤销处罚' });
      expect(await standingOf(subjectId)).toEqual(before);
      expect((await portal.trpc.appeals.status.query({ caseId })).stage).toBe('final');
    },
  );

  it('never lets the author (or approver) of a decision rule on its appeal, nor hands it to them', async () => {
    const { caseId, decisionId } = await decided('fake-transaction', { transactions: 120 });
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '不服处罚' });
    // The reviewer who decided later becomes an appeals officer.
    await server.db.updateTable('users').set({ role: 'appeals_officer' }).where('username', '=', 'rev').execute();
    try {
      const author = await as('rev');
      const err = await errorOf(
        author.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '自己复核' }),
      );
      expect(err.data?.reason).toBe('appeal_conflict_of_interest');
      // Whatever "next" hands the author, it is never this appeal; asking again resumes the same one.
      const next = await author.trpc.appeals.next.mutate();
      if (next) {
        expect((await author.trpc.appeals.get.query({ id: next.appealId })).decisionId).not.toBe(decisionId);
        expect(await author.trpc.appeals.next.mutate()).toEqual(next);
        await server.db.updateTable('appeals').set({ assignee_id: null }).where('id', '=', next.appealId).execute();
      }
      // Appeals follow their case's queue, so the same routing decides who sees them.
      const routed = await server.db
        .selectFrom('appeals')
        .select('queue')
        .where('id', '=', appealId)
        .executeTakeFirstOrThrow();
      expect(routed.queue).toBe('general');
    } finally {
      await server.db.updateTable('users').set({ role: 'reviewer' }).where('username', '=', 'rev').execute();
    }
    const officer = await as('officer2');
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'reject', reason: '维持原判' });
    expect((await officer.trpc.appeals.get.query({ id: appealId })).status).toBe('rejected');
  });

  it('goes back and forth on request_evidence, and finalises when the member does not answer', async () => {
    const { caseId } = await decided('fake-transaction', { transactions: 120 });
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '交易真实' });
    const officer = await as('officer');
    await officer.trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'request_evidence',
      reason: '请补充物流凭证',
      evidenceDays: 2,
    });
    const waiting = await portal.trpc.appeals.status.query({ caseId });
    expect(waiting).toMatchObject({ stage: 'pending_member', caseStatus: 'appeal_window' });
    expect(waiting.evidenceDeadline).toBe(new Date(clock.now().getTime() + 2 * DAY).toISOString());
    await portal.trpc.appeals.submit.mutate({
      caseId,
      statement: '补充物流凭证',
      evidence: [{ kind: 'logistics', title: '运单', text: 'SF1234567890' }],
    });
    const back = await officer.trpc.appeals.get.query({ id: appealId });
    expect(back).toMatchObject({ status: 'under_review', submissions: 2, stage: 'under_review' });
    expect(back.evidence).toHaveLength(1);
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'reject', reason: '凭证不足以证明交易真实' });
    expect((await portal.trpc.appeals.status.query({ caseId })).stage).toBe('final');

    const silent = await decided('fake-transaction', { transactions: 120 });
    const quiet = await portal.trpc.appeals.submit.mutate({ caseId: silent.caseId, statement: '申诉' });
    await officer.trpc.appeals.decide.mutate({
      id: quiet.appealId,
      decision: 'request_evidence',
      reason: '请补充凭证',
    });
    clock.advance(3 * DAY + SECOND);
    await closeExpiredAppeals({
      db: server.db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: SYSTEM_ACTOR,
    });
    const later = await as('officer'); // three idle days ended the earlier session
    expect(await later.trpc.appeals.get.query({ id: quiet.appealId })).toMatchObject({
      status: 'expired',
      stage: 'final',
    });
    const c = await later.trpc.cases.get.query({ id: silent.caseId });
    expect(c.status).toBe('final');
  });

  it('grants partial relief as an approval with a lighter finding, and records false evidence on rejection', async () => {
    const relief = await decided('fake-transaction', { transactions: 120, items: ['item-P'] });
    const { appealId } = await portal.trpc.appeals.submit.mutate({
      caseId: relief.caseId,
      statement: '部分订单为真实交易',
    });
    const officer = await as('officer');
    await officer.trpc.appeals.decide.mutate({
      id: appealId,
      decision: 'approve',
      reason: '部分交易真实',
      reliefFacts: { transactions: 40, items: ['item-P'] },
    });
    const s = (await officer.trpc.accounts.standing.query({ subjectId: relief.subjectId })) as {
      points: { general: number };
      findings: { id: string; outcome: string }[];
    };
    expect(s.points.general).toBe(0);
    expect(s.findings).toEqual([expect.objectContaining({ outcome: 'correction' })]);

    const liar = await decided('fake-transaction', { transactions: 120 });
    const second = await portal.trpc.appeals.submit.mutate({ caseId: liar.caseId, statement: '附上伪造的物流单' });
    await officer.trpc.appeals.decide.mutate({
      id: second.appealId,
      decision: 'reject',
      reason: '物流单经核实为伪造',
      falseEvidence: true,
    });
    const after = (await officer.trpc.accounts.standing.query({ subjectId: liar.subjectId })) as {
      findings: { rule: string; outcome: string }[];
    };
    expect(after.findings.find((f) => f.rule === 'false-appeal-evidence')?.outcome).toBe('warning');
  });

  it('feeds the overturn rate per reviewer and per rule from the appeals ruled so far', async () => {
    const rates = await (await as('officer')).trpc.appeals.overturnRates.query();
    const rev = rates.byReviewer.find((r) => r.label === 'rev');
    // Ruled so far, all on rev's decisions: eight reversals (one per rule), the relief approval,
    // and three rejections (conflict-of-interest test, request-evidence test, false evidence).
    expect(rev).toMatchObject({ ruled: 12, overturned: 9, rate: 9 / 12 });
    expect(rates.byRule.find((r) => r.key === 'fake-transaction')).toMatchObject({ ruled: 5, overturned: 2 });
  });

  it('lets only appeals officers rule, and only appeals tokens or staff file', async () => {
    const { caseId } = await decided('fake-transaction', { transactions: 120 });
    expect((await errorOf(intake.trpc.appeals.submit.mutate({ caseId, statement: 'x' }))).data?.code).toBe('FORBIDDEN');
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId, statement: '申诉' });
    const rev = await as('rev');
    expect(
      (await errorOf(rev.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: 'x' }))).data?.code,
    ).toBe('FORBIDDEN');
  });
});
