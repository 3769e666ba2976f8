import type { Executor } from '../database';

export const evidenceFilesRepo = {
  /**
   * Stores the bytes under their SHA-256 unless they are there already; returns whether this
   * call stored them. Content addressing makes the same file uploaded twice take space once.
   */
  async insertIfAbsent(
    db: Executor,
    file: { sha256: string; contentType: string; bytes: Buffer },
    at: string,
  ): Promise<boolean> {
    const result = await db
      .insertInto('evidence_files')
      .values({
        sha256: file.sha256,
        content_type: file.contentType,
        size: file.bytes.length,
        bytes: file.bytes,
        created_at: at,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async bytes(db: Executor, sha256: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('evidence_files').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    return row?.bytes;
  },
};
