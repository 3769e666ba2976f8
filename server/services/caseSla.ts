import type { ReportSource } from '../../shared/cases/enums';
import { DEFAULT_SLA_DAYS } from '../../shared/cases/triage';
import type { QueueRow } from '../db/tables/queues.table';

/** Days to close a case of `source` in `queue`: the queue's own setting, else the default. */
export function slaDaysFor(queue: QueueRow | undefined, source: ReportSource): number {
  if (queue) {
    // Rows written before a source existed may lack it.
    const days: number | undefined = queue.sla_days[source];
    if (typeof days === 'number' && days > 0) return days;
  }
  return DEFAULT_SLA_DAYS[source];
}
