/**
 * The decision path at the service level: the use cases called with a real database and no
 * HTTP. Effective time of a finding, a preview per decision kind, decision states through an
 * appeal, and the one guard (queue membership included).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { decisionsRepo } from '../../server/db/repositories/decisions.repo';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { claimNextAppeal, decideAppeal } from '../../server/services/appealDecision.service';
import { submitAppeal } from '../../server/services/appeals.service';
import { claimNext } from '../../server/services/assignment.service';
import { getCase } from '../../server/services/caseDetail.service';
import { caseHistory } from '../../server/services/caseHistory.service';
import {
  approveDecision,
  bulkDecide,
  decideCase,
  previewDecision,
  sendBackDecision,
} from '../../server/services/decisions.service';
import { submitReport } from '../../server/services/intake.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { subjectStanding } from '../../server/services/subjectStanding.service';
import { previewOutput } from '../../shared/api/decisions';
import { DeskError } from '../../shared/errors/deskError';
import type { Standing } from '../../shared/rulebook';
import { platformOfRule } from '../../shared/rulebook/platforms';
import { createQueue, createStaff, reportInput, systemContext } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('the decision path on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let staff: Map<string, number>;
  const clock = fakeClock('2024-11-12T02:00:00.000Z'); // 10:00 platform time
  let subjectSeq = 0;

  const as = (username: string): ServiceContext => ({
    db,
    clock,
    rulebooks: builtInRulebooks,
    bus: new ChangeBus(),
    audit: { actor: { type: 'user', id: String(staff.get(username)) } },
  });
  const id = (username: string) => staff.get(username) ?? 0;

  /** A new case about a new subject, filed now; returns its id, version and subject. */
  async function file(rule = 'fake-transaction', subjectId = `M-P${++subjectSeq}`) {
    const out = await submitReport(
      systemContext(db, clock),
      reportInput({
        rule,
        subject: { id: subjectId, kind: 'merchant', name: '测试店铺', platform: platformOfRule(rule) },
      }),
    );
    const c = await getCase({ db, clock }, out.caseId);
    return { caseId: c.id, version: c.version, subjectId };
  }

  async function refusal(p: Promise<unknown>): Promise<DeskError> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(err instanceof DeskError)) throw new Error(`expected a DeskError, got ${String(err)}`);
    return err;
  }

  beforeAll(async () => {
    database = await openMigratedTestDatabase(backend);
    db = database.db;
    staff = await createStaff(db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'outsider', role: 'reviewer' },
      { username: 'senior', role: 'senior_reviewer' },
      { username: 'senior2', role: 'senior_reviewer' },
      { username: 'outsider-senior', role: 'senior_reviewer' },
      { username: 'lead', role: 'lead' },
      { username: 'officer', role: 'appeals_officer' },
    ]);
    await createQueue(db, 'general', {
      routeRules: [],
      members: [id('rev'), id('senior'), id('senior2'), id('officer')],
    });
  });
  afterAll(async () => {
    await database.close();
  });

  describe('the effective time of a finding', () => {
    it('runs a node punishment from the decision, not from a violation three weeks old, and says so', async () => {
      clock.set('2024-11-12T02:00:00.000Z');
      const { caseId, version, subjectId } = await file();
      clock.set('2024-12-04T04:00:00.000Z'); // 12:00 platform time, 22 days later
      const facts = { transactions: 120, items: ['item-1'] };
      const preview = await previewDecision(as('rev'), { caseId, facts, decision: 'apply' });
      expect(preview.timing).toMatchObject({ daysLate: 22, old: true, earlierYear: false });
      expect(preview.punishments).toEqual([
        expect.objectContaining({ node: 12, from: '2024-12-04T12:00:00+08:00', until: '2024-12-11T12:00:00+08:00' }),
      ]);
      expect(preview.demotions).toEqual([expect.objectContaining({ item: 'item-1', from: '2024-12-04' })]);

      await decideCase(as('rev'), { id: caseId, version, decision: 'apply', facts, reason: '刷单属实' });
      const standing = await subjectStanding(db, builtInRulebooks, subjectId, new Date('2024-12-05T00:00:00.000Z'));
      expect(standing.punishments).toEqual([
        expect.objectContaining({
          from: '2024-12-04T12:00:00+08:00',
          until: '2024-12-11T12:00:00+08:00',
          active: true,
        }),
      ]);
      expect(standing.findings[0]).toMatchObject({
        at: '2024-11-12T10:00:00+08:00',
        recordedAt: '2024-12-04T12:00:00+08:00',
        ruleVersion: '1970-01-01',
      });
      const decided = (await caseHistory(db, caseId)).timeline.find((e) => e.action === 'case.decided');
      expect(decided?.data).toMatchObject({ recordedAt: '2024-12-04T04:00:00.000Z' });
    });

    it('counts a four-eyes finding from its approval, judged again on that day', async () => {
      clock.set('2024-11-20T02:00:00.000Z');
      const { caseId, version, subjectId } = await file('unauthorized-product');
      const submitted = await decideCase(as('senior'), {
        id: caseId,
        version: version,
        decision: 'apply',
        // 12 serious points (《淘宝规则》第六十条, serious circumstances): a second person approves.
        facts: { admission: 'seller', serious: true },
        reason: '未经准入发布商品，情节严重',
      });
      expect(submitted).toMatchObject({ status: 'pending_approval', requiresApproval: true });
      clock.set('2024-11-23T02:00:00.000Z');
      await approveDecision(as('senior2'), { decisionId: submitted.decisionId });
      const standing = await subjectStanding(db, builtInRulebooks, subjectId, new Date('2024-11-24T00:00:00.000Z'));
      expect(standing.punishments[0]).toMatchObject({ from: '2024-11-23T10:00:00+08:00', node: 12 });
      const [decision] = await decisionsRepo.listForCase(db, caseId);
      expect(decision).toMatchObject({ status: 'effective', status_changed_by: id('senior2') });
    });
    it('refuses a violation time in the future, naming the field', async () => {
      clock.set('2024-11-25T02:00:00.000Z');
      const { caseId } = await file();
      const err = await refusal(
        previewDecision(as('rev'), {
          caseId,
          facts: { transactions: 120, items: [] },
          violationAt: '2024-11-26T10:00:00+08:00',
          decision: 'apply',
        }),
      );
      expect(err).toMatchObject({
        code: 'BAD_REQUEST',
        reason: 'violation_in_future',
        details: { field: 'violationAt' },
      });
    });
  });

  describe('a preview for every decision kind', () => {
    it('shows a waiver adding nothing and sealing nothing, with what it forgives apart', async () => {
      clock.set('2024-12-10T02:00:00.000Z');
      const { caseId, version, subjectId } = await file('improper-registration');
      const facts = { accounts: 20 };
      const apply = await previewDecision(as('senior'), { caseId, facts, decision: 'apply' });
      expect(apply).toMatchObject({ kind: 'apply', points: 48, seals: true, waived: null });
      expect(apply.pointsAfter.serious).toBe(48);

      const waive = await previewDecision(as('senior'), { caseId, facts, decision: 'waive' });
      expect(waive).toMatchObject({ kind: 'waive', points: 0, seals: false, punishments: [], measures: [] });
      expect(waive.pointsAfter).toEqual(waive.pointsBefore);
      expect(waive.waived).toMatchObject({ points: 48, ledger: 'serious', seals: true });
      expect(waive.waived?.punishments.map((p) => p.measures)).toEqual([['account-sealed']]);
      expect(waive.approvalReasons).toEqual(['waive-serious']);

      for (const kind of ['dismiss', 'escalate'] as const) {
        const none = await previewDecision(as('senior'), { caseId, facts: {}, decision: kind });
        expect(none).toMatchObject({ kind, points: 0, seals: false, punishments: [], demotions: [], waived: null });
      }

      // The approvals card reads the preview stored with the waiver: no seal, nothing added.
      const submitted = await decideCase(as('senior'), {
        id: caseId,
        version,
        decision: 'waive',
        facts,
        reason: '初犯',
      });
      const card = (await decisionsRepo.pending(db, 50)).find((d) => d.id === submitted.decisionId);
      const stored = previewOutput.parse(card?.preview ?? null);
      expect(stored).toMatchObject({ kind: 'waive', seals: false, points: 0 });
      expect(stored.pointsAfter.serious).toBe(0);
      expect(stored.waived).toMatchObject({ points: 48, seals: true });

      await approveDecision(as('senior2'), { decisionId: submitted.decisionId });
      const notice = (await caseHistory(db, caseId)).notices[0];
      expect(notice?.data).toMatchObject({ decision: 'waive', points: 0, measures: [], demotions: [] });
      expect(notice?.bodyZh).not.toContain('查封');
      expect((await subjectStanding(db, builtInRulebooks, subjectId, clock.now())).sealed).toBe(false);
    });
  });

  describe('decision states through an appeal', () => {
    async function appealed(reliefFacts?: Record<string, unknown>) {
      clock.set('2024-12-12T02:00:00.000Z');
      const filed = await file();
      const decided = await decideCase(as('rev'), {
        id: filed.caseId,
        version: filed.version,
        decision: 'apply',
        facts: { transactions: 120, items: [] },
        reason: '刷单属实',
      });
      await submitAppeal(as('officer'), { caseId: filed.caseId, statement: '交易真实' });
      clock.set('2024-12-13T02:00:00.000Z');
      const claimed = await claimNextAppeal(as('officer'));
      await decideAppeal(as('officer'), {
        id: claimed?.appealId ?? 0,
        decision: 'approve',
        reason: '交易真实',
        ...(reliefFacts ? { reliefFacts } : {}),
      });
      return { ...filed, decisionId: decided.decisionId };
    }

    it('reads overturned, by whom and when, in the case, its history and the subject’s other cases', async () => {
      const { caseId, subjectId, decisionId } = await appealed();
      const c = await getCase({ db, clock }, caseId);
      expect(c.status).toBe('final');
      expect(c.decision).toMatchObject({
        id: decisionId,
        status: 'overturned',
        changedBy: { id: id('officer') },
        changedAt: '2024-12-13T02:00:00.000Z',
      });
      const history = await caseHistory(db, caseId);
      expect(history.decisions.at(-1)).toMatchObject({
        status: 'overturned',
        statusChangedBy: { id: id('officer') },
        statusChangedAt: '2024-12-13T02:00:00.000Z',
      });
      const step = history.timeline.find((e) => e.action === 'decision.overturned');
      expect(step?.data).toMatchObject({ decisionId, status: 'overturned', previousStatus: 'effective' });
      // Every step stays in the trail: decided, appealed, ruled.
      expect(history.timeline.map((e) => e.action)).toEqual(
        expect.arrayContaining(['case.decided', 'appeal.submitted', 'appeal.decided', 'decision.overturned']),
      );

      const next = await file('fake-transaction', subjectId);
      const prior = (await caseHistory(db, next.caseId)).priorCases.find((p) => p.id === caseId);
      expect(prior).toMatchObject({ status: 'final', decisionStatus: 'overturned' });
    });

    it('reads adjusted after partial relief, the lighter finding on record from the ruling', async () => {
      const { caseId, subjectId, decisionId } = await appealed({ transactions: 40, items: [] });
      expect((await getCase({ db, clock }, caseId)).decision).toMatchObject({ id: decisionId, status: 'adjusted' });
      const step = (await caseHistory(db, caseId)).timeline.find((e) => e.action === 'decision.adjusted');
      expect(step?.data).toMatchObject({
        decisionId,
        status: 'adjusted',
        reliefViolation: expect.stringMatching(new RegExp(`^V${decisionId}-R\\d+$`)),
      });
      const s: Standing = await subjectStanding(db, builtInRulebooks, subjectId, clock.now());
      expect(s.findings).toEqual([
        expect.objectContaining({ outcome: 'correction', recordedAt: '2024-12-13T10:00:00+08:00' }),
      ]);
    });
  });

  describe('the one guard', () => {
    it('refuses a reviewer outside the queue on decide and bulk decide, as queue.next does; a lead may', async () => {
      clock.set('2024-12-20T02:00:00.000Z');
      const a = await file();
      const b = await file();
      const decide = { decision: 'dismiss' as const, reason: '证据不足' };
      const single = await refusal(decideCase(as('outsider'), { id: a.caseId, version: a.version, ...decide }));
      expect(single).toMatchObject({ code: 'FORBIDDEN', reason: 'not_queue_member' });
      const bulk = await refusal(
        bulkDecide(as('outsider'), {
          ...decide,
          cases: [
            { id: a.caseId, version: a.version },
            { id: b.caseId, version: b.version },
          ],
        }),
      );
      expect(bulk).toMatchObject({ code: 'FORBIDDEN', reason: 'not_queue_member' });
      // Nothing was written: both cases are as they were.
      for (const c of [a, b]) expect((await getCase({ db, clock }, c.caseId)).version).toBe(c.version);

      const byLead = await decideCase(as('lead'), { id: a.caseId, version: a.version, ...decide });
      expect(byLead.status).toBe('dismissed');
    });

    it('refuses an approver outside the queue, and the author approving their own decision', async () => {
      clock.set('2024-12-21T02:00:00.000Z');
      const { caseId, version } = await file('unauthorized-product');
      const { decisionId } = await decideCase(as('senior'), {
        id: caseId,
        version,
        decision: 'apply',
        // 12 serious points (《淘宝规则》第六十条, serious circumstances): a second person approves.
        facts: { admission: 'seller', serious: true },
        reason: '未经准入发布商品，情节严重',
      });
      expect(await refusal(approveDecision(as('outsider-senior'), { decisionId }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'not_queue_member',
      });
      expect(await refusal(sendBackDecision(as('outsider-senior'), { decisionId, note: '再核实' }))).toMatchObject({
        reason: 'not_queue_member',
      });
      expect(await refusal(approveDecision(as('senior'), { decisionId }))).toMatchObject({
        reason: 'four_eyes_same_person',
      });
      await sendBackDecision(as('senior2'), { decisionId, note: '再核实' });
      const [d] = await decisionsRepo.listForCase(db, caseId);
      expect(d).toMatchObject({ status: 'sent_back', status_changed_by: id('senior2') });
    });

    it('leaves no lease on a closed case', async () => {
      clock.set('2024-12-22T02:00:00.000Z');
      const { caseId } = await file();
      // Claimed from the queue, under a lease, then decided by its holder.
      await db
        .updateTable('cases')
        .set({ rank: 10 ** 12 })
        .where('id', '=', caseId)
        .execute();
      expect(await claimNext(as('rev'), {})).toEqual({ caseId });
      const held = await getCase({ db, clock }, caseId);
      expect(held.leaseUntil).not.toBeNull();
      const decided = await decideCase(as('rev'), {
        id: caseId,
        version: held.version,
        decision: 'apply',
        facts: { transactions: 120, items: [] },
        reason: '刷单属实',
      });
      expect(decided.status).toBe('appeal_window');
      const c = await getCase({ db, clock }, caseId);
      expect(c.leaseUntil).toBeNull();
      expect(await db.selectFrom('cases').select('lease_until').where('id', '=', caseId).executeTakeFirst()).toEqual({
        lease_until: null,
      });
    });
  });
});
