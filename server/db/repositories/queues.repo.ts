import type { ExpressionBuilder, Selectable } from 'kysely';
import type { RoutingMatch, RoutingRule } from '../../../shared/cases/routing';
import type { Database, Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type { QueueRow, QueuesTable, SlaDays } from '../tables/queues.table';
import { heldIn } from './heldCases';

export interface QueueUpsert {
  id: string;
  name_zh: string;
  name_en: string;
  sla_days: SlaDays;
  auto_assign: number;
  /** Left as it is (or the default, for a new queue) when not given. */
  hold_limit?: number;
}

/**
 * Whether the user is a member of the queue in the enclosing query's `queues` row: listed, or by
 * role. Cheaper than `memberships` on the claim path: it walks the few queues, with no union.
 */
export function isMemberOfQueue(eb: ExpressionBuilder<Database, 'queues'>, userId: number) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('queue_members')
        .select('queue_members.user_id')
        .whereRef('queue_members.queue_id', '=', 'queues.id')
        .where('queue_members.user_id', '=', userId),
    ),
    eb(
      'queues.member_role',
      '=',
      eb.selectFrom('users').select('users.role').where('users.id', '=', userId).where('users.disabled_at', 'is', null),
    ),
  ]);
}

/**
 * Every (queue, member) pair: the listed members, and everyone active whose role the queue
 * takes as members (`member_role`: the escalations queue's leads). Read membership through
 * this, never `queue_members` alone; only the member list a lead edits is the table itself.
 */
export function memberships(db: Executor) {
  return db
    .selectFrom('queue_members')
    .select(['queue_members.queue_id', 'queue_members.user_id'])
    .union(
      db
        .selectFrom('queues')
        .innerJoin('users', 'users.role', 'queues.member_role')
        .where('users.disabled_at', 'is', null)
        .select(['queues.id as queue_id', 'users.id as user_id']),
    );
}

const decode = (row: Selectable<QueuesTable>): QueueRow => ({ ...row, sla_days: fromJson(row.sla_days) });

export const queuesRepo = {
  async list(db: Executor): Promise<QueueRow[]> {
    const rows = await db.selectFrom('queues').selectAll().orderBy('id').execute();
    return rows.map(decode);
  },
  async find(db: Executor, id: string): Promise<QueueRow | undefined> {
    const row = await db.selectFrom('queues').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },
  async upsert(db: Executor, q: QueueUpsert, at: string): Promise<void> {
    const slaDays = toJson(q.sla_days);
    await db
      .insertInto('queues')
      .values({ ...q, sla_days: slaDays, created_at: at })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name_zh: q.name_zh,
          name_en: q.name_en,
          sla_days: slaDays,
          auto_assign: q.auto_assign,
          ...(q.hold_limit === undefined ? {} : { hold_limit: q.hold_limit }),
        }),
      )
      .execute();
  },
  async queueIdsOfUser(db: Executor, userId: number): Promise<string[]> {
    const rows = await db
      .selectFrom(memberships(db).as('m'))
      .select('m.queue_id')
      .where('m.user_id', '=', userId)
      .orderBy('m.queue_id')
      .execute();
    return rows.map((r) => r.queue_id);
  },
  /**
   * The caller's queues, with how many of each queue's cases they hold now (assigned to them,
   * their lease not run out) and the queue's hold limit.
   */
  async holdsOfMember(
    db: Executor,
    userId: number,
    now: string,
  ): Promise<{ queueId: string; held: number; holdLimit: number }[]> {
    const rows = await db
      .selectFrom('queues')
      .select((eb) => ['queues.id', 'queues.hold_limit', heldIn(eb, eb.ref('queues.id'), userId, now).as('held')])
      .where((eb) => isMemberOfQueue(eb, userId))
      .orderBy('queues.id')
      .execute();
    return rows.map((r) => ({ queueId: r.id, held: Number(r.held), holdLimit: r.hold_limit }));
  },
  /** The listed members of every queue (what a lead edits; `memberships` adds the role's members). */
  async members(db: Executor): Promise<{ queue_id: string; user_id: number }[]> {
    return db.selectFrom('queue_members').select(['queue_id', 'user_id']).execute();
  },
  async setMembers(db: Executor, queueId: string, userIds: number[]): Promise<void> {
    await db.deleteFrom('queue_members').where('queue_id', '=', queueId).execute();
    if (userIds.length) {
      await db
        .insertInto('queue_members')
        .values(userIds.map((user_id) => ({ queue_id: queueId, user_id })))
        .execute();
    }
  },
  /** Members of a queue who can take work, with how many cases each holds now (least first). */
  async membersByLoad(db: Executor, queueId: string): Promise<{ user_id: number; load: number }[]> {
    const rows = await db
      .selectFrom(memberships(db).as('m'))
      .innerJoin('users', 'users.id', 'm.user_id')
      .leftJoin('cases', (join) =>
        join.onRef('cases.assignee_id', '=', 'm.user_id').on('cases.status', 'in', ['assigned', 'pending_approval']),
      )
      .select(['m.user_id', (eb) => eb.fn.count<number>('cases.id').as('load')])
      .where('m.queue_id', '=', queueId)
      .where('users.disabled_at', 'is', null)
      .groupBy('m.user_id')
      .orderBy('load')
      .orderBy('m.user_id')
      .execute();
    return rows.map((r) => ({ user_id: r.user_id, load: Number(r.load) }));
  },

  async routingRules(db: Executor): Promise<RoutingRule[]> {
    const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      queueId: r.queue_id,
      match: fromJson<RoutingMatch>(r.match),
      enabled: r.enabled === 1,
    }));
  },
  async insertRoutingRule(db: Executor, rule: Omit<RoutingRule, 'id'>, at: string): Promise<number> {
    const row = await db
      .insertInto('routing_rules')
      .values({
        position: rule.position,
        queue_id: rule.queueId,
        match: toJson(rule.match),
        enabled: rule.enabled ? 1 : 0,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async updateRoutingRule(db: Executor, rule: RoutingRule): Promise<number> {
    const result = await db
      .updateTable('routing_rules')
      .set({
        position: rule.position,
        queue_id: rule.queueId,
        match: toJson(rule.match),
        enabled: rule.enabled ? 1 : 0,
      })
      .where('id', '=', rule.id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
  async deleteRoutingRule(db: Executor, id: number): Promise<number> {
    const result = await db.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
