import { sql } from 'kysely';
import type { Executor } from '../database';

/**
 * What `/metrics` reads from the database at each scrape: a handful of grouped counts over
 * indexed columns. Business totals come from here, not from per-process counters, so every
 * instance behind one database reports the same figures.
 */
export const operationsRepo = {
  /** Open cases by queue (null: waiting for triage) and status (cases_open_queue_rank_idx). */
  openCases(db: Executor) {
    return (
      db
        .selectFrom('cases')
        .select(['queue', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('is_open', '=', 1)
        // Gold cases' training copies are not work waiting (qaGold.repo.ts).
        .where('training', '=', 0)
        .groupBy(['queue', 'status'])
        .execute()
    );
  },

  /** Open cases past their SLA deadline, by queue (cases_open_sla_idx). */
  slaBreached(db: Executor, now: string) {
    return db
      .selectFrom('cases')
      .select(['queue', (eb) => eb.fn.countAll<number>().as('n')])
      .where('is_open', '=', 1)
      .where('training', '=', 0)
      .where('sla_due_at', '<', now)
      .groupBy('queue')
      .execute();
  },

  /** How many times any case was claimed (audit_action_seq_idx). */
  async claims(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'case.claimed')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  decisions(db: Executor) {
    return db
      .selectFrom('decisions')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['kind', 'status'])
      .execute();
  },

  appeals(db: Executor) {
    return db
      .selectFrom('appeals')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
  },

  /** Webhook deliveries not yet delivered: pending and dead-lettered. */
  outbox(db: Executor) {
    return db
      .selectFrom('outbox_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '!=', 'delivered')
      .groupBy('status')
      .execute();
  },

  /** The chain's length: its last sequence number (0 when empty). */
  async auditLength(db: Executor): Promise<number> {
    const row = await db.selectFrom('audit_events').select(sql<number | null>`max(seq)`.as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  },
};
