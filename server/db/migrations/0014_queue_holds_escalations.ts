import type { Kysely } from 'kysely';

/**
 * Claim hygiene and the escalations queue (issue 15):
 * - `queues.hold_limit`: how many of a queue's cases one person may hold at once (claimed, or
 *   kept with "keep and go next"); a lead sets it per queue, and a claim beyond it is refused.
 * - `queues.member_role`: everyone with this role is a member of the queue besides the listed
 *   members, so the escalations queue is worked by every lead, including leads added later.
 * - the escalations queue itself, named in both languages (it used to be created on the first
 *   escalation with no members, and its id showed on screen until the queue list reloaded).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('queues')
    .addColumn('hold_limit', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  await db.schema.alterTable('queues').addColumn('member_role', 'text').execute();
  const escalations = {
    name_zh: '升级处理',
    name_en: 'Escalations',
    sla_days: JSON.stringify({ user_report: 7, spot_check: 7, system_detection: 7 }),
    member_role: 'lead',
  };
  const exists = await db.selectFrom('queues').select('id').where('id', '=', 'escalations').executeTakeFirst();
  if (exists) await db.updateTable('queues').set(escalations).where('id', '=', 'escalations').execute();
  else
    await db
      .insertInto('queues')
      .values({ id: 'escalations', ...escalations, auto_assign: 0, created_at: new Date().toISOString() })
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('queues').dropColumn('member_role').execute();
  await db.schema.alterTable('queues').dropColumn('hold_limit').execute();
}
