import type { Executor } from '../database';

/** One person with a case open, as the presence bar shows them. */
export interface CaseViewer {
  userId: number;
  name: string;
  editing: boolean;
  openedAt: string;
  seenAt: string;
}

/** `case_viewers`: who has which case page open (see migration 0026). */
export const presenceRepo = {
  /**
   * Records a heartbeat and says what it changed for others: `joined` (a new viewer, or one
   * back after going quiet) or `editing` (the drafting flag flipped). One statement per step,
   * so 20 heartbeats at once leave one row.
   */
  async beat(
    db: Executor,
    row: { caseId: number; userId: number; editing: boolean; at: string; quietBefore: string },
  ): Promise<{ joined: boolean; editingChanged: boolean }> {
    const before = await db
      .selectFrom('case_viewers')
      .select(['editing', 'seen_at'])
      .where('case_id', '=', row.caseId)
      .where('user_id', '=', row.userId)
      .executeTakeFirst();
    const editing = row.editing ? 1 : 0;
    await db
      .insertInto('case_viewers')
      .values({ case_id: row.caseId, user_id: row.userId, editing, opened_at: row.at, seen_at: row.at })
      .onConflict((oc) =>
        oc.columns(['case_id', 'user_id']).doUpdateSet({
          editing,
          seen_at: row.at,
          // Back after going quiet: a fresh visit.
          opened_at: (eb) =>
            eb
              .case()
              .when('case_viewers.seen_at', '<', row.quietBefore)
              .then(row.at)
              .else(eb.ref('case_viewers.opened_at'))
              .end(),
        }),
      )
      .execute();
    const joined = !before || before.seen_at < row.quietBefore;
    return { joined, editingChanged: !joined && before.editing !== editing };
  },

  /** Forgets a viewer; true when they were there. */
  async leave(db: Executor, caseId: number, userId: number): Promise<boolean> {
    const result = await db
      .deleteFrom('case_viewers')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Everyone heard from since `since`, longest there first. */
  async active(db: Executor, caseId: number, since: string): Promise<CaseViewer[]> {
    const rows = await db
      .selectFrom('case_viewers')
      .innerJoin('users', 'users.id', 'case_viewers.user_id')
      .select([
        'case_viewers.user_id',
        'users.display_name',
        'case_viewers.editing',
        'case_viewers.opened_at',
        'case_viewers.seen_at',
      ])
      .where('case_viewers.case_id', '=', caseId)
      .where('case_viewers.seen_at', '>=', since)
      .orderBy('case_viewers.opened_at')
      .orderBy('case_viewers.user_id')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.display_name,
      editing: Boolean(r.editing),
      openedAt: r.opened_at,
      seenAt: r.seen_at,
    }));
  },

  /** Drops rows quiet since long before `before`, so the table stays the size of who is online. */
  async forgetQuiet(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('case_viewers').where('seen_at', '<', before).execute();
  },
};
