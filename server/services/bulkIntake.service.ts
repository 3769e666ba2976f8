import { randomUUID } from 'node:crypto';
import type { ReportSubmitInput } from '../../shared/api/intake';
import { recordEvent } from '../audit/recordEvent';
import type { CaseChange } from '../events/changeBus';
import { intakeReport, intakeSetupOf } from './intake.service';
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
  const changes: CaseChange[] = [];
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const setup = intakeSetupOf(trx);
    const tally = { reports: reports.length, created: 0, merged: 0, duplicates: 0, batchId };
    for (const [i, report] of reports.entries()) {
      const result = await intakeReport(trx, audit, report, ctx.clock.now(), setup);
      if (result.outcome === 'created') tally.created += 1;
      else if (result.outcome === 'merged') tally.merged += 1;
      else tally.duplicates += 1;
      if (result.change) changes.push(result.change);
      if (i % 100 === 99) onProgress(i + 1);
    }
    await recordEvent(trx, audit, { action: 'reports.imported', data: tally }, ctx.clock.now());
    return tally;
  });
  onProgress(reports.length);
  ctx.bus.publish(changes);
  return counts;
}
