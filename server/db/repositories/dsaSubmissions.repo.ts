import type { StatementOfReasons } from '../../../shared/dsa/sorSchema';
import type { Db, Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import type { DsaSubmissionRowRaw, DsaSubmissionUpdate, NewDsaSubmissionRow } from '../tables/dsaSubmissions.table';

export type DsaSubmissionRow = Omit<DsaSubmissionRowRaw, 'statement' | 'overturned'> & {
  statement: StatementOfReasons;
  overturned: boolean;
};

const decode = (row: DsaSubmissionRowRaw): DsaSubmissionRow => ({
  ...row,
  statement: fromJson<StatementOfReasons>(row.statement),
  overturned: Boolean(row.overturned),
});

export const dsaSubmissionsRepo = {
  /** The desk's puid prefix, drawn once by migration 0040. */
  async puidPrefix(db: Executor): Promise<string> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'dsa_puid_prefix').executeTakeFirst();
    if (!row) throw new Error('settings.dsa_puid_prefix is missing: the database was not migrated');
    return row.value;
  },

  /** Queues a statement; a decision already queued keeps its row (returns null). */
  async insert(
    db: Executor,
    row: Omit<NewDsaSubmissionRow, 'statement'> & { statement: StatementOfReasons },
  ): Promise<number | null> {
    const inserted = await db
      .insertInto('dsa_submissions')
      .values({ ...row, statement: toJson(row.statement) })
      .onConflict((oc) => oc.column('decision_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  },

  async find(db: Executor, id: number): Promise<DsaSubmissionRow | undefined> {
    const row = await db.selectFrom('dsa_submissions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decode(row);
  },

  async forDecision(db: Executor, decisionId: number): Promise<DsaSubmissionRow | undefined> {
    const row = await db
      .selectFrom('dsa_submissions')
      .selectAll()
      .where('decision_id', '=', decisionId)
      .executeTakeFirst();
    return row && decode(row);
  },

  async byIds(db: Executor, ids: number[]): Promise<DsaSubmissionRow[]> {
    if (!ids.length) return [];
    const rows = await db.selectFrom('dsa_submissions').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(decode);
  },

  /**
   * Leases up to `limit` due statements to `owner`, oldest first, counting the attempt. On
   * PostgreSQL rows another instance is claiming are skipped (FOR UPDATE SKIP LOCKED), and the
   * lease keeps them from being claimed again until it runs out; SQLite has a single writer.
   */
  claimDue(
    db: Db,
    args: { owner: string; now: string; leaseUntil: string; limit: number; skipLocked: boolean },
  ): Promise<{ id: number }[]> {
    let candidates = db
      .selectFrom('dsa_submissions')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', args.now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', args.now)]))
      .orderBy('id')
      .limit(args.limit);
    if (args.skipLocked) candidates = candidates.forUpdate().skipLocked();
    return db
      .updateTable('dsa_submissions')
      .set((eb) => ({
        lease_owner: args.owner,
        lease_until: args.leaseUntil,
        last_attempt_at: args.now,
        attempts: eb('attempts', '+', 1),
        updated_at: args.now,
      }))
      .where('id', 'in', candidates)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
  },

  /** Settles one leased row; only while `owner` still holds it (a late instance changes nothing). */
  async settle(db: Executor, id: number, owner: string, changes: DsaSubmissionUpdate): Promise<boolean> {
    const r = await db
      .updateTable('dsa_submissions')
      .set({ ...changes, lease_owner: null, lease_until: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async update(db: Executor, id: number, changes: DsaSubmissionUpdate): Promise<void> {
    await db.updateTable('dsa_submissions').set(changes).where('id', '=', id).execute();
  },

  /** Newest first, optionally by status, before `beforeId` (the page's cursor). */
  async list(
    db: Executor,
    args: { status?: DsaSubmissionRow['status']; beforeId?: number; limit: number },
  ): Promise<DsaSubmissionRow[]> {
    let q = db.selectFrom('dsa_submissions').selectAll().orderBy('id', 'desc').limit(args.limit);
    if (args.status) q = q.where('status', '=', args.status);
    if (args.beforeId !== undefined) q = q.where('id', '<', args.beforeId);
    return (await q.execute()).map(decode);
  },

  async countsByStatus(db: Executor): Promise<Record<DsaSubmissionRow['status'], number>> {
    const rows = await db
      .selectFrom('dsa_submissions')
      .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('status')
      .execute();
    const counts = { pending: 0, submitted: 0, duplicate: 0, failed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  },
};
