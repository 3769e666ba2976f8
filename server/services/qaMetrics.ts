import type { QaDashboard } from '../../shared/api/qa';
import { qaAgreement } from '../../shared/qa/dashboard';
import type { Executor } from '../db/database';
import type { Range } from '../db/repositories/metrics.repo';
import { qaRepo } from '../db/repositories/qa.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { goldAccuracy } from './qaGold';

/**
 * `metrics.dashboard`'s QA section under the dashboard's scope: a lead's team (the decisions of
 * the team's members, the backlog of the team's queues), or only the caller's own decisions.
 */
export async function qaSection(
  db: Executor,
  args: {
    scope: { kind: 'team' | 'self'; people: number[]; queues: string[] };
    range: Range;
    days: readonly string[];
    utcOffsetMinutes: number;
  },
): Promise<QaDashboard> {
  const { scope, range } = args;
  const self = scope.kind === 'self';
  const [tasks, backlog, gold] = await Promise.all([
    qaRepo.scoredBetween(db, range.from, range.to, scope.people),
    self ? qaRepo.backlog(db, undefined, scope.people) : qaRepo.backlog(db, scope.queues),
    goldAccuracy(db, range, scope.people),
  ]);
  const names = new Map<number, string>();
  for (const id of new Set(tasks.map((t) => t.reviewerId))) {
    names.set(id, (await usersRepo.findById(db, id))?.display_name ?? String(id));
  }
  return qaAgreement(tasks, {
    days: args.days,
    utcOffsetMinutes: args.utcOffsetMinutes,
    nameOf: (id) => names.get(id) ?? String(id),
    backlog,
    gold,
  });
}
