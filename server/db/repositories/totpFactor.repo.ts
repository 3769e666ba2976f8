import type { Executor } from '../database';

/**
 * The one-time parts of the TOTP factor. Each is spent by a single conditional update, so two
 * parallel sign-ins with the same code or recovery code cannot both pass: on PostgreSQL the
 * second update waits for the first one's row lock and then finds its condition false.
 */
export const totpFactorRepo = {
  /** Takes the time step `step` for the user's sign-in, unless it or a newer step was taken already. */
  async claimStep(db: Executor, userId: number, step: number): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Spends the unspent recovery code with this hash; false when there is none. */
  async spendRecoveryCode(db: Executor, userId: number, codeHash: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('totp_recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Replaces every recovery code of the user (spent or not) with these hashes. */
  async replaceRecoveryCodes(db: Executor, userId: number, codeHashes: string[], at: string): Promise<void> {
    await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('totp_recovery_codes')
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: at, used_at: null })))
      .execute();
  },

  async unspentRecoveryCodes(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('totp_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
