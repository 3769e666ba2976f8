import type { QaDashboard } from '../../shared/api/qa';
import type { Executor } from '../db/database';
import type { Range } from '../db/repositories/metrics.repo';

/**
 * Known-answer (gold) cases answered in `range` by these reviewers (everyone when absent), and
 * how many matched the expected verdict: the dashboard's gold accuracy, counted apart from the
 * sampled decisions' agreement. Gold cases and their answers belong to the calibration feature,
 * which fills this in from its own tables; without them there is nothing answered.
 */
export async function goldAccuracy(
  _db: Executor,
  _range: Range,
  _reviewerIds?: readonly number[],
): Promise<QaDashboard['gold']> {
  return { answered: 0, correct: 0 };
}
