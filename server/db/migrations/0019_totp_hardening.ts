import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * TOTP hardening:
 * - `users.totp_last_step`: the newest 30-second step whose code was accepted; a code of that
 *   step or an older one is refused (a replayed code), by one conditional update.
 * - `totp_recovery_codes`: the ten one-time codes shown at enrolment, kept as hashes; a code is
 *   spent by the update that sets `used_at`, so it works once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('totp_recovery_codes_user_idx')
    .on('totp_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('totp_recovery_codes').execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
