import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Sign-in and staff administration hardening:
 * - `users.must_change_password`: the account's password was set by someone else (CLI, an
 *   admin's reset); its first session may do nothing but choose a new one.
 * - `users.totp_secret` / `totp_enabled_at`: TOTP second factor (secret pending until confirmed).
 * - `sessions.pending_mfa`: 1 while a session has passed the password but not yet the code.
 * - `login_attempts`: failure counts and locks of usernames that are not accounts, so that
 *   unknown names lock exactly like real ones and answer the same.
 * - `staff_grants`: privileged role grants waiting for a second admin's approval.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('pending_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('username', 'text', (c) => c.primaryKey().notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_grants')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('staff_grants_status_idx').on('staff_grants').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_grants').execute();
  await db.schema.dropTable('login_attempts').execute();
  await db.schema.alterTable('sessions').dropColumn('pending_mfa').execute();
  await db.schema.alterTable('users').dropColumn('totp_enabled_at').execute();
  await db.schema.alterTable('users').dropColumn('totp_secret').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
