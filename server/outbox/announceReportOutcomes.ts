import type { Transaction } from 'kysely';
import { REPORTER_LOCALES, type ReporterLocale } from '../../shared/api/messages';
import { type ReportOutcome, reportOutcomeNotice } from '../../shared/messages/reportOutcome';
import type { Rulebook } from '../../shared/rulebook';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { reportersRepo } from '../db/repositories/reporters.repo';
import { reportsRepo } from '../db/repositories/reports.repo';
import type { ReportRow } from '../db/tables/reports.table';
import { idempotencyKey } from './idempotencyKey';
import { recordOutbox } from './recordOutbox';

const localeOf = (value: string | null | undefined): ReporterLocale =>
  (REPORTER_LOCALES as readonly string[]).includes(value ?? '') ? (value as ReporterLocale) : 'zh-CN';

/**
 * A case with user reports closed: each of its reporters (reports merged into it included) gets
 * one `report.outcome` notice, in the caller's transaction. "Once" is per case, reporter and
 * outcome (the idempotency key): a reporter with several reports on the case gets one notice
 * naming them all, a retried transaction or a second writer none more, and a case that later
 * changes (an appeal) sends nothing new for the outcome already told (docs/MESSAGES.md).
 */
export async function announceReportOutcomes(
  trx: Transaction<Database>,
  audit: AuditContext,
  args: {
    caseId: number;
    subjectId: string;
    rule: string;
    outcome: ReportOutcome;
    rulebook: Rulebook;
    now: Date;
    /** The case's reports when the caller has just read them (saves reading them again). */
    reports?: readonly Pick<ReportRow, 'reporter_id' | 'external_id'>[];
  },
): Promise<number> {
  const byReporter = new Map<string, string[]>();
  for (const r of args.reports ?? (await reportsRepo.listForCase(trx, args.caseId))) {
    if (!r.reporter_id) continue;
    byReporter.set(r.reporter_id, [...(byReporter.get(r.reporter_id) ?? []), r.external_id]);
  }
  if (!byReporter.size) return 0;
  const locales = new Map(
    (await reportersRepo.findMany(trx, [...byReporter.keys()])).map((r) => [r.id, localeOf(r.locale)]),
  );
  const ruleName = args.rulebook.rules.find((r) => r.id === args.rule)?.name ?? { zh: args.rule, en: args.rule };
  const decidedAt = args.now.toISOString();
  let queued = 0;
  for (const [reporterId, reports] of byReporter) {
    const locale = locales.get(reporterId) ?? 'zh-CN';
    const notice = reportOutcomeNotice({
      outcome: args.outcome,
      locale,
      caseId: args.caseId,
      reports,
      ruleName,
      decidedAt,
      complaintDays: args.rulebook.appeals.reporterComplaintDays,
    });
    const written = await recordOutbox(
      trx,
      {
        type: 'report.outcome',
        key: idempotencyKey('report.outcome', [args.caseId, reporterId, args.outcome]),
        subjectId: args.subjectId,
        caseId: args.caseId,
        body: {
          reporter: { id: reporterId, locale },
          reports,
          outcome: args.outcome,
          rule: args.rule,
          decidedAt,
          text: notice.text,
          complaint: notice.complaint,
        },
      },
      args.now,
    );
    if (!written) continue;
    queued++;
    await recordEvent(
      trx,
      audit,
      {
        action: 'report.outcome_queued',
        target: { type: 'case', id: args.caseId },
        data: { reporterId, reports, outcome: args.outcome, locale, sequence: written.sequence },
      },
      args.now,
    );
  }
  return queued;
}
