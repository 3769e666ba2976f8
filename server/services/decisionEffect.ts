import type { Transaction } from 'kysely';
import type { CaseStatus } from '../../shared/cases/enums';
import { transition } from '../../shared/cases/stateMachine';
import { appealWindowDays } from '../../shared/decisions/appealWindow';
import { measureLabel, type NoticeData, renderNotice } from '../../shared/notices/renderNotice';
import { defaultRulebook, type FindingPreview } from '../../shared/rulebook';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo, noticesRepo, violationsRepo } from '../db/repositories/decisions.repo';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { DecisionRow } from '../db/tables/decisions.table';
import type { CaseChange } from '../events/changeBus';
import { announceDecision } from '../outbox/announceOutcomes';
import type { ServiceContext } from './serviceContext';

const DAY_MS = 86_400_000;

/** The measure a rule's demotion applies (e.g. search-demotion), from its newest version. */
function definitionDemotionMeasure(rule: string): string | null {
  const versions = defaultRulebook.rules.find((r) => r.id === rule)?.versions ?? [];
  return versions.at(-1)?.demotion?.measure ?? null;
}

/**
 * An apply or waive decision takes effect: the violation goes on record (apply), the notice
 * with the statement of reasons is written, and the case moves decided → notice sent →
 * appeal window (apply) or → final (waive: nothing to appeal). All in the caller's transaction.
 */
export async function takeEffect(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  args: { c: CaseRow; decision: DecisionRow; preview: FindingPreview; via: 'decide' | 'approve'; now: Date },
): Promise<{ status: CaseStatus; noticeId: number; change: CaseChange }> {
  const { c, decision, preview, now } = args;
  const at = now.toISOString();
  const kind = decision.kind === 'waive' ? 'waive' : 'apply';
  const rule = decision.rule ?? c.rule;
  const facts = JSON.parse(decision.facts ?? '{}') as Record<string, unknown>;

  if (kind === 'apply') {
    await violationsRepo.insert(trx, {
      id: preview.finding.id,
      subject_id: c.subject_id,
      case_id: c.id,
      decision_id: decision.id,
      rule,
      at: decision.violation_at ?? c.created_at,
      facts: JSON.stringify(facts),
      created_at: at,
    });
  }

  const appealUntil = kind === 'apply' ? new Date(now.getTime() + appealWindowDays(rule) * DAY_MS).toISOString() : null;
  const subject = await subjectsRepo.find(trx, c.subject_id);
  const definition = defaultRulebook.rules.find((r) => r.id === rule);
  // Demotions are listed item by item below, with their days; the rest have a period only
  // when a node punishment gives them one, so a finding's own measures name no end date.
  const demotionMeasure = preview.demotions.length ? definitionDemotionMeasure(rule) : null;
  const measures =
    kind === 'apply'
      ? [
          ...preview.finding.measures
            .filter((id) => id !== demotionMeasure)
            .map((id) => ({
              id,
              label: measureLabel(defaultRulebook, id),
              from: at,
              until: null as string | null,
              permanent: false,
            })),
          ...preview.punishments.flatMap((p) =>
            p.measures.map((id) => ({
              id,
              label: measureLabel(defaultRulebook, id),
              from: p.from,
              until: p.until,
              permanent: p.until === null,
            })),
          ),
        ]
      : [];
  const notice: NoticeData = {
    caseId: c.id,
    subject: { id: c.subject_id, name: subject?.name ?? null },
    decision: kind,
    rule: { id: rule, name: definition?.name ?? { zh: rule, en: rule }, version: preview.finding.ruleVersion },
    facts,
    ledger: kind === 'apply' ? preview.ledger : null,
    points: kind === 'apply' ? preview.points : 0,
    outcome: kind === 'apply' ? preview.outcome : null,
    measures,
    demotions:
      kind === 'apply'
        ? preview.demotions.map((d) => ({ item: d.item, from: d.from, until: d.until, days: d.days }))
        : [],
    reason: decision.reason,
    automatedDetection: c.source === 'system_detection',
    automatedDecision: false,
    decidedAt: at,
    appealUntil,
  };
  const body = renderNotice(notice);
  const noticeId = await noticesRepo.insert(trx, {
    case_id: c.id,
    decision_id: decision.id,
    subject_id: c.subject_id,
    body_zh: body.zh,
    body_en: body.en,
    data: JSON.stringify(notice),
    appeal_until: appealUntil,
    created_at: at,
  });

  let status = transition(c.status, args.via);
  status = transition(status, 'send_notice');
  status = transition(status, kind === 'apply' ? 'open_appeal_window' : 'window_closed');
  if (!(await casesRepo.updateAtVersion(trx, c.id, c.version, { status, closed_at: at, updated_at: at }))) {
    throw new Error(`case ${c.id} changed inside its own decision transaction`);
  }
  await decisionsRepo.update(trx, decision.id, { status: 'effective' });
  for (const r of await reportsRepo.listForCase(trx, c.id))
    if (r.reporter_id) await reportersRepo.bump(trx, r.reporter_id, 'upheld');
  // The marketplace learns of the measures and the notice in this same transaction (docs/OUTBOX.md).
  await announceDecision(trx, { decisionId: decision.id, noticeId, notice, text: body, now });

  // The payload the DSA statement-of-reasons export reads (shared/dsa).
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
        subjectKind: subject?.kind ?? null,
        rule,
        ruleVersion: preview.finding.ruleVersion,
        decision: kind,
        facts,
        violationId: kind === 'apply' ? preview.finding.id : null,
        ledger: kind === 'apply' ? preview.ledger : null,
        points: kind === 'apply' ? preview.points : 0,
        measures: measures.map((m) => m.id),
        punishments:
          kind === 'apply'
            ? preview.punishments.map((p) => ({ measures: p.measures, from: p.from, until: p.until }))
            : [],
        source: c.source,
        automatedDetection: c.source === 'system_detection',
        automatedDecision: false,
        decidedAt: at,
        decidedBy: decision.decided_by,
        approvedBy: args.via === 'approve' ? ctx.audit.actor.id : null,
        reason: decision.reason,
        noticeId,
        appealUntil,
      },
    },
    now,
  );
  return {
    status,
    noticeId,
    change: { caseId: c.id, action: 'decided', status, assigneeId: c.assignee_id, version: c.version + 1, at },
  };
}
