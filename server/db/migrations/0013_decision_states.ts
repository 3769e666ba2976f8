import { type Kysely, sql } from 'kysely';

/**
 * Decision states that follow the decision's life: `pending_approval` (was `pending`),
 * `effective`, `sent_back`, `overturned` (appeal upheld) and `adjusted` (appeal upheld with a
 * lighter finding), with who moved it to its current state and when. Decisions already
 * reversed on appeal take their state from the appeal that reversed them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('decisions')
    .addColumn('status_changed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('decisions').addColumn('status_changed_at', 'text').execute();
  await db.updateTable('decisions').set({ status: 'pending_approval' }).where('status', '=', 'pending').execute();
  await sql`
    UPDATE decisions SET
      status = (SELECT CASE WHEN a.relief_violation_id IS NULL THEN 'overturned' ELSE 'adjusted' END
                FROM appeals a WHERE a.decision_id = decisions.id AND a.status = 'approved' ORDER BY a.id DESC LIMIT 1),
      status_changed_by = (SELECT a.decided_by FROM appeals a
                           WHERE a.decision_id = decisions.id AND a.status = 'approved' ORDER BY a.id DESC LIMIT 1),
      status_changed_at = (SELECT a.decided_at FROM appeals a
                           WHERE a.decision_id = decisions.id AND a.status = 'approved' ORDER BY a.id DESC LIMIT 1)
    WHERE EXISTS (SELECT 1 FROM appeals a WHERE a.decision_id = decisions.id AND a.status = 'approved')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ status: 'effective' })
    .where('status', 'in', ['overturned', 'adjusted'])
    .execute();
  await db.updateTable('decisions').set({ status: 'pending' }).where('status', '=', 'pending_approval').execute();
  await db.schema.alterTable('decisions').dropColumn('status_changed_at').execute();
  await db.schema.alterTable('decisions').dropColumn('status_changed_by').execute();
}
