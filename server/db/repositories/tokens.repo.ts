import type { Executor } from '../database';
import type { IntegrationTokenRow } from '../tables/integrationTokens.table';

export const tokensRepo = {
  /** A token that is neither revoked nor past its expiry at `now` (ISO 8601 UTC). */
  findUsableByHash(db: Executor, tokenHash: string, now: string): Promise<IntegrationTokenRow | undefined> {
    return db
      .selectFrom('integration_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
  },
  findById(db: Executor, id: number): Promise<IntegrationTokenRow | undefined> {
    return db.selectFrom('integration_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByName(db: Executor, name: string): Promise<IntegrationTokenRow | undefined> {
    return db.selectFrom('integration_tokens').selectAll().where('name', '=', name).executeTakeFirst();
  },
  list(db: Executor): Promise<IntegrationTokenRow[]> {
    return db.selectFrom('integration_tokens').selectAll().orderBy('id').execute();
  },
  async insert(
    db: Executor,
    row: { name: string; scopes: string; token_hash: string; created_at: string; expires_at: string | null },
  ): Promise<number> {
    const r = await db.insertInto('integration_tokens').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  /** Marks it revoked unless it already is; false when nothing changed. */
  async revoke(db: Executor, id: number, at: string): Promise<boolean> {
    const result = await db
      .updateTable('integration_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  async touch(db: Executor, id: number, at: string): Promise<void> {
    await db.updateTable('integration_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};
