import type { Kysely } from 'kysely';

// Subjects' contact details (1688《不当获取使用信息处理规则》, docs/MARKETPLACE.md §2): stored for the desk, shown masked, revealed audited.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subjects').addColumn('phone', 'text').execute();
  await db.schema.alterTable('subjects').addColumn('address', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subjects').dropColumn('address').execute();
  await db.schema.alterTable('subjects').dropColumn('phone').execute();
}
