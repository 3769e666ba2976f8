import type { Selectable } from 'kysely';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument } from '../../search/searchIndex';
import type { Executor } from '../database';
import { fromJsonOrNull, toJsonOrNull } from '../jsonColumns';
import type { DecisionRow, DecisionsTable, DecisionUpdate, NewDecisionRow } from '../tables/decisions.table';
import { decodeSubjectPlatforms } from './platformColumn';

const decode = (row: Selectable<DecisionsTable>): DecisionRow => ({
  ...row,
  facts: fromJsonOrNull(row.facts),
  approval_reasons: fromJsonOrNull(row.approval_reasons),
  preview: fromJsonOrNull(row.preview),
});

/** The JSON columns a write carries, as text; the ones it leaves out stay as they are. */
function encode<T extends DecisionUpdate>(row: T) {
  const { facts, approval_reasons, preview, ...rest } = row;
  return {
    ...rest,
    ...(facts !== undefined && { facts: toJsonOrNull(facts) }),
    ...(approval_reasons !== undefined && { approval_reasons: toJsonOrNull(approval_reasons) }),
    ...(preview !== undefined && { preview: toJsonOrNull(preview) }),
  };
}

export const decisionsRepo = {
  async insert(db: Executor, row: NewDecisionRow): Promise<number> {
    const r = await db.insertInto('decisions').values(encode(row)).returning('id').executeTakeFirstOrThrow();
    await indexDocument(db, searchDocumentOf.decision({ ...row, id: r.id }));
    return r.id;
  },
  async find(db: Executor, id: number): Promise<DecisionRow | undefined> {
    const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },
  async update(db: Executor, id: number, changes: DecisionUpdate): Promise<void> {
    const row = await db
      .updateTable('decisions')
      .set(encode(changes))
      .where('id', '=', id)
      .returning(['id', 'case_id', 'reason'])
      .executeTakeFirst();
    // Only the reason is searched: most updates (a status change) leave the index as it is.
    if (row && changes.reason !== undefined) await indexDocument(db, searchDocumentOf.decision(row));
  },
  async listForCase(db: Executor, caseId: number): Promise<DecisionRow[]> {
    const rows = await db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map(decode);
  },
  /** Every decision of these cases, oldest first (the case page's prior cases). */
  async listForCases(db: Executor, caseIds: readonly number[]): Promise<DecisionRow[]> {
    if (caseIds.length === 0) return [];
    const rows = await db.selectFrom('decisions').selectAll().where('case_id', 'in', caseIds).orderBy('id').execute();
    return rows.map(decode);
  },
  /** Decisions waiting for a second person, oldest first. */
  async pending(db: Executor, limit: number) {
    const rows = await db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .innerJoin('users', 'users.id', 'decisions.decided_by')
      .select([
        'decisions.id',
        'decisions.case_id',
        'decisions.kind',
        'decisions.rule',
        'decisions.reason',
        'decisions.approval_reasons',
        'decisions.preview',
        'decisions.decided_at',
        'decisions.decided_by',
        'users.display_name as decided_by_name',
        'subjects.id as subject_id',
        'subjects.name as subject_name',
        'subjects.platform as subject_platform',
        'cases.summary',
        'cases.queue',
        'cases.status as case_status',
      ])
      .where('decisions.status', '=', 'pending_approval')
      .orderBy('decisions.decided_at')
      .limit(limit)
      .execute();
    return decodeSubjectPlatforms(rows).map((r) => ({
      ...r,
      approval_reasons: fromJsonOrNull<string[]>(r.approval_reasons),
      preview: fromJsonOrNull<unknown>(r.preview),
    }));
  },
};
