import { closeExpiredAppeals } from '../services/appealExpiry.service';
import { type JobDeps, startPeriodicJob } from './periodicJob';

/** Makes records final when their appeal window or evidence deadline passes. */
export function startAppealSweeper(deps: JobDeps, intervalMs = 60_000) {
  return startPeriodicJob(deps, { name: 'appeal sweep', intervalMs, run: closeExpiredAppeals, changed: 'finalised' });
}
