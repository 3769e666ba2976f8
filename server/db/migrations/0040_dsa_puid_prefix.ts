import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * The desk's own prefix for DSA puids, drawn once per database and never changed: two desks (or
 * a desk rebuilt on a fresh database) submitting under one platform account never collide, while
 * restarts of this one keep it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const prefix = `vd${randomBytes(6).toString('hex')}`;
  await db.insertInto('settings').values({ key: 'dsa_puid_prefix', value: prefix }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'dsa_puid_prefix').execute();
}
