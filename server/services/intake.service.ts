import type { Transaction } from 'kysely';
import type { ReportSubmitInput, ReportSubmitOutput } from '../../shared/api/intake';
import { caseState } from '../../shared/audit/caseState';
import type { AuditEventInput } from '../../shared/audit/events';
import { type RoutingRule, routeCase } from '../../shared/cases/routing';
import { assertRuleOnPlatform, assertSamePlatform } from '../../shared/cases/rulePlatform';
import { rankOf, reporterCredibility, severityOf, slaDueAt, triageScore } from '../../shared/cases/triage';
import { DeskError } from '../../shared/errors/deskError';
import { DEFAULT_PLATFORM, type PlatformId } from '../../shared/rulebook/platforms';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import type { Database, Executor } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { evidenceRepo } from '../db/repositories/evidence.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import { violationsRepo } from '../db/repositories/violations.repo';
import { retryOnRace } from '../db/retryOnRace';
import type { CaseRow } from '../db/tables/cases.table';
import type { QueueRow } from '../db/tables/queues.table';
import type { NewReportRow } from '../db/tables/reports.table';
import type { CaseChange } from '../events/changeBus';
import { slaDaysFor } from './caseSla';
import type { ServiceContext } from './serviceContext';

/** The events filing a report records: a bulk import holds them back to write after its rows. */
export type IntakeEvent = AuditEventInput<'case.created'> | AuditEventInput<'case.report_merged'>;

/** Routing rules and queues: what a new case needs to find its queue. */
export interface IntakeSetup {
  rules: RoutingRule[];
  queues: Map<string, QueueRow>;
}

/**
 * Reads the routing setup the first time a report needs it, then keeps it for the rest of
 * the transaction (a bulk import reads it once). Reports that merge into an open case, most
 * of them under load, never route and never read it.
 */
export function intakeSetupOf(db: Executor): () => Promise<IntakeSetup> {
  let loaded: Promise<IntakeSetup> | undefined;
  return () => {
    loaded ??= Promise.all([queuesRepo.routingRules(db), queuesRepo.list(db)]).then(([rules, queues]) => ({
      rules,
      queues: new Map(queues.map((q) => [q.id, q])),
    }));
    return loaded;
  };
}

export interface IntakeResult {
  output: ReportSubmitOutput;
  /** What changed, to publish after commit; null when the report was a repeat. */
  change: CaseChange | null;
  outcome: 'created' | 'merged' | 'duplicate';
}

/** `reports.submit`: one report in, in one transaction with its audit event. */
export async function submitReport(ctx: ServiceContext, input: ReportSubmitInput): Promise<ReportSubmitOutput> {
  // A parallel report that wrote the same key first (the report's externalId) aborts this
  // transaction on PostgreSQL; run again, it finds that report and answers as a repeat.
  const result = await retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      return intakeReport(trx, ctx.audit, input, ctx.clock.now(), intakeSetupOf(trx));
    }),
  );
  if (result.change) ctx.bus.publish(result.change);
  return result.output;
}

/**
 * Files one report inside the caller's transaction: the same externalId again returns the
 * same ids; a report on a subject and rule with an open case merges into it; otherwise a
 * new case is scored, routed to a queue (and to its least-loaded member when the queue
 * assigns automatically) and given its SLA deadline. The database keeps one open case per
 * subject and rule (cases_one_open_idx): when a parallel report opened it first, this one
 * merges into that case.
 */
export async function intakeReport(
  trx: Transaction<Database>,
  audit: AuditContext,
  input: ReportSubmitInput,
  now: Date,
  setup: () => Promise<IntakeSetup>,
  /** When given, the audit events are collected here for the caller to record (bulk import). */
  deferredEvents?: IntakeEvent[],
): Promise<IntakeResult> {
  const at = now.toISOString();
  const platform = input.subject.platform ?? DEFAULT_PLATFORM;
  assertRuleOnPlatform(input.rule, platform);
  const repeat = await reportsRepo.findByExternalId(trx, input.externalId);
  if (repeat) {
    const first = await reportsRepo.firstIdOfCase(trx, repeat.case_id);
    return {
      output: { reportId: repeat.id, caseId: repeat.case_id, merged: first !== repeat.id },
      change: null,
      outcome: 'duplicate',
    };
  }

  await ensureSubject(trx, input, platform, at);
  if (input.reporterId) await reportersRepo.bump(trx, input.reporterId, 'submitted');
  if (input.reporterId && input.reporterLocale)
    await reportersRepo.setLocale(trx, input.reporterId, input.reporterLocale);
  const reporter = input.reporterId ? await reportersRepo.find(trx, input.reporterId) : undefined;
  // A muted reporter's report is still taken in, flagged and ranked lower (docs/MESSAGES.md).
  const reporterMuted = Boolean(reporter?.muted_at);
  const filing: Filing = {
    trx,
    record: async (event) => {
      if (deferredEvents) deferredEvents.push(event);
      else await recordEvent(trx, audit, event, now);
    },
    input,
    now,
    credibility: reporter ? reporterCredibility(reporter.upheld, reporter.dismissed) : null,
    reporterMuted,
    reportRow: {
      external_id: input.externalId,
      source: input.source,
      subject_id: input.subject.id,
      subject_name: input.subject.name ?? null,
      rule: input.rule,
      summary: input.summary,
      facts: input.facts ?? null,
      reporter_id: input.reporterId ?? null,
      reporter_muted: reporterMuted ? 1 : 0,
      created_at: at,
    },
  };

  // Twice at most: a case a parallel report opened after our look is there the second time.
  for (let look = 1; look <= 2; look++) {
    const open = await casesRepo.lockOpenFor(trx, input.subject.id, input.rule);
    if (open) return mergeIntoCase(filing, open);
    const created = await openCase(filing, setup);
    if (created) return created;
  }
  throw new DeskError(
    'CONFLICT',
    'case_changed',
    `the open case of ${input.subject.id} changed during intake; submit again`,
  );
}

/** One report on its way in: what both the merge and the new-case path need. */
interface Filing {
  trx: Transaction<Database>;
  record: (event: IntakeEvent) => Promise<void>;
  input: ReportSubmitInput;
  now: Date;
  credibility: number | null;
  reporterMuted: boolean;
  reportRow: Omit<NewReportRow, 'case_id'>;
}

async function mergeIntoCase(f: Filing, open: CaseRow): Promise<IntakeResult> {
  const { trx, input } = f;
  const at = f.now.toISOString();
  const reportId = await reportsRepo.insert(trx, { ...f.reportRow, case_id: open.id });
  await evidenceRepo.insertMany(trx, open.id, reportId, input.evidence ?? [], at);
  const triage = triageScore({
    rule: open.rule,
    source: open.source,
    reporterCredibility: f.credibility,
    reporterMuted: f.reporterMuted,
    priorViolations: await violationsRepo.countOnRecord(trx, input.subject.id),
    reportCount: open.report_count + 1,
  });
  const base = Math.max(open.priority, triage.base);
  const updated = await casesRepo.updateAtVersion(trx, open.id, open.version, {
    report_count: open.report_count + 1,
    priority: base,
    rank: rankOf(base, new Date(open.created_at)),
    triage: base === triage.base ? triage.factors : open.triage,
    updated_at: at,
  });
  if (!updated) throw new DeskError('CONFLICT', 'case_changed', `case ${open.id} changed during intake; submit again`);
  await f.record({
    action: 'case.report_merged',
    target: { type: 'case', id: open.id },
    data: { reportId, externalId: input.externalId, source: input.source, reporterId: input.reporterId ?? null },
  });
  return {
    output: { reportId, caseId: open.id, merged: true },
    change: {
      caseId: open.id,
      action: 'merged',
      status: open.status,
      assigneeId: open.assignee_id,
      version: open.version + 1,
      at,
    },
    outcome: 'merged',
  };
}

/** A new case for the report, or null when a parallel report opened one for the same subject and rule first. */
async function openCase(f: Filing, setup: () => Promise<IntakeSetup>): Promise<IntakeResult | null> {
  const { trx, input, now } = f;
  const at = now.toISOString();
  const severity = severityOf(input.rule);
  const triage = triageScore({
    rule: input.rule,
    source: input.source,
    reporterCredibility: f.credibility,
    reporterMuted: f.reporterMuted,
    priorViolations: await violationsRepo.countOnRecord(trx, input.subject.id),
    reportCount: 1,
  });
  const { rules, queues } = await setup();
  const queueId = routeCase(rules, {
    rule: input.rule,
    subjectKind: input.subject.kind,
    source: input.source,
    severity,
    platform: input.subject.platform ?? DEFAULT_PLATFORM,
  });
  const queue = queueId ? queues.get(queueId) : undefined;
  const assignee = queue?.auto_assign ? ((await queuesRepo.membersByLoad(trx, queue.id))[0]?.user_id ?? null) : null;
  const status = assignee ? 'assigned' : queueId ? 'triaged' : 'new';
  const caseId = await casesRepo.insertUnlessOpen(trx, {
    subject_id: input.subject.id,
    rule: input.rule,
    status,
    source: input.source,
    summary: input.summary,
    priority: triage.base,
    rank: rankOf(triage.base, now),
    triage: triage.factors,
    queue: queueId,
    assignee_id: assignee,
    lease_until: null,
    sla_due_at: slaDueAt(now, slaDaysFor(queue, input.source)).toISOString(),
    closed_at: null,
    created_at: at,
    updated_at: at,
  });
  if (caseId === null) return null;
  const reportId = await reportsRepo.insert(trx, { ...f.reportRow, case_id: caseId });
  await evidenceRepo.insertMany(trx, caseId, reportId, input.evidence ?? [], at);
  await f.record({
    action: 'case.created',
    target: { type: 'case', id: caseId },
    data: {
      reportId,
      externalId: input.externalId,
      subjectId: input.subject.id,
      subjectPlatform: input.subject.platform ?? DEFAULT_PLATFORM,
      rule: input.rule,
      source: input.source,
      queue: queueId,
      autoAssignedTo: assignee,
      priority: triage.base,
      ...caseState(status, assignee),
    },
  });
  return {
    output: { reportId, caseId, merged: false },
    change: { caseId, action: 'created', status, assigneeId: assignee, version: 1, at },
    outcome: 'created',
  };
}

/**
 * Adds a subject seen for the first time (parallel first reports: one insert wins, the
 * others read it). An existing subject keeps its platform (a report naming another is refused:
 * the subject's findings are judged by one rulebook) and its name: the name a report gives is stored on
 * the report, and only staff rename a subject (subjects.rename, audited).
 */
async function ensureSubject(trx: Transaction<Database>, input: ReportSubmitInput, platform: PlatformId, at: string) {
  await subjectsRepo.insertIfMissing(trx, {
    id: input.subject.id,
    kind: input.subject.kind,
    platform,
    name: input.subject.name ?? null,
    shop_level: null,
    registered_at: null,
    created_at: at,
    phone: input.subject.phone ?? null,
    address: input.subject.address ?? null,
  });
  const existing = await subjectsRepo.find(trx, input.subject.id);
  // A gold case's training subject is synthetic: no real report may land on it (qaGold.service.ts).
  if (existing?.training) {
    throw new DeskError('BAD_REQUEST', 'training_subject', `subject ${input.subject.id} is a training subject`, {
      field: 'subject.id',
    });
  }
  if (existing && existing.kind !== input.subject.kind) {
    throw new DeskError(
      'BAD_REQUEST',
      'subject_kind_mismatch',
      `subject ${input.subject.id} is a ${existing.kind}, not a ${input.subject.kind}`,
      { field: 'subject.kind' },
    );
  }
  if (existing) assertSamePlatform(existing.id, existing.platform, platform);
}
