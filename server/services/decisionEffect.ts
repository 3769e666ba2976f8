import type { Transaction } from 'kysely';
import type { PreviewOutput } from '../../shared/api/decisions';
import { type CaseStateFields, caseState } from '../../shared/audit/caseState';
import type { CaseStatus } from '../../shared/cases/enums';
import { transition } from '../../shared/cases/stateMachine';
import { noticeAppealUntil } from '../../shared/decisions/appealWindow';
import { measureLabel, type NoticeData, renderNotice } from '../../shared/notices/renderNotice';
import type { FindingPreview, Rulebook } from '../../shared/rulebook';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { noticesRepo } from '../db/repositories/notices.repo';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { DecisionRow } from '../db/tables/decisions.table';
import type { SubjectRow } from '../db/tables/subjects.table';
import type { CaseChange } from '../events/changeBus';
import { announceDecision } from '../outbox/announceOutcomes';
import { previewOf } from './decisionPreview';
import { recordFinding } from './findingRecord';
import { sampleForQa } from './qaSampling';
import { actingUserId, type ServiceContext } from './serviceContext';

type Trx = Transaction<Database>;

interface Effect {
  c: CaseRow;
  decision: DecisionRow;
  /** The engine's judgement, recorded at `now` (the moment the decision takes effect). */
  judged: FindingPreview;
  /** The rules the subject is judged by. */
  rulebook: Rulebook;
  via: 'decide' | 'approve';
  now: Date;
}

/**
 * An apply or waive decision takes effect: the finding goes on record (apply), the notice with
 * the statement of reasons is written from the decision's own preview (a waiver's imposes
 * nothing), and the case moves decided → notice sent → appeal window (apply) or → final (waive:
 * nothing to appeal). All in the caller's transaction.
 */
export async function takeEffect(
  trx: Trx,
  ctx: ServiceContext,
  args: Effect,
): Promise<{ status: CaseStatus; noticeId: number; change: CaseChange }> {
  const { c, decision, judged, rulebook, now } = args;
  const at = now.toISOString();
  const kind = decision.kind === 'waive' ? 'waive' : 'apply';
  const rule = decision.rule ?? c.rule;
  const facts = decision.facts ?? {};
  const preview = previewOf(kind, judged, rulebook);
  if (kind === 'apply') {
    await recordFinding(trx, {
      id: judged.finding.id,
      subjectId: c.subject_id,
      caseId: c.id,
      decisionId: decision.id,
      rule,
      violationAt: decision.violation_at ?? c.created_at,
      facts,
      recordedAt: at,
    });
  }
  const subject = await subjectsRepo.find(trx, c.subject_id);
  const notice = noticeOf({ c, decision, subject, rulebook, rule, facts, preview, at });
  const body = renderNotice(notice, rulebook);
  const noticeId = await noticesRepo.insert(trx, {
    case_id: c.id,
    decision_id: decision.id,
    subject_id: c.subject_id,
    body_zh: body.zh,
    body_en: body.en,
    data: notice,
    appeal_until: notice.appealUntil,
    created_at: at,
  });

  let status = transition(c.status, args.via);
  status = transition(status, 'send_notice');
  status = transition(status, kind === 'apply' ? 'open_appeal_window' : 'window_closed');
  // A closed case is nobody's to hold: its lease ends with it.
  const closed = { status, closed_at: at, lease_until: null, updated_at: at };
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, closed))) {
    throw new Error(`case ${c.id} changed inside its own decision transaction`);
  }
  await decisionsRepo.update(trx, decision.id, {
    status: 'effective',
    preview,
    status_changed_by: args.via === 'approve' ? actingUserId(ctx) : decision.decided_by,
    status_changed_at: at,
  });
  for (const r of await reportsRepo.listForCase(trx, c.id))
    if (r.reporter_id) await reportersRepo.bump(trx, r.reporter_id, 'upheld');
  // The marketplace learns of the measures and the notice in this same transaction (docs/OUTBOX.md).
  await announceDecision(trx, { decisionId: decision.id, noticeId, notice, text: body, rulebook, now });
  const state = caseState(status, c.assignee_id);
  await recordDecided(trx, ctx, { ...args, kind, rule, facts, preview, subject, notice, noticeId, state });
  await sampleForQa(trx, ctx, {
    c,
    decisionId: decision.id,
    decidedBy: decision.decided_by,
    approvedBy: args.via === 'approve' ? actingUserId(ctx) : null,
    decision: {
      kind,
      rule,
      seals: kind === 'apply' && judged.seals,
      seriousWaiver: kind === 'waive' && judged.ledger === 'serious' && judged.points > 0,
    },
    now,
  });
  return {
    status,
    noticeId,
    change: { caseId: c.id, action: 'decided', status, assigneeId: c.assignee_id, version: c.version + 1, at },
  };
}

/** The measure a rule's demotion applies (e.g. search-demotion), from its newest version. */
function demotionMeasureOf(rulebook: Rulebook, rule: string): string | null {
  const versions = rulebook.rules.find((r) => r.id === rule)?.versions ?? [];
  return versions.at(-1)?.demotion?.measure ?? null;
}

/** The statement of reasons, built from the decision's own preview: a waiver lists no measures. */
export function noticeOf(args: {
  c: CaseRow;
  decision: DecisionRow;
  subject: SubjectRow | undefined;
  rulebook: Rulebook;
  rule: string;
  facts: Record<string, unknown>;
  preview: PreviewOutput;
  at: string;
}): NoticeData {
  const { c, decision, preview, rulebook, rule, at } = args;
  const apply = preview.kind === 'apply';
  // Demotions are listed item by item, with their days; the rest have a period only when a node
  // punishment gives them one, so a finding's own measures name no end date.
  const demotionMeasure = preview.demotions.length ? demotionMeasureOf(rulebook, rule) : null;
  const label = (id: string) => measureLabel(rulebook, id);
  const measures = [
    ...preview.measures
      .filter((id) => id !== demotionMeasure)
      .map((id) => ({ id, label: label(id), from: at, until: null as string | null, permanent: false })),
    ...preview.punishments.flatMap((p) =>
      p.measures.map((id) => ({ id, label: label(id), from: p.from, until: p.until, permanent: p.until === null })),
    ),
  ];
  const definition = rulebook.rules.find((r) => r.id === rule);
  return {
    caseId: c.id,
    subject: { id: c.subject_id, name: args.subject?.name ?? null },
    decision: apply ? 'apply' : 'waive',
    rule: { id: rule, name: definition?.name ?? { zh: rule, en: rule }, version: preview.ruleVersion },
    facts: args.facts,
    ledger: apply ? preview.ledger : null,
    points: preview.points,
    outcome: apply ? preview.outcome : null,
    measures,
    demotions: preview.demotions.map((d) => ({ item: d.item, from: d.from, until: d.until, days: d.days })),
    reason: decision.reason,
    automatedDetection: c.source === 'system_detection',
    automatedDecision: false,
    decidedAt: at,
    appealUntil: apply ? noticeAppealUntil(rulebook, rule, at) : null,
  };
}

/** `case.decided`: the payload the DSA statement-of-reasons export reads (shared/dsa). */
async function recordDecided(
  trx: Trx,
  ctx: ServiceContext,
  args: Effect & {
    kind: 'apply' | 'waive';
    rule: string;
    facts: Record<string, unknown>;
    preview: PreviewOutput;
    subject: SubjectRow | undefined;
    notice: NoticeData;
    noticeId: number;
    /** The case's state once the decision took effect. */
    state: CaseStateFields;
  },
): Promise<void> {
  const { c, decision, kind, preview, now } = args;
  const apply = kind === 'apply';
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'case.decided',
      target: { type: 'case', id: c.id },
      data: {
        decisionId: decision.id,
        caseId: c.id,
        subjectId: c.subject_id,
        subjectKind: args.subject?.kind ?? null,
        ...(args.subject && { subjectPlatform: args.subject.platform }),
        rule: args.rule,
        ruleVersion: preview.ruleVersion,
        decision: kind,
        facts: args.facts,
        violationId: apply ? args.judged.finding.id : null,
        ledger: apply ? preview.ledger : null,
        points: preview.points,
        measures: args.notice.measures.map((m) => m.id),
        punishments: preview.punishments.map((p) => ({ measures: p.measures, from: p.from, until: p.until })),
        source: c.source,
        automatedDetection: c.source === 'system_detection',
        automatedDecision: false,
        decidedAt: now.toISOString(),
        decidedBy: decision.decided_by,
        approvedBy: args.via === 'approve' ? ctx.audit.actor.id : null,
        reason: decision.reason,
        noticeId: args.noticeId,
        appealUntil: args.notice.appealUntil,
        violationAt: decision.violation_at,
        recordedAt: now.toISOString(),
        ...args.state,
      },
    },
    now,
  );
}
