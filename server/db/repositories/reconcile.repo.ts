import type { SelectQueryBuilder } from 'kysely';
import type { AuditFact, FieldValues, ReconciledTable } from '../../../shared/audit/expectedState';
import type { Executor } from '../database';

/** A business row as reconciliation compares it: decoded once, here, into text values. */
export interface ReconciledRow {
  id: string;
  values: FieldValues;
}

const PAGE = 5000;

function parseData(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Only a tampered row holds invalid JSON; the chain check reports it.
    return null;
  }
}

/**
 * Narrows a query to one page in key order: the rows named by `ids`, or the next PAGE after the
 * cursor. Integer keys arrive as text (cursors and row locators are text) and are converted here.
 */
function page(after: string | null, ids: string[] | undefined, key: 'integer' | 'text') {
  const toKey = (v: string) => (key === 'integer' ? Number(v) : v);
  const named = ids?.map(toKey).filter((v) => key === 'text' || Number.isSafeInteger(v));
  return <QB extends SelectQueryBuilder<any, any, any>>(q: QB): QB => {
    let paged = named ? q.where('id', 'in', named) : after !== null ? q.where('id', '>', toKey(after)) : q;
    paged = paged.orderBy('id').limit(ids ? ids.length : PAGE);
    return paged as QB;
  };
}

/** One page of each table, in key order after `after` (a cursor the page's last id gives back). */
const pages: Record<ReconciledTable, (db: Executor, after: string | null, ids?: string[]) => Promise<ReconciledRow[]>> =
  {
    async decisions(db, after, ids) {
      const rows = await db
        .selectFrom('decisions')
        .select(['id', 'kind', 'rule', 'status'])
        .$call(page(after, ids, 'integer'))
        .execute();
      return rows.map((r) => ({ id: String(r.id), values: { kind: r.kind, rule: r.rule, status: r.status } }));
    },
    async violations(db, after, ids) {
      const rows = await db
        .selectFrom('violations')
        .select(['id', 'reversed_at'])
        .$call(page(after, ids, 'text'))
        .execute();
      return rows.map((r) => ({ id: r.id, values: { reversed: String(r.reversed_at !== null) } }));
    },
    async users(db, after, ids) {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'role', 'disabled_at'])
        .$call(page(after, ids, 'integer'))
        .execute();
      return rows.map((r) => ({
        id: String(r.id),
        values: { role: r.role, disabled: String(r.disabled_at !== null) },
      }));
    },
    async cases(db, after, ids) {
      const rows = await db
        .selectFrom('cases')
        .select(['id', 'status', 'assignee_id'])
        .$call(page(after, ids, 'integer'))
        .execute();
      return rows.map((r) => ({
        id: String(r.id),
        values: { status: r.status, assignee: r.assignee_id === null ? null : String(r.assignee_id) },
      }));
    },
  };

export const reconcileRepo = {
  /** The events of `actions` with seq in (afterSeq, throughSeq], oldest first, data parsed. */
  async facts(db: Executor, range: { afterSeq: number; throughSeq: number }, actions: string[]): Promise<AuditFact[]> {
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'action', 'target_id', 'data'])
      .where('seq', '>', range.afterSeq)
      .where('seq', '<=', range.throughSeq)
      .where('action', 'in', actions)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ seq: r.seq, action: r.action, targetId: r.target_id, data: parseData(r.data) }));
  },

  /** Every row of `table`, a page at a time. */
  async *rows(db: Executor, table: ReconciledTable): AsyncGenerator<ReconciledRow[]> {
    let after: string | null = null;
    for (;;) {
      const page = await pages[table](db, after);
      if (page.length) yield page;
      if (page.length < PAGE) return;
      after = page.at(-1)?.id ?? null;
    }
  },

  /** The rows of `table` with these ids (for a second look at suspects). */
  byIds(db: Executor, table: ReconciledTable, ids: string[]): Promise<ReconciledRow[]> {
    return ids.length ? pages[table](db, null, ids) : Promise.resolve([]);
  },
};
