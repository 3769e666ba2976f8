import { type ExpressionBuilder, type RawBuilder, type Selectable, sql } from 'kysely';
import { type CaseStatus, OPEN_CASE_STATUSES, type ReportSource, type SubjectKind } from '../../../shared/cases/enums';
import type { PlatformId } from '../../../shared/rulebook/platforms';
import { searchDocumentOf } from '../../search/searchDocuments';
import { indexDocument } from '../../search/searchIndex';
import type { Database, Executor } from '../database';
import { fromJsonOrNull, toJsonOrNull } from '../jsonColumns';
import { isPostgres } from '../migrations/helpers';
import type { CaseRow, CasesTable, CaseUpdate, NewCaseRow } from '../tables/cases.table';
import { heldIn } from './heldCases';
import { decodeSubjectPlatforms } from './platformColumn';
import { isMemberOfQueue } from './queues.repo';

export type CaseSort = 'rank' | 'slaDueAt' | 'createdAt';

/** Sort column and direction of each queue ordering; `id` breaks ties in the same direction. */
const SORTS = {
  rank: { column: 'cases.rank', direction: 'desc' },
  slaDueAt: { column: 'cases.sla_due_at', direction: 'asc' },
  createdAt: { column: 'cases.created_at', direction: 'desc' },
} as const;

export interface CaseListFilter {
  statuses?: readonly CaseStatus[];
  queues?: readonly string[];
  rule?: string;
  source?: ReportSource;
  subjectKind?: SubjectKind;
  /** The subject's platform (subjects.platform). */
  platform?: PlatformId;
  subjectId?: string;
  /** A user id, or null for unassigned cases. */
  assigneeId?: number | null;
  /** Tag ids: cases carrying every one, on the case itself or on its subject. */
  tags?: readonly string[];
  sort: CaseSort;
  /** Keyset position: sort value and id of the last row of the previous page. */
  after?: { value: string | number; id: number };
  limit: number;
}

/** A `cases` row as the rest of the server sees it (the triage column parsed). */
export const decodeCase = (row: Selectable<CasesTable>): CaseRow => ({ ...row, triage: fromJsonOrNull(row.triage) });

/** A write with its triage factors as text; left out, they stay as they are. */
function encode<T extends CaseUpdate>(row: T) {
  const { triage, ...rest } = row;
  return { ...rest, ...(triage !== undefined && { triage: toJsonOrNull(triage) }) };
}

export const casesRepo = {
  list(db: Executor, filter: CaseListFilter) {
    const { column, direction } = SORTS[filter.sort];
    let query = db
      .selectFrom('cases')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .leftJoin('users', 'users.id', 'cases.assignee_id')
      .select([
        'cases.id',
        'cases.subject_id',
        'subjects.name as subject_name',
        'subjects.kind as subject_kind',
        'subjects.platform as subject_platform',
        'cases.rule',
        'cases.status',
        'cases.source',
        'cases.summary',
        'cases.priority',
        'cases.rank',
        'cases.queue',
        'cases.report_count',
        'cases.sla_due_at',
        'cases.created_at',
        'cases.version',
        'cases.assignee_id',
        'users.display_name as assignee_name',
      ]);
    query = applyFilter(query, filter);
    const after = filter.after;
    if (after) {
      const cmp = direction === 'desc' ? '<' : '>';
      query = query.where((eb) =>
        eb.or([eb(column, cmp, after.value), eb.and([eb(column, '=', after.value), eb('cases.id', cmp, after.id)])]),
      );
    }
    return query
      .orderBy(column, direction)
      .orderBy('cases.id', direction)
      .limit(filter.limit)
      .execute()
      .then(decodeSubjectPlatforms);
  },

  /**
   * How many cases match, counted up to `cap`: an exact count of a million open cases costs
   * more than the page itself, and past the cap the queue only needs to say "10,000+".
   */
  async count(db: Executor, filter: Omit<CaseListFilter, 'after' | 'limit' | 'sort'>, cap: number): Promise<number> {
    // Join subjects only to filter on their kind or platform: otherwise the count stays inside
    // the cases indexes instead of reading every matching row (27 ms → 1 ms for one queue).
    const from =
      filter.subjectKind || filter.platform
        ? db.selectFrom('cases').innerJoin('subjects', 'subjects.id', 'cases.subject_id')
        : db.selectFrom('cases');
    // Lists hide idle training copies, but that clause's columns are in no queue index, so
    // counting with it reads every matching row (1 ms → 40 ms for 10,000 open cases). Count
    // without it, up to the cap plus the idle copies among the matches, and take those off:
    // past the cap the answer stays "more than cap". The idle copies are few (one per gold
    // case), found by the small partial index cases_training_idx.
    const countOf = async (query: { limit(n: number): any }, limit: number) =>
      Number(
        (
          await db
            .selectFrom(query.limit(limit).as('matching'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    let idle = 0;
    const idleIds = await idleTrainingCopies(db, !!filter.statuses?.length && isOpenSet(filter.statuses));
    for (let i = 0; i < idleIds.length; i += 500) {
      const chunk = idleIds.slice(i, i + 500);
      idle += await countOf(
        applyFilter(from.select('cases.id'), filter, 'any').where('cases.id', 'in', chunk),
        cap + 1,
      );
    }
    return (await countOf(applyFilter(from.select('cases.id'), filter, 'any'), cap + 1 + idle)) - idle;
  },

  async find(db: Executor, id: number): Promise<CaseRow | undefined> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decodeCase(row);
  },

  /**
   * The open case a new report on the same subject and rule merges into, if any (never one
   * staff split off). On PostgreSQL the row is locked until commit, so parallel reports
   * merging into it take turns instead of failing on its version.
   */
  async lockOpenFor(db: Executor, subjectId: string, rule: string): Promise<CaseRow | undefined> {
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .where('rule', '=', rule)
      .where('is_open', '=', 1)
      .where('split_from', 'is', null)
      .$if(isPostgres(db), (q) => q.forUpdate())
      .executeTakeFirst();
    return row && decodeCase(row);
  },

  /**
   * Opens the case for a subject and rule, or returns null when one is already open (the
   * unique index cases_one_open_idx): a parallel intake got there first, merge into that.
   */
  async insertUnlessOpen(db: Executor, row: NewCaseRow): Promise<number | null> {
    const r = await db
      .insertInto('cases')
      .values(encode(row))
      .onConflict((oc) =>
        oc
          .columns(['subject_id', 'rule'])
          .where('is_open', '=', sql.lit(1))
          .where('split_from', 'is', null)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (r) await indexDocument(db, searchDocumentOf.case({ ...row, id: r.id }));
    return r?.id ?? null;
  },

  async insert(db: Executor, row: NewCaseRow): Promise<number> {
    const r = await db.insertInto('cases').values(encode(row)).returning('id').executeTakeFirstOrThrow();
    await indexDocument(db, searchDocumentOf.case({ ...row, id: r.id }));
    return r.id;
  },

  /**
   * Applies a change only if the case is still at `version` (optimistic concurrency), and
   * bumps the version. Returns false when someone else changed it first.
   */
  async updateAtVersion(db: Executor, id: number, version: number, changes: CaseUpdate): Promise<boolean> {
    const result = await db
      .updateTable('cases')
      .set({ ...encode(changes), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * The most urgent case the user may claim in one queue: `triaged` ones walk the
   * (queue, status, rank, id) index in order, so this costs the same at 5 or 5 million
   * cases; with `lapsedLeases`, cases held under a lease that ran out instead (few, so
   * sorting them is cheap). Cases this user skipped recently are passed over. The row is
   * locked and rows other claimers hold are skipped (PostgreSQL), so concurrent claims
   * never collide.
   */
  async lockClaimCandidate(
    db: Executor,
    opts: { queue: string; userId: number; now: string; lapsedLeases?: boolean; except?: number },
  ) {
    return claimableIn(db, opts.queue, opts.userId, opts.now, opts.lapsedLeases ?? false, opts.except)
      .select(['id', 'status', 'version', 'assignee_id', 'rank'])
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
  },

  /**
   * The most urgent case the user may claim across the queues they belong to (or the one
   * given), triaged or under a lapsed lease, in a single statement: per queue and kind, the
   * same index walk as `lockClaimCandidate`, then the best of those few. For SQLite, where a
   * claim holds the one connection from BEGIN to COMMIT and every statement's result waits
   * for a turn of the event loop, one statement instead of three per claim is what counts;
   * it has no row locks to take (writers take turns). Queues where the user already holds
   * as many cases as the queue's hold limit allows are passed over (unless `ignoreHoldLimit`:
   * to tell "nothing waiting" from "only full queues have work").
   */
  async claimCandidateOfMember(
    db: Executor,
    opts: { userId: number; queue?: string; now: string; except?: number; ignoreHoldLimit?: boolean },
  ) {
    const bestPerQueue = (lapsedLeases: boolean) =>
      db
        .selectFrom('queues')
        .select(
          claimableIn(db, sql.ref<string>('queues.id'), opts.userId, opts.now, lapsedLeases, opts.except)
            .select('cases.id')
            .as('id'),
        )
        .where((eb) => isMemberOfQueue(eb, opts.userId))
        .$if(!opts.ignoreHoldLimit, (q) =>
          q.where((eb) => eb(heldIn(eb, eb.ref('queues.id'), opts.userId, opts.now), '<', eb.ref('queues.hold_limit'))),
        )
        .$if(opts.queue !== undefined, (q) => q.where('queues.id', '=', opts.queue as string));
    return db
      .selectFrom('cases')
      .select(['id', 'status', 'version', 'assignee_id', 'rank'])
      .where('id', 'in', bestPerQueue(false).unionAll(bestPerQueue(true)))
      .orderBy('rank', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** Every case someone holds (assigned to them), with who holds it and until when: the leads' view. */
  held(db: Executor, limit: number) {
    return db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.assignee_id')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .select([
        'cases.id',
        'cases.queue',
        'cases.rule',
        'cases.assignee_id',
        'users.display_name as assignee_name',
        'cases.lease_until',
        'subjects.name as subject_name',
        'subjects.id as subject_id',
        'subjects.platform as subject_platform',
      ])
      .where('cases.status', '=', 'assigned')
      .orderBy('cases.queue')
      .orderBy('cases.assignee_id')
      .orderBy('cases.id')
      .limit(limit)
      .execute()
      .then(decodeSubjectPlatforms);
  },

  /** Cases whose reviewer's lease ran out. */
  expiredLeases(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('cases')
      .select(['id', 'version', 'assignee_id', 'lease_until'])
      .where('status', '=', 'assigned')
      .where('lease_until', '<', now)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Open cases and cases closed since `since`, per queue: the SLA forecast's inputs. */
  async queueLoad(db: Executor, since: string) {
    // One after the other, not side by side: each reads hundreds of thousands of index entries
    // at a million cases, and on SQLite two at once would hold both read connections, leaving
    // none for the reads that people are waiting on.
    const open = await db
      .selectFrom('cases')
      .select(['queue', (eb) => eb.fn.countAll<number>().as('n')])
      .where('is_open', '=', 1)
      .groupBy('queue')
      .execute();
    const closed = await db
      .selectFrom('cases')
      .select(['queue', (eb) => eb.fn.countAll<number>().as('n')])
      .where('closed_at', '>=', since)
      .groupBy('queue')
      .execute();
    return { open, closed };
  },

  /** How many open cases of the queue rank above this one: its place in line. */
  async positionInQueue(db: Executor, queue: string, rank: number, id: number) {
    const row = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('queue', '=', queue)
      .where('is_open', '=', 1)
      .where((eb) => eb.or([eb('rank', '>', rank), eb.and([eb('rank', '=', rank), eb('id', '>', id)])]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * Gold cases' training copies nobody holds, which lists hide. Written with literal 1s, so that
 * the planner matches the partial index cases_training_idx (0041) and reads only those rows.
 */
async function idleTrainingCopies(db: Executor, openOnly: boolean): Promise<number[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('training', '=', sql.lit(1))
    // Answered copies pile up; an open queue's count needs only the waiting ones.
    .$if(openOnly, (q) => q.where('is_open', '=', sql.lit(1)))
    .where('status', '!=', 'assigned')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a query keeps only the training copies a list shows (`listed`) or every case (`any`). */
type TrainingCopies = 'listed' | 'any';

// The same filters apply to the list and the count query, whose builder types differ.
function applyFilter<Q extends { where: (...args: any[]) => any }>(
  query: Q,
  f: Omit<CaseListFilter, 'after' | 'limit' | 'sort'>,
  training: TrainingCopies = 'listed',
): Q {
  let q: any = query;
  // A gold case's training copy shows only while a reviewer holds it, like any case they hold;
  // idle and answered copies are no one's work (qaGold.repo.ts).
  if (training === 'listed')
    q = q.where((eb: ExpressionBuilder<Database, 'cases'>) =>
      eb.or([eb('cases.training', '=', 0), eb('cases.status', '=', 'assigned')]),
    );
  // The open statuses as one indexed column, so the queue walks an index in order (0010).
  if (f.statuses?.length && isOpenSet(f.statuses)) q = q.where('cases.is_open', '=', 1);
  else if (f.statuses?.length) q = q.where('cases.status', 'in', f.statuses);
  if (f.queues?.length) q = q.where('cases.queue', 'in', f.queues);
  if (f.rule) q = q.where('cases.rule', '=', f.rule);
  if (f.source) q = q.where('cases.source', '=', f.source);
  if (f.subjectKind) q = q.where('subjects.kind', '=', f.subjectKind);
  if (f.platform) q = q.where('subjects.platform', '=', f.platform);
  if (f.subjectId) q = q.where('cases.subject_id', '=', f.subjectId);
  if (f.assigneeId === null) q = q.where('cases.assignee_id', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('cases.assignee_id', '=', f.assigneeId);
  for (const tag of f.tags ?? []) q = q.where((eb: ExpressionBuilder<Database, 'cases'>) => carriesTag(eb, tag));
  return q;
}

/**
 * The case carries the tag, or its subject does. Written as one `id IN (…)` driven from the
 * tag's own rows (case_tags_tag_idx, subject_tags_tag_idx, then cases_subject_idx): a rare tag
 * is then a few index reads, where a correlated probe per case would scan the whole queue.
 */
function carriesTag(eb: ExpressionBuilder<Database, 'cases'>, tag: string) {
  return eb(
    'cases.id',
    'in',
    eb
      .selectFrom('case_tags')
      .select('case_tags.case_id as id')
      .where('case_tags.tag_id', '=', tag)
      .union(
        eb
          .selectFrom('subject_tags')
          .innerJoin('cases as tagged', 'tagged.subject_id', 'subject_tags.subject_id')
          .select('tagged.id as id')
          .where('subject_tags.tag_id', '=', tag),
      ),
  );
}

function isOpenSet(statuses: readonly CaseStatus[]): boolean {
  return statuses.length === OPEN_CASE_STATUSES.length && OPEN_CASE_STATUSES.every((s) => statuses.includes(s));
}

/** The claimable cases of one queue, most urgent first, as a query to select from and limit to one. */
function claimableIn(
  db: Executor,
  /** A queue id, or a reference to the enclosing query's queue column. */
  queue: string | RawBuilder<string>,
  userId: number,
  now: string,
  lapsedLeases: boolean,
  /** A case not to hand out (the one the caller just gave back by moving on). */
  except?: number,
) {
  // A gold case's training copy is served only as gold (qaGoldServing.ts), never claimed.
  let query = db.selectFrom('cases').where('cases.queue', '=', queue).where('cases.training', '=', 0);
  if (except !== undefined) query = query.where('cases.id', '!=', except);
  query = lapsedLeases
    ? query.where('cases.status', '=', 'assigned').where('cases.lease_until', '<', now)
    : query.where('cases.status', '=', 'triaged');
  return query
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_skips')
            .select('case_skips.case_id')
            .whereRef('case_skips.case_id', '=', 'cases.id')
            .where('case_skips.user_id', '=', userId)
            .where('case_skips.until', '>', now),
        ),
      ),
    )
    .orderBy('cases.rank', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(1);
}
