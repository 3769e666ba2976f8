import type { Kysely } from 'kysely';

/**
 * Integration tokens may expire: `expires_at` (ISO 8601 UTC, NULL for never) is checked on
 * every request together with `revoked_at`, so both take effect at once on every instance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('integration_tokens').addColumn('expires_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('integration_tokens').dropColumn('expires_at').execute();
}
