import type { Selectable } from 'kysely';
import type { CaseDetail } from '../../shared/api/caseDetail';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { forecastReach, slaState } from '../../shared/cases/sla';
import { allowedEvents } from '../../shared/cases/stateMachine';
import { reporterCredibility, scoreAt } from '../../shared/cases/triage';
import { notFound } from '../../shared/errors/deskError';
import { reporterScore } from '../../shared/messages/reporterScore';
import { maskPii } from '../../shared/pii/mask';
import { DEFAULT_PLATFORM } from '../../shared/rulebook/platforms';
import type { Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { decisionsRepo } from '../db/repositories/decisions.repo';
import { evidenceRepo } from '../db/repositories/evidence.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { ReportersTable } from '../db/tables/caseExtras.table';
import { currentDecision, stateOf } from './decisionState';
import { evidenceContentUrl } from './evidence.service';
import { notesFor } from './notes.service';
import { queuePaces } from './queuePace';

/** Everything the case page shows about one case (issue 5 adds the standing and decisions). */
export async function getCase(ctx: { db: Executor; clock: { now(): Date } }, id: number): Promise<CaseDetail> {
  const c = await casesRepo.find(ctx.db, id);
  if (!c) throw notFound('case', id);
  const now = ctx.clock.now();
  const open = (OPEN_CASE_STATUSES as readonly string[]).includes(c.status);
  const [subject, assignee, reports, evidence, links, paces, ahead, decision, notes] = await Promise.all([
    subjectsRepo.find(ctx.db, c.subject_id),
    c.assignee_id ? usersRepo.findById(ctx.db, c.assignee_id) : undefined,
    reportsRepo.listForCase(ctx.db, c.id),
    evidenceRepo.listForCase(ctx.db, c.id),
    ctx.db
      .selectFrom('case_links')
      .innerJoin('cases', 'cases.id', 'case_links.linked_case_id')
      .select(['cases.id', 'cases.rule', 'cases.status', 'cases.summary'])
      .where('case_links.case_id', '=', c.id)
      .orderBy('cases.id')
      .execute(),
    queuePaces(ctx.db, now),
    open && c.queue ? casesRepo.positionInQueue(ctx.db, c.queue, c.rank, c.id) : null,
    decisionsRepo.listForCase(ctx.db, c.id).then((all) => currentDecision(all, c.rule)),
    notesFor(ctx.db, { type: 'case', id: c.id }),
  ]);
  const state = decision ? stateOf(decision, (id) => ({ id, name: String(id) })) : null;
  const changedBy = state ? await usersRepo.findById(ctx.db, state.changedBy.id) : undefined;
  const reporterIds = [...new Set(reports.map((r) => r.reporter_id).filter((r): r is string => Boolean(r)))];
  const reporters = reporterIds.length
    ? await ctx.db.selectFrom('reporters').selectAll().where('id', 'in', reporterIds).execute()
    : [];
  const credibility = new Map(reporters.map((r) => [r.id, reporterCredibility(r.upheld, r.dismissed)]));
  const reporterRows = new Map(reporters.map((r) => [r.id, r]));
  const pace = paces.get(c.queue);
  const forecast = pace && ahead !== null ? forecastReach(pace, ahead, now) : null;
  const triage = scoreAt({ base: c.priority, factors: c.triage ?? [] }, new Date(c.created_at), now);

  return {
    id: c.id,
    status: c.status,
    version: c.version,
    rule: c.rule,
    source: c.source,
    summary: c.summary,
    queue: c.queue,
    assignee: assignee ? { id: assignee.id, name: assignee.display_name } : null,
    leaseUntil: c.status === 'assigned' ? c.lease_until : null,
    decision: state && {
      ...state,
      changedBy: { ...state.changedBy, name: changedBy?.display_name ?? state.changedBy.name },
    },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    subject: {
      id: c.subject_id,
      kind: subject?.kind ?? 'merchant',
      platform: subject?.platform ?? DEFAULT_PLATFORM,
      name: subject?.name ?? null,
      shopLevel: subject?.shop_level ?? null,
      registeredAt: subject?.registered_at ?? null,
      phoneMasked: subject?.phone ? maskPii('phone', subject.phone) : null,
      addressMasked: subject?.address ? maskPii('address', subject.address) : null,
    },
    triage: { score: triage.score, factors: triage.factors },
    sla: {
      dueAt: c.sla_due_at,
      state: slaState(c.sla_due_at, forecast, now, open),
      ahead,
      forecastAt: forecast?.toISOString() ?? null,
    },
    reports: reports.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      source: r.source,
      summary: r.summary,
      reporterId: r.reporter_id,
      subjectName: r.subject_name,
      reporterCredibility: r.reporter_id ? (credibility.get(r.reporter_id) ?? null) : null,
      reporterMutedAtIntake: r.reporter_muted === 1,
      reporter: reporterSummary(r.reporter_id ? reporterRows.get(r.reporter_id) : undefined),
      facts: r.facts,
      createdAt: r.created_at,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      reportId: e.report_id,
      kind: e.kind,
      title: e.title,
      text: e.text,
      url: e.url,
      createdAt: e.created_at,
      sha256: e.sha256,
      contentType: e.content_type,
      size: e.size,
      fileName: e.file_name,
      contentUrl: e.sha256 ? evidenceContentUrl(e.id) : null,
      data: e.structured,
    })),
    links: links.map((l) => ({ caseId: l.id, rule: l.rule, status: l.status, summary: l.summary })),
    allowedEvents: allowedEvents(c.status),
    notes,
  };
}

/** A reporter's score and mute as the case page shows them beside their report. */
function reporterSummary(r: Selectable<ReportersTable> | undefined) {
  if (!r) return null;
  return { ...reporterScore(r), upheld: r.upheld, dismissed: r.dismissed, muted: r.muted_at !== null };
}
