import { expireLeases } from '../services/assignment.service';
import { type JobDeps, startPeriodicJob } from './periodicJob';

/**
 * Returns cases whose lease ran out to their queue. queue.next already treats an expired
 * lease as claimable; the sweep makes queue views and assignees' lists say so too.
 */
export function startLeaseSweeper(deps: JobDeps, intervalMs = 30_000) {
  return startPeriodicJob(deps, { name: 'lease sweep', intervalMs, run: expireLeases, changed: 'expired' });
}
