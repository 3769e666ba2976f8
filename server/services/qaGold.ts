import type { QaDashboard } from '../../shared/api/qa';
import type { Executor } from '../db/database';
import type { Range } from '../db/repositories/metrics.repo';
import { qaGoldRepo } from '../db/repositories/qaGold.repo';

/**
 * Known-answer (gold) cases answered in `range` by these reviewers (everyone when absent), and
 * how many matched the expected verdict: the dashboard's gold accuracy, counted apart from the
 * sampled decisions' agreement. The answers are the gold attempts recorded when a reviewer
 * decides a gold case's training copy (qaGoldServing.ts).
 */
export async function goldAccuracy(
  db: Executor,
  range: Range,
  reviewerIds?: readonly number[],
): Promise<QaDashboard['gold']> {
  return qaGoldRepo.accuracy(db, range, reviewerIds);
}
