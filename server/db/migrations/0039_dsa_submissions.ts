import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * The queue of statements of reasons for the EU DSA Transparency Database (docs/DSA.md): one row
 * per decision that restricts its subject, written in the decision's own transaction.
 * - `puid` is the statement's platform unique identifier: the desk's random prefix (settings key
 *   `dsa_puid_prefix`, migration 0040) and the decision's id, which the database never hands out
 *   twice; unique here too, so it can never be sent for two statements.
 * - `statement` is the JSON sent, fixed when the decision took effect.
 * - `status`: pending (waiting or due), submitted, duplicate (the database had the puid already:
 *   delivered before), failed (refused, or out of attempts; waits for "retry").
 * - `lease_owner`/`lease_until`: the instance sending the row now, so two never send it together.
 * - `overturned`/`overturned_at`: an upheld appeal overturned the decision later. The database
 *   does not let a statement be withdrawn; the desk records the fact instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dsa_submissions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('decision_id', 'integer', (c) => c.notNull().unique().references('decisions.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('puid', 'text', (c) => c.notNull().unique())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('overturned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overturned_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dsa_submissions_due_idx')
    .on('dsa_submissions')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dsa_submissions').execute();
}
