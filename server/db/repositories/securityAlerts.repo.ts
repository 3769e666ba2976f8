import type { AlertResolution, AlertStatus } from '../../../shared/alerts/enums';
import type { Executor } from '../database';
import type { NewSecurityAlertRow, SecurityAlertRow } from '../tables/securityAlerts.table';
import { decodePlatform } from './platformColumn';

/** Every column but the full phone number, which only the audited reveal reads. */
const LISTED_COLUMNS = [
  'security_alerts.id',
  'security_alerts.external_id',
  'security_alerts.subject_id',
  'security_alerts.shop_name',
  'security_alerts.account_id',
  'security_alerts.account_kind',
  'security_alerts.nickname',
  'security_alerts.phone_masked',
  'security_alerts.level',
  'security_alerts.type',
  'security_alerts.detected_at',
  'security_alerts.details',
  'security_alerts.suggestion',
  'security_alerts.status',
  'security_alerts.resolution',
  'security_alerts.handled_by',
  'security_alerts.handled_at',
  'security_alerts.note',
  'security_alerts.batch_id',
  'security_alerts.created_at',
] as const;

export interface AlertListFilter {
  status: AlertStatus;
  subjectId?: string;
  offset: number;
  limit: number;
}

export const securityAlertsRepo = {
  /** Inserts unless the external id is on file; returns the new id, or null for a repeat. */
  async insertOnce(db: Executor, row: NewSecurityAlertRow): Promise<number | null> {
    const inserted = await db
      .insertInto('security_alerts')
      .values(row)
      .onConflict((oc) => oc.column('external_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  },

  findByExternalId(db: Executor, externalId: string): Promise<SecurityAlertRow | undefined> {
    return db.selectFrom('security_alerts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  },

  find(db: Executor, id: number): Promise<SecurityAlertRow | undefined> {
    return db.selectFrom('security_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findMany(db: Executor, ids: readonly number[]) {
    return db
      .selectFrom('security_alerts')
      .select(['id', 'subject_id', 'account_id', 'status'])
      .where('id', 'in', ids)
      .execute();
  },

  /** The pending alerts of one account of one shop. */
  pendingOfAccount(db: Executor, subjectId: string, accountId: string) {
    return db
      .selectFrom('security_alerts')
      .select(['id', 'subject_id', 'account_id', 'status'])
      .where('subject_id', '=', subjectId)
      .where('account_id', '=', accountId)
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
  },

  /**
   * Marks pending alerts handled. Returns how many it changed: fewer than asked means someone
   * handled some of them first, and the caller rolls back.
   */
  async markHandled(
    db: Executor,
    ids: readonly number[],
    handling: { resolution: AlertResolution; handledBy: number; at: string; note: string | null; batchId: string },
  ): Promise<number> {
    if (!ids.length) return 0;
    const result = await db
      .updateTable('security_alerts')
      .set({
        status: 'handled',
        resolution: handling.resolution,
        handled_by: handling.handledBy,
        handled_at: handling.at,
        note: handling.note,
        batch_id: handling.batchId,
      })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** One page of a list, newest alert first (pending) or most recently handled first. */
  async list(db: Executor, filter: AlertListFilter) {
    let query = db
      .selectFrom('security_alerts')
      .leftJoin('users', 'users.id', 'security_alerts.handled_by')
      // The shop's platform when the shop is a subject of the desk (alerts may name shops it has no case on).
      .leftJoin('subjects', 'subjects.id', 'security_alerts.subject_id')
      .select([...LISTED_COLUMNS, 'users.display_name as handled_by_name', 'subjects.platform as subject_platform'])
      .where('security_alerts.status', '=', filter.status);
    if (filter.subjectId) query = query.where('security_alerts.subject_id', '=', filter.subjectId);
    query =
      filter.status === 'pending'
        ? query.orderBy('security_alerts.detected_at', 'desc')
        : query.orderBy('security_alerts.handled_at', 'desc');
    const rows = await query.orderBy('security_alerts.id', 'desc').offset(filter.offset).limit(filter.limit).execute();
    return rows.map((r) => ({
      ...r,
      subject_platform: r.subject_platform === null ? null : decodePlatform(r.subject_platform),
    }));
  },

  async count(db: Executor, filter: Pick<AlertListFilter, 'status' | 'subjectId'>): Promise<number> {
    let query = db
      .selectFrom('security_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', filter.status);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  },
};
