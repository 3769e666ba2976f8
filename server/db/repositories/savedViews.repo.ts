import type { QueueViewState } from '../../../shared/api/views';
import { queueViewFromStored } from '../../../shared/views/queueViewUrl';
import type { Executor } from '../database';
import { toJson } from '../jsonColumns';
import { memberships } from './queues.repo';

/** A saved view as services see it: its state decoded (leniently: older views keep opening). */
export interface StoredView {
  id: number;
  ownerId: number;
  ownerName: string;
  name: string;
  state: QueueViewState;
  sharedQueue: string | null;
  updatedAt: string;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('saved_views')
    .innerJoin('users', 'users.id', 'saved_views.owner_id')
    .select([
      'saved_views.id',
      'saved_views.owner_id',
      'users.display_name as owner_name',
      'saved_views.name',
      'saved_views.state',
      'saved_views.shared_queue',
      'saved_views.updated_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const decode = (row: Row): StoredView => ({
  id: row.id,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  name: row.name,
  state: queueViewFromStored(safeJson(row.state)),
  sharedQueue: row.shared_queue,
  updatedAt: row.updated_at,
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const savedViewsRepo = {
  /** The user's own views, and those shared with a queue they are a member of (by list or by role). */
  async visibleTo(db: Executor, userId: number): Promise<StoredView[]> {
    const rows = await baseQuery(db)
      .where((eb) =>
        eb.or([
          eb('saved_views.owner_id', '=', userId),
          eb(
            'saved_views.shared_queue',
            'in',
            db.selectFrom(memberships(db).as('m')).select('m.queue_id').where('m.user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('saved_views.name')
      .orderBy('saved_views.id')
      .execute();
    return rows.map(decode);
  },

  async find(db: Executor, id: number): Promise<StoredView | undefined> {
    const row = await baseQuery(db).where('saved_views.id', '=', id).executeTakeFirst();
    return row && decode(row);
  },

  async findByName(db: Executor, ownerId: number, name: string): Promise<StoredView | undefined> {
    const row = await baseQuery(db)
      .where('saved_views.owner_id', '=', ownerId)
      .where('saved_views.name', '=', name)
      .executeTakeFirst();
    return row && decode(row);
  },

  async countOwnedBy(db: Executor, ownerId: number): Promise<number> {
    const row = await db
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insert(db: Executor, ownerId: number, name: string, state: QueueViewState, at: string): Promise<number> {
    const row = await db
      .insertInto('saved_views')
      .values({ owner_id: ownerId, name, state: toJson(state), shared_queue: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async replaceState(db: Executor, id: number, state: QueueViewState, at: string): Promise<void> {
    await db
      .updateTable('saved_views')
      .set({ state: toJson(state), updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  async share(db: Executor, id: number, queue: string | null, at: string): Promise<void> {
    await db.updateTable('saved_views').set({ shared_queue: queue, updated_at: at }).where('id', '=', id).execute();
  },

  async delete(db: Executor, id: number): Promise<void> {
    await db.deleteFrom('saved_views').where('id', '=', id).execute();
  },
};
