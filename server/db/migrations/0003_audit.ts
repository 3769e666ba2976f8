import type { Kysely } from 'kysely';

// The audit page filters by actor, action, target and batch, newest first, keyset-paged on seq.
// Each index ends in seq so the filtered page is an index range scan on either dialect (SQLite
// would append the rowid by itself; PostgreSQL needs it spelled out). The table itself and its
// append-only triggers are in 0001, which stays frozen.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_action_seq_idx').on('audit_events').columns(['action', 'seq']).execute();
  await db.schema
    .createIndex('audit_actor_seq_idx')
    .on('audit_events')
    .columns(['actor_type', 'actor_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_target_seq_idx')
    .on('audit_events')
    .columns(['target_type', 'target_id', 'seq'])
    .execute();
  // The (target_type, target_id) index of 0001 is a prefix of the one above.
  await db.schema.dropIndex('audit_target_idx').execute();
  await db.schema.createIndex('audit_batch_seq_idx').on('audit_events').columns(['batch_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_target_idx').on('audit_events').columns(['target_type', 'target_id']).execute();
  for (const name of ['audit_action_seq_idx', 'audit_actor_seq_idx', 'audit_target_seq_idx', 'audit_batch_seq_idx'])
    await db.schema.dropIndex(name).execute();
}
