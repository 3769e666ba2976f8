import type { Executor } from '../database';

export const noticesRepo = {
  async insert(
    db: Executor,
    row: {
      case_id: number;
      decision_id: number;
      subject_id: string;
      body_zh: string;
      body_en: string;
      data: string;
      appeal_until: string | null;
      created_at: string;
    },
  ): Promise<number> {
    const r = await db.insertInto('notices').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  forCase(db: Executor, caseId: number) {
    return db.selectFrom('notices').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
};
