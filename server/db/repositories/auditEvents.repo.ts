import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isPostgres } from '../migrations/helpers';
import { AUDIT_COLUMNS, type AuditEventRow } from '../tables/auditEvents.table';

/**
 * An event as the audit page and exports read it: `data` stays the exact text the chain hashes
 * (verification and exports use it as stored), `payload` is that text decoded for display.
 */
export type AuditEventRecord = AuditEventRow & { payload: unknown };

/** Decodes an event's data for display; recordEvent writes canonical JSON, so only a tampered row is not. */
export function decodeAuditData(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Show the tampered text as it is.
    return text;
  }
}

const withPayload = <Row extends { data: string | null }>(row: Row): Row & { payload: unknown } => ({
  ...row,
  payload: decodeAuditData(row.data),
});

/** Filters of the audit page; times are ISO UTC strings, compared as text like they are stored. */
export interface AuditRowFilter {
  actor?: { type: string; id: string | null };
  action?: string;
  targetType?: string;
  targetId?: string;
  batchId?: string;
  from?: string;
  to?: string;
}

/** A slice of the chain in sequence order, for export and verification. */
export interface AuditRange {
  afterSeq: number;
  throughSeq?: number;
  from?: string;
  to?: string;
  action?: string;
}

type AuditQuery<O> = SelectQueryBuilder<Database, 'audit_events', O>;

function applyFilter<O>(query: AuditQuery<O>, filter: AuditRowFilter): AuditQuery<O> {
  let q = query;
  const { actor, targetType, targetId } = filter;
  if (actor) {
    q = q.where('audit_events.actor_type', '=', actor.type as AuditEventRow['actor_type']);
    q =
      actor.id === null
        ? q.where('audit_events.actor_id', 'is', null)
        : q.where('audit_events.actor_id', '=', actor.id);
  }
  if (filter.action) q = q.where('audit_events.action', '=', filter.action);
  if (filter.batchId) q = q.where('audit_events.batch_id', '=', filter.batchId);
  if (filter.from) q = q.where('audit_events.at', '>=', filter.from);
  if (filter.to) q = q.where('audit_events.at', '<', filter.to);
  if (targetType === 'subject' && targetId) {
    // A subject's trail includes what happened to its cases.
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('audit_events.target_type', '=', 'subject'), eb('audit_events.target_id', '=', targetId)]),
        eb.and([
          eb('audit_events.target_type', '=', 'case'),
          eb('audit_events.target_id', 'in', casesOfSubject(eb, targetId)),
        ]),
      ]),
    );
  } else {
    if (targetType) q = q.where('audit_events.target_type', '=', targetType);
    if (targetId) q = q.where('audit_events.target_id', '=', targetId);
  }
  return q;
}

function casesOfSubject(eb: ExpressionBuilder<Database, 'audit_events'>, subjectId: string) {
  return eb
    .selectFrom('cases')
    .select((c) => c.cast<string>('cases.id', 'text').as('id'))
    .where('cases.subject_id', '=', subjectId);
}

function applyRange<O>(query: AuditQuery<O>, range: AuditRange): AuditQuery<O> {
  let q = query.where('seq', '>', range.afterSeq);
  if (range.throughSeq !== undefined) q = q.where('seq', '<=', range.throughSeq);
  if (range.from) q = q.where('at', '>=', range.from);
  if (range.to) q = q.where('at', '<', range.to);
  if (range.action) q = q.where('action', '=', range.action);
  return q;
}

/**
 * Distinct values of an indexed column without reading every row: a "loose index scan" that
 * jumps from one value to the next (a handful of index probes instead of a million-row scan).
 */
async function distinctValues(
  db: Executor,
  column: 'action' | 'target_type' | 'actor_id',
  actorType?: string,
): Promise<string[]> {
  const col = sql.ref(column);
  const scope = actorType ? sql`AND actor_type = ${actorType}` : sql``;
  const result = await sql<{ v: string }>`
    WITH RECURSIVE vals(v) AS (
      SELECT MIN(${col}) FROM audit_events WHERE ${col} IS NOT NULL ${scope}
      UNION ALL
      SELECT (SELECT MIN(${col}) FROM audit_events WHERE ${col} > vals.v ${scope}) FROM vals WHERE vals.v IS NOT NULL
    )
    SELECT v FROM vals WHERE v IS NOT NULL`.execute(db);
  return result.rows.map((r) => r.v);
}

/** Columns the schema declares NOT NULL (0001): rendered without a NULL check. */
const NOT_NULL_COLUMNS = new Set<string>(['seq', 'at', 'actor_type', 'action', 'prev_hash', 'hash']);

/**
 * One CSV line per row, rendered by the database: every text field quoted with its quotes
 * doubled, NULL an empty unquoted field, seq bare, CRLF at the end (RFC 4180). Rendering in
 * SQL spares the driver building a 14-field object per row, the bulk of an export's cost.
 * Each line is built in one pass (SQLite `printf` with `%w`, which doubles `"`; PostgreSQL
 * `concat`, which skips NULLs) rather than by chains of `||` that copy the line over and
 * over. server/audit/exportFormats.ts `csvRow` is the same format in TypeScript, and a test
 * holds the two to the same bytes.
 */
function csvLine(pg: boolean) {
  const columns = AUDIT_COLUMNS.slice(1);
  if (pg) {
    const fields = columns.map((column) => sql`'"' || replace(${sql.ref(column)}, '"', '""') || '"'`);
    return sql<string>`concat(seq, ',', ${sql.join(fields, sql`, ',', `)}, E'\r\n')`;
  }
  const format = `%d${columns.map((column) => (NOT_NULL_COLUMNS.has(column) ? ',"%w"' : ',%s')).join('')}`;
  const args = columns.map((column) =>
    NOT_NULL_COLUMNS.has(column)
      ? sql.ref(column)
      : sql`iif(${sql.ref(column)} IS NULL, '', printf('"%w"', ${sql.ref(column)}))`,
  );
  return sql<string>`printf(${format} || char(13, 10), seq, ${sql.join(args)})`;
}

export interface CsvPage {
  bytes: Buffer;
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

/** The range's rows as CSV lines in sequence order (SQLite: as BLOBs, which the driver passes as Buffers). */
function csvLines(db: Executor, range: AuditRange, limit: number, pg: boolean) {
  const line = pg ? sql<string | Buffer>`${csvLine(true)}` : sql<string | Buffer>`CAST(${csvLine(false)} AS BLOB)`;
  return applyRange(db.selectFrom('audit_events').select(['seq', line.as('line')]), range)
    .orderBy('seq')
    .limit(limit);
}

export const auditEventsRepo = {
  /** Newest first, keyset-paged: `beforeSeq` is the last row of the previous page. */
  async list(
    db: Executor,
    filter: AuditRowFilter,
    page: { beforeSeq?: number; limit: number },
  ): Promise<AuditEventRecord[]> {
    let query = applyFilter(db.selectFrom('audit_events').selectAll('audit_events'), filter);
    if (page.beforeSeq !== undefined) query = query.where('audit_events.seq', '<', page.beforeSeq);
    const rows = await query.orderBy('audit_events.seq', 'desc').limit(page.limit).execute();
    return rows.map(withPayload);
  },

  /** The events on one target, oldest first (a case's timeline). */
  async forTarget(db: Executor, target: { type: string; id: string }, limit: number) {
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'at', 'action', 'actor_type', 'actor_id', 'data', 'batch_id'])
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(withPayload);
  },

  async count(db: Executor, filter: AuditRowFilter): Promise<number> {
    const query = applyFilter(
      db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    );
    return Number((await query.executeTakeFirstOrThrow()).n);
  },

  /** Oldest first from `afterSeq`: the keyset page export and verification walk the chain with. */
  page(db: Executor, range: AuditRange, limit: number): Promise<AuditEventRow[]> {
    return applyRange(db.selectFrom('audit_events').selectAll(), range).orderBy('seq').limit(limit).execute();
  },

  /**
   * The next page of the range as CSV bytes (see csvLine), in sequence order, in one value:
   * the driver then hands over one Buffer per page instead of an object per row, which halves
   * the cost of an export. SQLite documents no order for `group_concat` without ORDER BY (and
   * sorting costs a second per million rows), so the same aggregate also lists the sequence
   * numbers: every aggregate consumes the same rows in the same order, so ascending numbers
   * prove ascending lines; otherwise the page is read again row by row, in guaranteed order.
   * PostgreSQL sorts within `string_agg` cheaply.
   */
  async csvPage(db: Executor, range: AuditRange, limit: number): Promise<CsvPage> {
    if (isPostgres(db)) {
      const row = await db
        .selectFrom(csvLines(db, range, limit, true).as('page'))
        .select((eb) => [
          sql<string | null>`string_agg(page.line, '' ORDER BY page.seq)`.as('text'),
          eb.fn.countAll<number>().as('rows'),
          eb.fn.min('page.seq').as('first_seq'),
          eb.fn.max('page.seq').as('last_seq'),
        ])
        .executeTakeFirstOrThrow();
      return {
        bytes: Buffer.from(row.text ?? '', 'utf8'),
        rows: Number(row.rows),
        firstSeq: row.first_seq == null ? null : Number(row.first_seq),
        lastSeq: row.last_seq == null ? null : Number(row.last_seq),
      };
    }
    const page = await db
      .selectFrom(csvLines(db, range, limit, false).as('page'))
      .select([
        sql<Buffer | null>`CAST(group_concat(page.line, '') AS BLOB)`.as('bytes'),
        sql<string | null>`group_concat(page.seq, ',')`.as('seqs'),
      ])
      .executeTakeFirstOrThrow();
    const seqs = page.seqs ? page.seqs.split(',').map(Number) : [];
    if (seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] as number)))
      return {
        bytes: page.bytes ?? Buffer.alloc(0),
        rows: seqs.length,
        firstSeq: seqs[0] ?? null,
        lastSeq: seqs.at(-1) ?? null,
      };
    const rows = await csvLines(db, range, limit, false).execute();
    return {
      bytes: Buffer.concat(rows.map((r) => r.line as Buffer)),
      rows: rows.length,
      firstSeq: rows[0]?.seq ?? null,
      lastSeq: rows.at(-1)?.seq ?? null,
    };
  },

  async countRange(db: Executor, range: AuditRange): Promise<number> {
    const query = applyRange(
      db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')),
      range,
    );
    return Number((await query.executeTakeFirstOrThrow()).n);
  },

  /** The lowest sequence number at or after `from` (by time), to start a ranged walk there. */
  async firstSeqFrom(db: Executor, from: string): Promise<number | null> {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('at', '>=', from)
      .executeTakeFirst();
    return row?.seq == null ? null : Number(row.seq);
  },

  /** The first sequence number after `afterSeq`, to jump over an empty stretch of a walk. */
  async nextSeq(db: Executor, afterSeq: number): Promise<number | null> {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('seq', '>', afterSeq)
      .executeTakeFirst();
    return row?.seq == null ? null : Number(row.seq);
  },

  head(db: Executor): Promise<{ seq: number; hash: string } | undefined> {
    return db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  },

  async bySeq(db: Executor, seq: number): Promise<AuditEventRecord | undefined> {
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirst();
    return row && withPayload(row);
  },

  /** The event that closed an export: `action` on target `export:<exportId>`. */
  async findByTarget(
    db: Executor,
    action: string,
    target: { type: string; id: string },
  ): Promise<AuditEventRecord | undefined> {
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_type', '=', target.type)
      .where('target_id', '=', target.id)
      .where('action', '=', action)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row && withPayload(row);
  },

  distinctActions: (db: Executor) => distinctValues(db, 'action'),
  distinctTargetTypes: (db: Executor) => distinctValues(db, 'target_type'),
  distinctActorIds: (db: Executor, actorType: 'user' | 'token') => distinctValues(db, 'actor_id', actorType),

  async hasSystemEvents(db: Executor): Promise<boolean> {
    const row = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('actor_type', '=', 'system')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Display names of the staff who appear as actors. */
  /**
   * Every staff member's and integration token's name, keyed `user:<id>` / `token:<id>` like the
   * trail's actors: for the spreadsheet export (one small map per export, however long the trail).
   */
  async actorNames(db: Executor): Promise<Map<string, string>> {
    const [users, tokens] = await Promise.all([
      db.selectFrom('users').select(['id', 'username', 'display_name']).execute(),
      db.selectFrom('integration_tokens').select(['id', 'name']).execute(),
    ]);
    return new Map([
      ...users.map((u) => [`user:${u.id}`, `${u.display_name} (${u.username})`] as const),
      ...tokens.map((t) => [`token:${t.id}`, t.name] as const),
    ]);
  },

  async userNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },

  async tokenNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('integration_tokens').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
