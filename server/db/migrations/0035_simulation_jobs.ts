import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Impact simulation (docs/SIMULATION.md):
 * - `simulation_jobs`: one run of a rulebook draft against every subject of its platform at
 *   `as_of`. `rulebook` is the draft as it stood when the run was asked for (JSON), so an edit
 *   made while it runs cannot mix two drafts into one result. A worker claims a job with a lease
 *   (`lease_owner`, `lease_until`) and works through the platform's subjects in id order from
 *   `cursor`; `processed`/`total` and `progress` (0–1) say how far it got, `changed` (JSON) the
 *   counts so far. `draft_id` is the rulebook draft (0034) it was asked for.
 * - `simulation_results`: one row per subject the draft would change, with its summary before
 *   and after (JSON) and a flag per aspect. A cancelled job keeps none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('simulation_jobs')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('rulebook_drafts.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('rulebook', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor', 'text')
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('started_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('simulation_jobs_status_idx').on('simulation_jobs').columns(['status', 'id']).execute();
  await db.schema.createIndex('simulation_jobs_draft_idx').on('simulation_jobs').columns(['draft_id', 'id']).execute();

  await db.schema
    .createTable('simulation_results')
    .addColumn('job_id', 'integer', (c) => c.notNull().references('simulation_jobs.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('points_changed', 'integer', (c) => c.notNull())
    .addColumn('nodes_changed', 'integer', (c) => c.notNull())
    .addColumn('punishments_changed', 'integer', (c) => c.notNull())
    .addColumn('seals_changed', 'integer', (c) => c.notNull())
    .addColumn('demotions_changed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('simulation_results_pk', ['job_id', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('simulation_results').execute();
  await db.schema.dropTable('simulation_jobs').execute();
}
