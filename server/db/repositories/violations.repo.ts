import type { Executor } from '../database';

export const violationsRepo = {
  forSubject(db: Executor, subjectId: string) {
    return db
      .selectFrom('violations')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  async insert(
    db: Executor,
    row: {
      id: string;
      subject_id: string;
      case_id: number;
      decision_id: number;
      rule: string;
      at: string;
      facts: string;
      created_at: string;
    },
  ) {
    await db
      .insertInto('violations')
      .values({ ...row, reversed_at: null, reversed_by: null })
      .execute();
  },
  forCase(db: Executor, caseId: number) {
    return db.selectFrom('violations').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
};
