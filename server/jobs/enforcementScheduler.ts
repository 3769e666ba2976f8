import { endDueMeasures } from '../services/enforcementExpiry.service';
import { type JobDeps, startPeriodicJob } from './periodicJob';

/** Ends punishments and demotions at their `until` (measure.ended), every `intervalMs`. */
export function startEnforcementScheduler(deps: JobDeps, intervalMs: number) {
  return startPeriodicJob(deps, { name: 'enforcement schedule', intervalMs, run: endDueMeasures, changed: 'ended' });
}
