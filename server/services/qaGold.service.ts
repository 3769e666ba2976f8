import { randomUUID } from 'node:crypto';
import type { GoldView } from '../../shared/api/qaGold';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { redactDeep, redactor, sendersIn } from '../../shared/qa/redact';
import { judgesFinding, type QaVerdict } from '../../shared/qa/verdict';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { evidenceRepo } from '../db/repositories/evidence.repo';
import { type GoldSnapshot, qaGoldRepo } from '../db/repositories/qaGold.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { CaseRow } from '../db/tables/cases.table';
import { ruleOf } from './decisionPath';
import { rulebookForFinding, validateFacts } from './decisionPreview';
import { newCopy } from './qaGoldServing';
import { actingUserId, type ServiceContext } from './serviceContext';

const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/**
 * `qa.gold.mark`: a lead makes a decided real case a known-answer case. Its personal data is
 * redacted into a snapshot (shared/qa/redact.ts), a synthetic training subject is made for it,
 * and the first training copy is written (idle: in no queue, held by nobody) for calibration
 * sessions to show. The real case and its subject are only read.
 */
export async function markGold(
  ctx: ServiceContext,
  input: { caseId: number; expected: QaVerdict; note?: string },
): Promise<{ id: number; copyCaseId: number }> {
  const by = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    if (c.training || OPEN.has(c.status)) {
      throw new DeskError('CONFLICT', 'gold_needs_decided_case', `case ${c.id} is not a decided real case`, {
        field: 'caseId',
      });
    }
    if (await qaGoldRepo.activeForSource(trx, c.id)) {
      throw new DeskError('CONFLICT', 'gold_already_marked', `case ${c.id} is already a gold case`, {
        field: 'caseId',
      });
    }
    const expected = await checkedExpected(trx, ctx, c, input.expected);
    const subject = await subjectsRepo.find(trx, c.subject_id);
    if (!subject) throw notFound('subject', c.subject_id);
    const snapshot = await redactedSnapshot(trx, c, subject);
    const subjectId = `TRAIN-${randomUUID().slice(0, 8).toUpperCase()}`;
    await qaGoldRepo.insertTrainingSubject(trx, {
      id: subjectId,
      kind: subject.kind,
      name: `训练对象 ${subjectId.slice(6)}`,
      platform: subject.platform,
      at,
    });
    const status = 'triaged' as const;
    const gold = { snapshot, training_subject_id: subjectId, rule: c.rule };
    const copyCaseId = await newCopy(trx, gold, {
      status,
      queue: null,
      assigneeId: null,
      leaseUntil: null,
      now,
    });
    const id = await qaGoldRepo.insertGold(trx, {
      ...gold,
      source_case_id: c.id,
      copy_case_id: copyCaseId,
      expected,
      note: input.note ?? null,
      marked_by: by,
      marked_at: at,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.gold.marked',
        target: { type: 'case', id: c.id },
        data: {
          goldId: id,
          copyCaseId,
          newCaseStatus: status,
          trainingSubjectId: subjectId,
          expected,
          note: input.note ?? null,
        },
      },
      now,
    );
    return { id, copyCaseId };
  });
}

/** The expected verdict, checked like a decision on the case: its own rule, the rule's facts. */
async function checkedExpected(trx: Executor, ctx: ServiceContext, c: CaseRow, v: QaVerdict): Promise<QaVerdict> {
  if (v.decision === 'dismiss') return { decision: 'dismiss' };
  const rule = ruleOf(c, v.rule);
  const rulebook = await rulebookForFinding(trx, ctx.rulebooks, c.subject_id, rule);
  const facts = validateFacts(rulebook, rule, v.facts ?? {});
  const checked = { decision: v.decision, rule, facts };
  if (!judgesFinding(checked)) throw new Error('unreachable: a finding without a rule');
  return checked;
}

/** What a training copy shows: the real case's allegation and evidence, its people redacted. */
async function redactedSnapshot(
  trx: Executor,
  c: CaseRow,
  subject: { id: string; name: string | null; phone: string | null; address: string | null },
): Promise<GoldSnapshot> {
  const reports = await reportsRepo.listForCase(trx, c.id);
  const evidence = await evidenceRepo.listForCase(trx, c.id);
  const redact = redactor({
    names: [subject.name, ...reports.map((r) => r.subject_name), ...evidence.flatMap((e) => sendersIn(e.structured))],
    ids: [subject.id, ...reports.map((r) => r.reporter_id), ...reports.map((r) => r.external_id)],
    phones: [subject.phone],
    addresses: [subject.address],
  });
  return {
    summary: redact(c.summary),
    source: c.source,
    priority: c.priority,
    slaMs: c.sla_due_at ? new Date(c.sla_due_at).getTime() - new Date(c.created_at).getTime() : null,
    reports: reports.map((r) => ({
      source: r.source,
      summary: redact(r.summary),
      facts: r.facts === null ? null : redactDeep(r.facts, redact),
    })),
    // Files and links are left out: a screenshot or a listing's address cannot be redacted.
    evidence: evidence
      .filter((e) => e.sha256 === null)
      .map((e) => ({
        kind: e.kind,
        title: redact(e.title),
        text: e.text === null ? null : redact(e.text),
        structured: e.structured === null ? null : withoutLinks(redactDeep(e.structured, redact)),
      })),
  };
}

/** Listing snapshots keep their pictures' addresses: not carried into a training copy. */
function withoutLinks(data: unknown): unknown {
  if (data && typeof data === 'object' && 'images' in data) {
    const { images: _images, ...rest } = data as Record<string, unknown>;
    return rest;
  }
  return data;
}

/** `qa.gold.list`: gold cases, newest first, with how often they were answered right. */
export async function listGold(ctx: ServiceContext, input: { includeRetired: boolean }): Promise<GoldView[]> {
  const rows = await qaGoldRepo.list(ctx.db, input.includeRetired);
  return rows.map((g) => ({
    id: g.id,
    sourceCaseId: g.source_case_id,
    copyCaseId: g.copy_case_id,
    rule: g.rule,
    expected: g.expected,
    note: g.note,
    summary: g.snapshot.summary,
    markedBy: { id: g.marked_by, name: g.marked_by_name },
    markedAt: g.marked_at,
    retired: g.retired_at !== null,
    attempts: g.attempts,
    correct: g.correct,
  }));
}

/** `qa.gold.retire`: no longer served; copies in someone's hands may still be answered. */
export async function retireGold(ctx: ServiceContext, input: { id: number }): Promise<{ retired: true }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const gold = await qaGoldRepo.find(trx, input.id);
    if (!gold) throw notFound('gold_case', input.id);
    if (!(await qaGoldRepo.retire(trx, gold.id, now.toISOString()))) {
      throw new DeskError('CONFLICT', 'gold_retired', `gold case ${gold.id} is already retired`);
    }
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'qa.gold.retired', target: { type: 'gold_case', id: gold.id }, data: { goldId: gold.id } },
      now,
    );
    return { retired: true as const };
  });
}

/** `qa.gold.setRate`: the percentage of a queue's `queue.next` calls served a gold copy. */
export async function setGoldRate(
  ctx: ServiceContext,
  input: { queueId: string; percent: number },
): Promise<{ queueId: string; percent: number }> {
  const by = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await queuesRepo.find(trx, input.queueId))) throw notFound('queue', input.queueId);
    const previous = await qaGoldRepo.rateOf(trx, input.queueId);
    await qaGoldRepo.setRate(trx, input.queueId, input.percent, by, now.toISOString());
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'qa.gold.rate_set',
        target: { type: 'queue', id: input.queueId },
        data: { queueId: input.queueId, percent: input.percent, previous },
      },
      now,
    );
    return { queueId: input.queueId, percent: input.percent };
  });
}

export async function goldRates(ctx: ServiceContext) {
  return (await qaGoldRepo.rates(ctx.db)).map((r) => ({ queueId: r.queue_id, percent: r.percent }));
}
