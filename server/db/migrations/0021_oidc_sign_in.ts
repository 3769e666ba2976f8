import type { Kysely } from 'kysely';

/**
 * Sign-in with the company's OpenID Connect provider:
 * - `users.email`: matches an account to the provider's verified `email` claim (stored lower-case);
 * - `users.oidc_subject`: `<issuer> <sub>` of the provider account bound at the first match, so a
 *   later provider account that takes the same username or email cannot sign in as this one;
 * - `sessions.sign_in_method`: `password` or `oidc`; an `oidc` session owes none of the desk's
 *   password steps (second factor, forced change): the provider authenticated the person.
 * Both unique indexes allow any number of NULLs on both dialects.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
  await db.schema.createIndex('users_email_idx').unique().on('users').column('email').execute();
  await db.schema.createIndex('users_oidc_subject_idx').unique().on('users').column('oidc_subject').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('sign_in_method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('sign_in_method').execute();
  await db.schema.dropIndex('users_oidc_subject_idx').execute();
  await db.schema.dropIndex('users_email_idx').execute();
  await db.schema.alterTable('users').dropColumn('oidc_subject').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
