import type { BlindCaseView, CalibrationDetail, CalibrationMatrix } from '../../shared/api/qaGold';
import { can, ROLES } from '../../shared/auth/roles';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { toCsv } from '../../shared/metrics/csv';
import { agreementMatrix, MATRIX_CSV_COLUMNS, matrixCsvRows } from '../../shared/qa/calibration';
import { scoreVerdict } from '../../shared/qa/score';
import type { QaVerdict } from '../../shared/qa/verdict';
import type { Rulebook } from '../../shared/rulebook';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { evidenceRepo } from '../db/repositories/evidence.repo';
import { qaCalibrationRepo } from '../db/repositories/qaCalibration.repo';
import { qaGoldRepo } from '../db/repositories/qaGold.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { ruleOf } from './decisionPath';
import { rulebookForFinding, validateFacts } from './decisionPreview';
import { actingUserId, type ServiceContext } from './serviceContext';

const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/**
 * `qa.calibration.create`: a lead picks decided real cases (and gold cases, shown through their
 * redacted training copy) and at least two reviewers who decide cases.
 */
export async function createCalibration(
  ctx: ServiceContext,
  input: { name: string; caseIds: number[]; reviewerIds: number[]; goldCaseIds?: number[] },
): Promise<{ id: number }> {
  const by = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const reviewerIds = [...input.reviewerIds];
    if (new Set(reviewerIds).size !== reviewerIds.length) throw badReviewer('a reviewer is named twice');
    for (const id of reviewerIds) {
      const u = await usersRepo.findById(trx, id);
      if (!u || u.disabled_at || !can(u.role, 'cases.decide')) throw badReviewer(`user ${id} cannot decide cases`);
    }
    const items: { caseId: number; goldId: number | null }[] = [];
    for (const caseId of input.caseIds) {
      const c = await casesRepo.find(trx, caseId);
      if (!c || c.training || OPEN.has(c.status)) throw badCase(`case ${caseId} is not a decided real case`);
      items.push({ caseId, goldId: null });
    }
    const goldIds = input.goldCaseIds ?? [];
    for (const goldId of goldIds) {
      const g = await qaGoldRepo.find(trx, goldId);
      if (!g || g.retired_at) throw badCase(`gold case ${goldId} is not in use`);
      items.push({ caseId: g.copy_case_id, goldId });
    }
    if (new Set(items.map((i) => i.caseId)).size !== items.length) throw badCase('a case is picked twice');
    const id = await qaCalibrationRepo.insertSession(trx, {
      name: input.name,
      createdBy: by,
      at: now.toISOString(),
      reviewerIds,
      items,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.calibration.created',
        target: { type: 'calibration_session', id },
        data: { name: input.name, caseIds: input.caseIds, goldIds, reviewerIds },
      },
      now,
    );
    return { id };
  });
}

/** Who may be invited: enabled staff whose role decides cases. */
export async function calibrationCandidates(ctx: ServiceContext): Promise<{ id: number; name: string }[]> {
  return qaCalibrationRepo.staffInRoles(
    ctx.db,
    ROLES.filter((r) => can(r, 'cases.decide')),
  );
}

const badReviewer = (message: string) =>
  new DeskError('BAD_REQUEST', 'calibration_bad_reviewer', message, { field: 'reviewerIds' });
const badCase = (message: string) =>
  new DeskError('BAD_REQUEST', 'calibration_bad_case', message, { field: 'caseIds' });

/** Who may look at a session: leads (qa.manage) and the invited reviewers. */
async function loadSession(db: Executor, ctx: ServiceContext, id: number) {
  const userId = actingUserId(ctx);
  const session = await qaCalibrationRepo.find(db, id);
  if (!session) throw notFound('calibration_session', id);
  const members = await qaCalibrationRepo.members(db, id);
  const invited = members.some((m) => m.id === userId);
  const user = await usersRepo.findById(db, userId);
  const lead = !!user && can(user.role, 'qa.manage');
  if (!invited && !lead) {
    throw new DeskError('FORBIDDEN', 'calibration_not_invited', `you are not invited to session ${id}`);
  }
  return { session, members, invited, lead, userId };
}

/** `qa.calibration.list`: every session for leads; a reviewer's own invitations otherwise. */
export async function listCalibrations(ctx: ServiceContext) {
  const userId = actingUserId(ctx);
  const user = await usersRepo.findById(ctx.db, userId);
  const lead = !!user && can(user.role, 'qa.manage');
  const sessions = await qaCalibrationRepo.list(ctx.db, lead ? undefined : userId);
  return Promise.all(
    sessions.map(async (s) => {
      const members = await qaCalibrationRepo.members(ctx.db, s.id);
      return {
        id: s.id,
        name: s.name,
        createdBy: { id: s.created_by, name: s.created_by_name },
        createdAt: s.created_at,
        closedAt: s.closed_at,
        reviewers: members,
        itemCount: await qaCalibrationRepo.itemCount(ctx.db, s.id),
        invited: members.some((m) => m.id === userId),
      };
    }),
  );
}

/**
 * `qa.calibration.get`: the session's cases as a blind reviewer sees them (allegation and
 * evidence, never a decision). While it is open, each caller sees only their own answers, and
 * leads only who has answered how many; once closed, everyone's answers, the gold answer, the
 * real decision and the agreement matrix.
 */
export async function getCalibration(ctx: ServiceContext, input: { id: number }): Promise<CalibrationDetail> {
  const { session, members, invited, userId } = await loadSession(ctx.db, ctx, input.id);
  const closed = session.closed_at !== null;
  const items = await qaCalibrationRepo.items(ctx.db, session.id);
  const answers = await qaCalibrationRepo.answers(ctx.db, session.id, closed ? undefined : userId);
  const goldAnswers = await goldAnswersOf(ctx.db, items);
  const view = (a: (typeof answers)[number]) => ({
    reviewerId: a.reviewerId,
    decision: a.verdict.decision,
    rule: a.verdict.rule ?? null,
    facts: a.verdict.facts ?? {},
    reason: a.reason,
  });
  const detailed = await Promise.all(
    items.map(async (it) => {
      const mine = answers.find((a) => a.caseId === it.case_id && a.reviewerId === userId);
      const real = closed && it.gold_id === null ? await qaCalibrationRepo.realDecision(ctx.db, it.case_id) : undefined;
      return {
        caseId: it.case_id,
        gold: it.gold_id !== null,
        case: await blindCase(ctx.db, it.case_id),
        myAnswer: mine ? view(mine) : null,
        answers: closed ? answers.filter((a) => a.caseId === it.case_id).map(view) : null,
        goldAnswer: closed ? (goldAnswers.get(it.case_id) ?? null) : null,
        realDecision: real ? { decision: real.kind, rule: real.rule } : null,
      };
    }),
  );
  return {
    id: session.id,
    name: session.name,
    createdBy: { id: session.created_by, name: session.created_by_name },
    createdAt: session.created_at,
    closedAt: session.closed_at,
    reviewers: members,
    itemCount: items.length,
    invited,
    items: detailed,
    matrix: closed ? await matrixOf(ctx, session.id) : null,
  };
}

/** The gold answer of each item: a gold item's expected verdict, or that of a real case in use as gold. */
async function goldAnswersOf(db: Executor, items: { case_id: number; gold_id: number | null }[]) {
  const answers = new Map<number, QaVerdict>();
  for (const it of items) {
    const gold =
      it.gold_id !== null ? await qaGoldRepo.find(db, it.gold_id) : await qaGoldRepo.activeForSource(db, it.case_id);
    if (gold) answers.set(it.case_id, gold.expected);
  }
  return answers;
}

/** A case as a blind reviewer sees it: no decision, no subject name. */
async function blindCase(db: Executor, caseId: number): Promise<BlindCaseView> {
  const c = await casesRepo.find(db, caseId);
  if (!c) throw notFound('case', caseId);
  const subject = await subjectsRepo.find(db, c.subject_id);
  const reports = await reportsRepo.listForCase(db, caseId);
  const evidence = await evidenceRepo.listForCase(db, caseId);
  return {
    caseId,
    rule: c.rule,
    subjectKind: subject?.kind ?? 'merchant',
    summary: c.summary,
    reports: reports.map((r) => ({ source: r.source, summary: r.summary, facts: r.facts ?? {} })),
    evidence: evidence.map((e) => ({ kind: e.kind, title: e.title, text: e.text })),
  };
}

/** `qa.calibration.answer`: an invited reviewer's blind verdict, checked like a decision on the case. */
export async function answerCalibration(
  ctx: ServiceContext,
  input: {
    sessionId: number;
    caseId: number;
    decision: QaVerdict['decision'];
    rule?: string;
    facts?: Record<string, unknown>;
    reason: string;
  },
): Promise<{ answered: true }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { session, invited, userId } = await loadSession(trx, ctx, input.sessionId);
    if (!invited) {
      throw new DeskError('FORBIDDEN', 'calibration_not_invited', `you are not invited to session ${session.id}`);
    }
    if (session.closed_at) throw new DeskError('CONFLICT', 'calibration_closed', `session ${session.id} is closed`);
    const items = await qaCalibrationRepo.items(trx, session.id);
    if (!items.some((i) => i.case_id === input.caseId)) {
      throw new DeskError('BAD_REQUEST', 'calibration_case_not_in_session', `case ${input.caseId} is not in it`, {
        field: 'caseId',
      });
    }
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    let verdict: QaVerdict = { decision: 'dismiss' };
    if (input.decision !== 'dismiss') {
      const rule = ruleOf(c, input.rule);
      const rulebook = await rulebookForFinding(trx, ctx.rulebooks, c.subject_id, rule);
      verdict = { decision: input.decision, rule, facts: validateFacts(rulebook, rule, input.facts ?? {}) };
    }
    await qaCalibrationRepo.saveAnswer(trx, {
      sessionId: session.id,
      caseId: c.id,
      reviewerId: userId,
      verdict,
      reason: input.reason,
      at: now.toISOString(),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.calibration.answered',
        target: { type: 'calibration_session', id: session.id },
        data: { caseId: c.id, answer: verdict, reason: input.reason },
      },
      now,
    );
    return { answered: true as const };
  });
}

/** `qa.calibration.close`: no more answers; everyone's answers and the matrix become visible. */
export async function closeCalibration(ctx: ServiceContext, input: { id: number }): Promise<CalibrationMatrix> {
  const by = actingUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const session = await qaCalibrationRepo.find(trx, input.id);
    if (!session) throw notFound('calibration_session', input.id);
    if (!(await qaCalibrationRepo.close(trx, session.id, by, now.toISOString()))) {
      throw new DeskError('CONFLICT', 'calibration_closed', `session ${session.id} is already closed`);
    }
    const answers = await qaCalibrationRepo.answers(trx, session.id);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.calibration.closed',
        target: { type: 'calibration_session', id: session.id },
        data: { answers: answers.length },
      },
      now,
    );
  });
  return matrixOf(ctx, input.id);
}

/**
 * Who agreed with whom: two verdicts on a case agree when QA's field-by-field scoring finds no
 * field in disagreement (decision kind, rule, points and ledger, measures), judged by the
 * case's rulebook on an empty record, as a gold answer is.
 */
async function matrixOf(ctx: ServiceContext, sessionId: number): Promise<CalibrationMatrix> {
  const members = await qaCalibrationRepo.members(ctx.db, sessionId);
  const items = await qaCalibrationRepo.items(ctx.db, sessionId);
  const answers = await qaCalibrationRepo.answers(ctx.db, sessionId);
  const goldAnswers = await goldAnswersOf(ctx.db, items);
  const rulebooks = new Map<number, Rulebook>();
  for (const it of items) {
    const c = await casesRepo.find(ctx.db, it.case_id);
    if (c) rulebooks.set(c.id, await ctx.rulebooks.forSubject(ctx.db, c.subject_id));
  }
  const asOf = ctx.clock.now().toISOString();
  const agree = (caseId: number, x: QaVerdict, y: QaVerdict) => {
    const rulebook = rulebooks.get(caseId) ?? ctx.rulebooks.default;
    return scoreVerdict(rulebook, x, y, { history: { violations: [] }, asOf }).agreed;
  };
  const { pairs, gold } = agreementMatrix(
    members.map((m) => m.id),
    goldAnswers,
    answers,
    agree,
  );
  return { reviewers: members.map((m) => ({ id: m.id, name: m.name })), pairs, gold };
}

/** `qa.calibration.csv`: the closed session's matrix as CSV (the desk's one CSV writer). */
export async function calibrationCsv(
  ctx: ServiceContext,
  input: { id: number },
): Promise<{ fileName: string; csv: string }> {
  const { session } = await loadSession(ctx.db, ctx, input.id);
  if (!session.closed_at) {
    throw new DeskError('CONFLICT', 'calibration_open', `session ${session.id} is still open`);
  }
  const matrix = await matrixOf(ctx, session.id);
  const names = new Map(matrix.reviewers.map((r) => [r.id, r.name]));
  return {
    fileName: `calibration-${session.id}.csv`,
    csv: toCsv(MATRIX_CSV_COLUMNS, matrixCsvRows(names, matrix)),
  };
}
