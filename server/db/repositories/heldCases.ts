import { type Expression, type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../database';

/**
 * How many of one queue's cases a person holds now: assigned to them and not under a lease that
 * ran out (the sweeper is about to give those back, and anyone may claim them meanwhile). Cases a
 * lead assigned have no lease and count. `queue` may reference the enclosing query's queue column.
 */
export function heldIn(eb: ExpressionBuilder<Database, any>, queue: Expression<string>, userId: number, now: string) {
  return eb
    .selectFrom('cases')
    .select(sql<number>`count(*)`.as('n'))
    .where('cases.assignee_id', '=', userId)
    .where('cases.status', '=', 'assigned')
    .where('cases.queue', '=', queue)
    .where((w) => w.or([w('cases.lease_until', 'is', null), w('cases.lease_until', '>=', now)]));
}
