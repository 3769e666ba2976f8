import { type Kysely, sql } from 'kysely';

/**
 * Intake integrity (issue 16):
 * - One open case per subject and rule, enforced by the database, so parallel reports about
 *   the same conduct merge instead of opening twin cases (each could be penalised). A case a
 *   triager split off on purpose (`split_from`) is separate conduct and stays outside it.
 * - The subject's name as each report gave it, kept on the report: intake no longer renames
 *   the subject (only an audited staff action does).
 *
 * Twin open cases already stored are kept, not merged or closed (that would change records
 * people are working on without an audit event): every later twin is marked as split off
 * from the oldest one, which intake keeps merging into, and the two are linked so the case
 * page shows them side by side for a reviewer to decide or dismiss.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A case id, without a foreign key: SQLite cannot drop a column that is part of one (down).
  await db.schema.alterTable('cases').addColumn('split_from', 'integer').execute();
  await db.schema.alterTable('reports').addColumn('subject_name', 'text').execute();

  const twins = await sql<{ id: number; oldest: number }>`
    SELECT c.id, (SELECT MIN(o.id) FROM cases o
                   WHERE o.subject_id = c.subject_id AND o.rule = c.rule AND o.is_open = 1) AS oldest
      FROM cases c
     WHERE c.is_open = 1
       AND EXISTS (SELECT 1 FROM cases o
                    WHERE o.subject_id = c.subject_id AND o.rule = c.rule AND o.is_open = 1 AND o.id < c.id)
     ORDER BY c.id`.execute(db);
  const at = new Date().toISOString();
  for (const twin of twins.rows) {
    await db.updateTable('cases').set({ split_from: twin.oldest }).where('id', '=', twin.id).execute();
    for (const [a, b] of [
      [twin.id, twin.oldest],
      [twin.oldest, twin.id],
    ]) {
      await db
        .insertInto('case_links')
        .values({ case_id: a, linked_case_id: b, created_by: null, created_at: at })
        .onConflict((oc) => oc.columns(['case_id', 'linked_case_id']).doNothing())
        .execute();
    }
  }

  await db.schema
    .createIndex('cases_one_open_idx')
    .on('cases')
    .columns(['subject_id', 'rule'])
    .unique()
    .where(sql.ref('is_open'), '=', 1)
    .where(sql.ref('split_from'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_one_open_idx').execute();
  await db.schema.alterTable('reports').dropColumn('subject_name').execute();
  await db.schema.alterTable('cases').dropColumn('split_from').execute();
}
