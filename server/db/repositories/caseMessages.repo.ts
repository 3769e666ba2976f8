import type { Selectable } from 'kysely';
import type { MessageAttachment } from '../../../shared/api/messages';
import type { Executor } from '../database';
import { fromJsonOrNull, toJsonOrNull } from '../jsonColumns';
import type { CaseMessageRow, CaseMessagesTable, NewCaseMessageRow } from '../tables/caseMessages.table';

const decode = (row: Selectable<CaseMessagesTable>): CaseMessageRow => ({
  ...row,
  attachments: fromJsonOrNull<MessageAttachment[]>(row.attachments),
});

export interface CaseMessageWithAuthor extends CaseMessageRow {
  author_name: string | null;
}

/** The thread between staff and a case's subject (never internal notes: those live in `notes`). */
export const caseMessagesRepo = {
  async insert(db: Executor, row: NewCaseMessageRow): Promise<number> {
    const { attachments, ...rest } = row;
    const r = await db
      .insertInto('case_messages')
      .values({ ...rest, attachments: toJsonOrNull(attachments) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
  /** A reply the platform already sent under this id, if any. */
  async findByExternalId(db: Executor, caseId: number, externalId: string): Promise<CaseMessageRow | undefined> {
    const row = await db
      .selectFrom('case_messages')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row && decode(row);
  },
  async hasOutgoing(db: Executor, caseId: number): Promise<boolean> {
    const row = await db
      .selectFrom('case_messages')
      .select('id')
      .where('case_id', '=', caseId)
      .where('direction', '=', 'out')
      .limit(1)
      .executeTakeFirst();
    return Boolean(row);
  },
  /** Oldest first, with the writer's name for outgoing messages. */
  async listForCase(db: Executor, caseId: number): Promise<CaseMessageWithAuthor[]> {
    const rows = await db
      .selectFrom('case_messages')
      .leftJoin('users', 'users.id', 'case_messages.author_id')
      .selectAll('case_messages')
      .select('users.display_name as author_name')
      .where('case_messages.case_id', '=', caseId)
      .orderBy('case_messages.id')
      .execute();
    return rows.map((r) => ({ ...decode(r), author_name: r.author_name }));
  },
};
