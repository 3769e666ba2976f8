import type { Selectable } from 'kysely';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument, moveDocumentsToCase } from '../../search/searchIndex';
import type { Executor } from '../database';
import { fromJsonOrNull, toJsonOrNull } from '../jsonColumns';
import type { NewReportRow, ReportRow, ReportsTable } from '../tables/reports.table';

const decode = (row: Selectable<ReportsTable>): ReportRow => ({ ...row, facts: fromJsonOrNull(row.facts) });

export const reportsRepo = {
  async findByExternalId(db: Executor, externalId: string): Promise<ReportRow | undefined> {
    const row = await db.selectFrom('reports').selectAll().where('external_id', '=', externalId).executeTakeFirst();
    return row && decode(row);
  },
  async find(db: Executor, id: number): Promise<ReportRow | undefined> {
    const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },
  async insert(db: Executor, report: NewReportRow): Promise<number> {
    const row = await db
      .insertInto('reports')
      .values({ ...report, facts: toJsonOrNull(report.facts) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await indexDocument(db, searchDocumentOf.report({ ...report, id: row.id }));
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
  async listForCase(db: Executor, caseId: number): Promise<ReportRow[]> {
    const rows = await db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map(decode);
  },
  async moveToCase(db: Executor, reportId: number, caseId: number): Promise<void> {
    await db.updateTable('reports').set({ case_id: caseId }).where('id', '=', reportId).execute();
    const evidence = await db
      .updateTable('evidence')
      .set({ case_id: caseId })
      .where('report_id', '=', reportId)
      .returning('id')
      .execute();
    await moveDocumentsToCase(db, 'report', [reportId], caseId);
    await moveDocumentsToCase(
      db,
      'evidence',
      evidence.map((e) => e.id),
      caseId,
    );
  },
};
