import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Talking to the people a decision touches (docs/MESSAGES.md):
 * - `reporters` gains the language their outcome notices are written in (`locale`, null: zh-CN)
 *   and a lead's mute (`muted_at`, `muted_by`, `mute_reason`): a muted reporter's new reports
 *   are still taken in, flagged and ranked lower in triage.
 * - `reports.reporter_muted`: 1 when the report came in while its reporter was muted (the flag
 *   the case page shows; unmuting later does not rewrite what triage saw).
 * - `case_messages`: the thread between staff and a case's subject, both ways. `direction` is
 *   `out` (staff, sent through the outbox as `message.sent`) or `in` (the subject's reply through
 *   `messages.submit`); `attachments` is JSON text (evidence items); `external_id` is the
 *   platform's id of a reply, so a retried submission is taken in once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reporters').addColumn('locale', 'text').execute();
  await db.schema.alterTable('reporters').addColumn('muted_at', 'text').execute();
  await db.schema.alterTable('reporters').addColumn('muted_by', 'integer').execute();
  await db.schema.alterTable('reporters').addColumn('mute_reason', 'text').execute();
  await db.schema
    .alterTable('reports')
    .addColumn('reporter_muted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('case_messages')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_by', 'text')
    .addColumn('appeal_id', 'integer')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_messages_case_idx').on('case_messages').columns(['case_id', 'id']).execute();
  await db.schema
    .createIndex('case_messages_external_idx')
    .unique()
    .on('case_messages')
    .columns(['case_id', 'external_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_messages').execute();
  await db.schema.alterTable('reports').dropColumn('reporter_muted').execute();
  for (const column of ['mute_reason', 'muted_by', 'muted_at', 'locale'])
    await db.schema.alterTable('reporters').dropColumn(column).execute();
}
