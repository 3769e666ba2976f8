import type { Executor } from '../database';
import type { NewReportRow, ReportRow } from '../tables/reports.table';

export const reportsRepo = {
  findByExternalId(db: Executor, externalId: string): Promise<ReportRow | undefined> {
    return db.selectFrom('reports').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  },
  find(db: Executor, id: number): Promise<ReportRow | undefined> {
    return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Executor, report: NewReportRow): Promise<number> {
    const row = await db.insertInto('reports').values(report).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  /** The first report filed on a case; the others were merged into it. */
  async firstIdOfCase(db: Executor, caseId: number): Promise<number | undefined> {
    const row = await db
      .selectFrom('reports')
      .select((eb) => eb.fn.min<number>('id').as('id'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row?.id ?? undefined;
  },
  listForCase(db: Executor, caseId: number): Promise<ReportRow[]> {
    return db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },
  async moveToCase(db: Executor, reportId: number, caseId: number): Promise<void> {
    await db.updateTable('reports').set({ case_id: caseId }).where('id', '=', reportId).execute();
    await db.updateTable('evidence').set({ case_id: caseId }).where('report_id', '=', reportId).execute();
  },
};
