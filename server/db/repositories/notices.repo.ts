import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type { NewNoticeRow, NoticeRow } from '../tables/decisions.table';

export const noticesRepo = {
  async insert(db: Executor, row: NewNoticeRow): Promise<number> {
    const r = await db
      .insertInto('notices')
      .values({ ...row, data: toJson(row.data) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
  async forCase(db: Executor, caseId: number): Promise<NoticeRow[]> {
    const rows = await db.selectFrom('notices').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((n) => ({ ...n, data: fromJson(n.data) }));
  },
};
