import type { Executor } from '../database';
import type { IntegrationTokenRow } from '../tables/integrationTokens.table';

export const tokensRepo = {
  findActiveByHash(db: Executor, tokenHash: string): Promise<IntegrationTokenRow | undefined> {
    return db
      .selectFrom('integration_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },
  findByName(db: Executor, name: string): Promise<IntegrationTokenRow | undefined> {
    return db.selectFrom('integration_tokens').selectAll().where('name', '=', name).executeTakeFirst();
  },
  async insert(
    db: Executor,
    row: { name: string; scopes: string; token_hash: string; created_at: string },
  ): Promise<number> {
    const r = await db.insertInto('integration_tokens').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async touch(db: Executor, id: number, at: string): Promise<void> {
    await db.updateTable('integration_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};
