/**
 * Measures belong to their rule, at the service level (real database, no HTTP): a reviewer's
 * `measures` must come from the rule's own list, for the version in force when the violation was
 * committed. 《淘宝虚假交易认定与处罚细则》 on false evidence: "首次發生的,給予警告" — so a first
 * false-appeal-evidence finding can never seal the account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { getCase } from '../../server/services/caseDetail.service';
import { decideCase, previewDecision } from '../../server/services/decisions.service';
import { submitReport } from '../../server/services/intake.service';
import type { ServiceContext } from '../../server/services/serviceContext';
import { DeskError } from '../../shared/errors/deskError';
import { createQueue, createStaff, reportInput, systemContext } from '../support/factories';
import { BACKENDS, type MigratedTestDatabase, openMigratedTestDatabase } from '../support/testDatabase';

describe.each(BACKENDS)('measures belong to their rule on %s', (backend) => {
  let database: MigratedTestDatabase;
  let db: Db;
  let reviewer: ServiceContext;
  const clock = fakeClock('2024-11-12T02:00:00.000Z');
  let subjectSeq = 0;

  async function file(rule: string) {
    const subject = { id: `M-MM${++subjectSeq}`, kind: 'merchant' as const, name: '测试店铺' };
    const out = await submitReport(systemContext(db, clock), reportInput({ rule, subject }));
    const c = await getCase({ db, clock }, out.caseId);
    return { caseId: c.id, version: c.version };
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
    const staff = await createStaff(db, [{ username: 'rev', role: 'reviewer' }]);
    await createQueue(db, 'general', { routeRules: [], members: [...staff.values()] });
    reviewer = {
      db,
      clock,
      rulebooks: builtInRulebooks,
      bus: new ChangeBus(),
      audit: { actor: { type: 'user', id: String(staff.get('rev')) } },
    };
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses account-sealed on a first false-appeal-evidence finding ("首次發生的,給予警告"), naming the measure', async () => {
    const { caseId, version } = await file('false-appeal-evidence');
    const facts = { measures: ['warning', 'account-sealed'] };
    const preview = await refusal(previewDecision(reviewer, { caseId, facts, decision: 'apply' }));
    expect(preview).toMatchObject({ code: 'BAD_REQUEST', reason: 'measure_not_in_rule' });
    expect(preview.details).toEqual({ field: 'facts.measures.1' });
    expect(preview.message).toContain('"account-sealed"');

    const decided = await refusal(
      decideCase(reviewer, { id: caseId, version, decision: 'apply', facts, reason: '伪造凭证' }),
    );
    expect(decided).toMatchObject({ reason: 'measure_not_in_rule', details: { field: 'facts.measures.1' } });
    expect(await db.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute()).toEqual([]);

    const warned = await previewDecision(reviewer, { caseId, facts: { measures: ['warning'] }, decision: 'apply' });
    expect(warned).toMatchObject({ points: 0 });
  });

  it('judges the menu by the version in force when the violation was committed (《淘宝规则》第六十五条, 2016-08-02)', async () => {
    const { caseId } = await file('member-rights-abuse');
    // "並對濫用會員權利獲得的不當利益…進行返還或收回" exists only from the 2016 version on.
    const facts = { measures: ['gains-recovered'] };
    const before = await refusal(
      previewDecision(reviewer, { caseId, facts, violationAt: '2016-08-01T10:00:00+08:00', decision: 'apply' }),
    );
    expect(before).toMatchObject({ reason: 'measure_not_in_rule', details: { field: 'facts.measures.0' } });
    const after = await previewDecision(reviewer, {
      caseId,
      facts,
      violationAt: '2016-08-02T10:00:00+08:00',
      decision: 'apply',
    });
    expect(after.measures).toContain('gains-recovered');
  });

  it('still calls a measure missing from every table unknown (invalid_facts)', async () => {
    const { caseId } = await file('false-appeal-evidence');
    const err = await refusal(previewDecision(reviewer, { caseId, facts: { measures: ['jail'] }, decision: 'apply' }));
    expect(err).toMatchObject({ reason: 'invalid_facts', details: { field: 'facts.measures.0' } });
  });
});
