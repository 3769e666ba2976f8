import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { ReportSubmitInput } from '../../shared/api/intake';
import { recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { retryOnRace } from '../db/retryOnRace';
import type { CaseChange } from '../events/changeBus';
import { type IntakeEvent, intakeReport, intakeSetupOf } from './intake.service';
import type { ServiceContext } from './serviceContext';

export interface ImportCounts {
  reports: number;
  created: number;
  merged: number;
  duplicates: number;
  batchId: string;
}

/**
 * Files many reports all-or-nothing: one transaction, one batch id on every audit event,
 * and the same intake path as `reports.submit`, so a bulk report behaves exactly like one.
 */
export async function importReports(
  ctx: ServiceContext,
  reports: ReportSubmitInput[],
  onProgress: (done: number) => void = () => {},
): Promise<ImportCounts> {
  const batchId = randomUUID();
  const audit = { ...ctx.audit, batchId };
  let changes: CaseChange[] = [];
  // Reports filed in parallel (reports.submit, another import) can win a race for a key this
  // import writes too; on PostgreSQL that aborts the whole transaction, so it runs again.
  const counts = await retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      changes = [];
      await takeImportTurn(trx);
      // The audit events are appended at the end: holding the audit append lock while waiting
      // for rows a parallel reports.submit holds (which waits for that lock to commit) would deadlock.
      const events: IntakeEvent[] = [];
      const setup = intakeSetupOf(trx);
      const tally = { reports: reports.length, created: 0, merged: 0, duplicates: 0, batchId };
      for (const [i, report] of reports.entries()) {
        const result = await intakeReport(trx, audit, report, ctx.clock.now(), setup, events);
        if (result.outcome === 'created') tally.created += 1;
        else if (result.outcome === 'merged') tally.merged += 1;
        else tally.duplicates += 1;
        if (result.change) changes.push(result.change);
        if (i % 100 === 99) onProgress(i + 1);
      }
      for (const event of events) await recordEvent(trx, audit, event, ctx.clock.now());
      await recordEvent(trx, audit, { action: 'reports.imported', data: tally }, ctx.clock.now());
      return tally;
    }),
  );
  onProgress(reports.length);
  ctx.bus.publish(changes);
  return counts;
}

/** Arbitrary constant naming the PostgreSQL advisory lock that lets one bulk import run at a time. */
const IMPORT_LOCK = 7_270_017;

/**
 * Two imports filing reports about the same subjects would each hold rows the other waits
 * for (a deadlock); on PostgreSQL they take turns for the whole transaction. SQLite already
 * serializes writers.
 */
async function takeImportTurn(trx: Transaction<Database>) {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}
