import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

/**
 * Shadow mode (docs/SIMULATION.md): a rulebook draft judged beside the live rulebook on every
 * new decision of its platform, without changing any outcome.
 * - `shadow_runs`: one per start; `rulebook` is the draft as it stood then (JSON); the run is
 *   active from `started_at` until `until` unless `stopped_at` ended it earlier.
 * - `shadow_divergences`: a decision after which the subject's standing under the draft differs
 *   from the live one, with both summaries (JSON).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shadow_runs')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('rulebook_drafts.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('rulebook', 'text', (c) => c.notNull())
    .addColumn('started_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'text')
    .addColumn('stopped_by', 'integer', (c) => c.references('users.id'))
    .execute();
  // The decision hook's one query: the platform's runs still going.
  await db.schema.createIndex('shadow_runs_active_idx').on('shadow_runs').columns(['platform', 'until']).execute();
  await db.schema.createIndex('shadow_runs_draft_idx').on('shadow_runs').columns(['draft_id', 'id']).execute();

  await db.schema
    .createTable('shadow_divergences')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('shadow_runs.id'))
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('rulebook_drafts.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('live', 'text', (c) => c.notNull())
    .addColumn('shadow', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shadow_divergences_draft_idx')
    .on('shadow_divergences')
    .columns(['draft_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shadow_divergences').execute();
  await db.schema.dropTable('shadow_runs').execute();
}
