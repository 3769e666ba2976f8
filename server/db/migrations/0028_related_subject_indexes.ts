import type { Kysely } from 'kysely';

/**
 * Indexes for the subject page's related subjects: the same phone or address on file, and a
 * phone number seen in an account-security alert. Without them every subject page read the
 * whole `subjects` and `security_alerts` tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('subjects_phone_idx').on('subjects').column('phone').execute();
  await db.schema.createIndex('subjects_address_idx').on('subjects').column('address').execute();
  await db.schema.createIndex('security_alerts_phone_idx').on('security_alerts').column('phone').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('security_alerts_phone_idx').execute();
  await db.schema.dropIndex('subjects_address_idx').execute();
  await db.schema.dropIndex('subjects_phone_idx').execute();
}
