import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ReportSource } from '../../../shared/cases/enums';
import { TOOK_EFFECT_STATUSES } from '../../../shared/decisions/decisionStates';
import type { DecisionOutcome } from '../../../shared/metrics/people';
import type { PlatformId } from '../../../shared/rulebook/platforms';
import type { Database, Executor } from '../database';
import { memberships } from './queues.repo';

/**
 * The dashboard's SQL. Every query groups and counts in the database (the same text on SQLite
 * and PostgreSQL) and returns small rows; the shaping is in shared/metrics. Times are ISO text,
 * so ranges compare as strings on both backends.
 */

/**
 * Which cases a figure counts: those in a set of queues (a lead's team) or those assigned to one
 * person; with `platform`, only cases about subjects of that platform.
 */
export type CaseScope = ({ queues: readonly string[] } | { assigneeId: number }) & { platform?: PlatformId };

/** An inclusive time range, ISO text. */
export interface Range {
  from: string;
  to: string;
}

/** Counts rows matching `condition` inside a GROUP BY (a portable COUNT FILTER). */
const countWhere = (condition: Expression<SqlBool>) =>
  sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

/** Nothing matches: `IN ()` is not valid SQL, so an empty set becomes an always-false condition. */
const NOTHING = sql<SqlBool>`1 = 0`;

function inCaseScope(eb: ExpressionBuilder<Database, 'cases'>, scope: CaseScope): Expression<SqlBool> {
  const whose =
    'assigneeId' in scope
      ? eb('cases.assignee_id', '=', scope.assigneeId)
      : scope.queues.length
        ? eb('cases.queue', 'in', scope.queues)
        : NOTHING;
  // Gold cases' training copies are counted apart (the dashboard's gold section), never as work.
  const real = eb.and([whose, eb('cases.training', '=', 0)]);
  return scope.platform ? eb.and([real, caseOnPlatform(eb, scope.platform)]) : real;
}

/** The case's subject trades on `platform` (a lookup by primary key per case; subjects_platform_idx otherwise). */
function caseOnPlatform(eb: ExpressionBuilder<Database, 'cases'>, platform: PlatformId): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('subjects')
      .select('subjects.id')
      .whereRef('subjects.id', '=', 'cases.subject_id')
      .where('subjects.platform', '=', platform),
  );
}

/** Decisions on cases about subjects of `platform`; every decision when no platform is asked for. */
function decisionOnPlatform(
  eb: ExpressionBuilder<Database, any>,
  platform: PlatformId | undefined,
): Expression<SqlBool> {
  if (!platform) return sql<SqlBool>`1 = 1`;
  return eb.exists(
    eb
      .selectFrom('cases as platform_case')
      .innerJoin('subjects as platform_subject', 'platform_subject.id', 'platform_case.subject_id')
      .select('platform_case.id')
      .where('platform_case.id', '=', sql.ref<number>('decisions.case_id'))
      .where('platform_subject.platform', '=', platform),
  );
}

function byPeople<K extends string>(eb: ExpressionBuilder<Database, any>, column: K, people: readonly number[]) {
  return people.length ? eb(column as any, 'in', people) : NOTHING;
}

export const metricsRepo = {
  /**
   * Open cases (`is_open`, kept by the database: migration 0010) by queue, counted into age
   * buckets by the creation-time cutoffs (youngest first).
   */
  async openByQueueAndAge(db: Executor, scope: CaseScope, cutoffs: readonly [string, string, string]) {
    const [oneDay, threeDays, sevenDays] = cutoffs;
    const rows = await db
      .selectFrom('cases')
      .select((eb) => [
        'cases.queue',
        eb.fn.countAll<number | string>().as('total'),
        countWhere(eb('cases.created_at', '>', oneDay)).as('under1d'),
        countWhere(eb.and([eb('cases.created_at', '<=', oneDay), eb('cases.created_at', '>', threeDays)])).as(
          'from1to3d',
        ),
        countWhere(eb.and([eb('cases.created_at', '<=', threeDays), eb('cases.created_at', '>', sevenDays)])).as(
          'from3to7d',
        ),
        countWhere(eb('cases.created_at', '<=', sevenDays)).as('over7d'),
      ])
      .where('cases.is_open', '=', 1)
      .where((eb) => inCaseScope(eb, scope))
      .groupBy('cases.queue')
      .execute();
    return rows.map((r) => ({
      queue: r.queue,
      total: Number(r.total),
      under1d: Number(r.under1d),
      from1to3d: Number(r.from1to3d),
      from3to7d: Number(r.from3to7d),
      over7d: Number(r.over7d),
    }));
  },

  /** Open cases by queue, and how many of them are past their deadline at `now`. */
  async openBreaches(db: Executor, scope: CaseScope, now: string) {
    const rows = await db
      .selectFrom('cases')
      .select((eb) => [
        'cases.queue',
        eb.fn.countAll<number | string>().as('open'),
        countWhere(eb('cases.sla_due_at', '<=', now)).as('breached'),
      ])
      .where('cases.is_open', '=', 1)
      .where((eb) => inCaseScope(eb, scope))
      .groupBy('cases.queue')
      .execute();
    return rows.map((r) => ({ queue: r.queue, open: Number(r.open), breached: Number(r.breached) }));
  },

  /**
   * Open cases not yet breached whose deadline falls before their queue's forecast (the
   * `at_risk` of shared/cases/sla.ts); a queue without a forecast puts all of them at risk.
   */
  async openAtRisk(
    db: Executor,
    scope: CaseScope,
    now: string,
    forecasts: readonly { queue: string | null; forecastAt: string | null }[],
  ) {
    if (!forecasts.length) return [];
    const rows = await db
      .selectFrom('cases')
      .select((eb) => ['cases.queue', eb.fn.countAll<number | string>().as('n')])
      .where('cases.is_open', '=', 1)
      .where((eb) => inCaseScope(eb, scope))
      .where('cases.sla_due_at', '>', now)
      .where((eb) =>
        eb.or(
          forecasts.map((f) => {
            const inQueue = f.queue === null ? eb('cases.queue', 'is', null) : eb('cases.queue', '=', f.queue);
            return f.forecastAt === null ? inQueue : eb.and([inQueue, eb('cases.sla_due_at', '<', f.forecastAt)]);
          }),
        ),
      )
      .groupBy('cases.queue')
      .execute();
    return rows.map((r) => ({ queue: r.queue, atRisk: Number(r.n) }));
  },

  /** Cases closed in the range by queue, and how many closed after their deadline. */
  async closedInRange(db: Executor, scope: CaseScope, range: Range) {
    const rows = await db
      .selectFrom('cases')
      .select((eb) => [
        'cases.queue',
        eb.fn.countAll<number | string>().as('closed'),
        countWhere(
          eb.and([eb('cases.sla_due_at', 'is not', null), eb('cases.closed_at', '>', eb.ref('cases.sla_due_at'))]),
        ).as('late'),
      ])
      .where('cases.closed_at', '>=', range.from)
      .where('cases.closed_at', '<=', range.to)
      .where((eb) => inCaseScope(eb, scope))
      .groupBy('cases.queue')
      .execute();
    return rows.map((r) => ({ queue: r.queue, closed: Number(r.closed), closedLate: Number(r.late) }));
  },

  /** Reports received in the range per UTC hour (`YYYY-MM-DDTHH`) and source, on cases in scope. */
  async intakeByHour(db: Executor, scope: CaseScope, range: Range) {
    // A literal expression (no parameters) so PostgreSQL sees the same text in SELECT and GROUP BY.
    const hour = sql<string>`substr(reports.created_at, 1, 13)`;
    const rows = await db
      .selectFrom('reports')
      .innerJoin('cases', 'cases.id', 'reports.case_id')
      .select((eb) => [hour.as('hour'), 'reports.source', eb.fn.countAll<number | string>().as('n')])
      .where('reports.created_at', '>=', range.from)
      .where('reports.created_at', '<=', range.to)
      .where((eb) => inCaseScope(eb, scope))
      .groupBy([hour, 'reports.source'])
      .execute();
    return rows.map((r) => ({ hour: r.hour, source: r.source as ReportSource, n: Number(r.n) }));
  },

  /** Decisions made in the range by these people (sent-back ones excluded: they were redone), by rule and outcome. */
  async decisionsByRuleAndKind(db: Executor, people: readonly number[], range: Range, platform?: PlatformId) {
    const rule = sql<string>`coalesce(decisions.rule, cases.rule)`;
    const rows = await db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select((eb) => [rule.as('rule'), 'decisions.kind', eb.fn.countAll<number | string>().as('n')])
      .where('decisions.decided_at', '>=', range.from)
      .where('decisions.decided_at', '<=', range.to)
      .where('decisions.status', '!=', 'sent_back')
      .where((eb) => byPeople(eb, 'decisions.decided_by', people))
      .where((eb) => decisionOnPlatform(eb, platform))
      .groupBy([rule, 'decisions.kind'])
      .execute();
    return rows.map((r) => ({ rule: r.rule, kind: r.kind as DecisionOutcome, n: Number(r.n) }));
  },

  /**
   * Each decision made in the range by these people, with when its decider last claimed the
   * case before deciding (the `case.claimed` audit event): handling time is claim → decision.
   */
  async decisionTimings(db: Executor, people: readonly number[], range: Range, platform?: PlatformId) {
    const rows = await db
      .selectFrom('decisions')
      .select((eb) => [
        'decisions.decided_by',
        'decisions.decided_at',
        eb
          .selectFrom('audit_events')
          .select((sub) => sub.fn.max('audit_events.at').as('at'))
          .where('audit_events.action', '=', 'case.claimed')
          .where('audit_events.target_type', '=', 'case')
          .where('audit_events.actor_type', '=', 'user')
          .where(sql<SqlBool>`audit_events.target_id = cast(decisions.case_id as text)`)
          .where(sql<SqlBool>`audit_events.actor_id = cast(decisions.decided_by as text)`)
          .whereRef('audit_events.at', '<=', 'decisions.decided_at')
          .as('claimed_at'),
      ])
      .where('decisions.decided_at', '>=', range.from)
      .where('decisions.decided_at', '<=', range.to)
      .where('decisions.status', '!=', 'sent_back')
      .where((eb) => byPeople(eb, 'decisions.decided_by', people))
      .where((eb) => decisionOnPlatform(eb, platform))
      .execute();
    return rows.map((r) => ({ decidedBy: r.decided_by, decidedAt: r.decided_at, claimedAt: r.claimed_at ?? null }));
  },

  /** Appealable decisions (penalties in force) made in the range, per decider and rule, and how many were appealed. */
  async appealableDecisions(db: Executor, people: readonly number[], range: Range, platform?: PlatformId) {
    const rows = await db
      .selectFrom('decisions')
      .innerJoin('users', 'users.id', 'decisions.decided_by')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .leftJoin('appeals', 'appeals.decision_id', 'decisions.id')
      .select((eb) => [
        'decisions.decided_by',
        'users.display_name',
        sql<string>`coalesce(decisions.rule, cases.rule)`.as('rule'),
        eb.fn.count<number | string>('decisions.id').distinct().as('decisions'),
        eb.fn.count<number | string>('appeals.decision_id').distinct().as('appealed'),
      ])
      .where('decisions.kind', '=', 'apply')
      .where('decisions.status', 'in', TOOK_EFFECT_STATUSES)
      .where('decisions.decided_at', '>=', range.from)
      .where('decisions.decided_at', '<=', range.to)
      .where((eb) => byPeople(eb, 'decisions.decided_by', people))
      .where((eb) => decisionOnPlatform(eb, platform))
      .groupBy(['decisions.decided_by', 'users.display_name', sql`coalesce(decisions.rule, cases.rule)`])
      .execute();
    return rows.map((r) => ({
      decidedBy: r.decided_by,
      name: r.display_name,
      rule: r.rule,
      decisions: Number(r.decisions),
      appealed: Number(r.appealed),
    }));
  },

  /** Appeals ruled on in the range against decisions of these people: who decided, the rule, and the ruling. */
  async appealRulings(db: Executor, people: readonly number[], range: Range, platform?: PlatformId) {
    return db
      .selectFrom('appeals')
      .innerJoin('decisions', 'decisions.id', 'appeals.decision_id')
      .innerJoin('users', 'users.id', 'decisions.decided_by')
      .select(['decisions.decided_by', 'users.display_name', 'appeals.rule', 'appeals.status'])
      .where('appeals.status', 'in', ['approved', 'rejected'])
      .where('appeals.decided_at', '>=', range.from)
      .where('appeals.decided_at', '<=', range.to)
      .where((eb) => byPeople(eb, 'decisions.decided_by', people))
      .where((eb) => decisionOnPlatform(eb, platform))
      .execute();
  },

  /** Four-eyes decisions of these people that a second person approved or sent back in the range. */
  async fourEyesOutcomes(db: Executor, people: readonly number[], range: Range, platform?: PlatformId) {
    const rows = await db
      .selectFrom('decisions')
      .innerJoin('users', 'users.id', 'decisions.decided_by')
      .select((eb) => [
        'decisions.decided_by',
        'users.display_name',
        'decisions.status',
        eb.fn.countAll<number | string>().as('n'),
      ])
      .where('decisions.requires_approval', '=', 1)
      .where('decisions.status', 'in', [...TOOK_EFFECT_STATUSES, 'sent_back'])
      .where('decisions.reviewed_at', '>=', range.from)
      .where('decisions.reviewed_at', '<=', range.to)
      .where((eb) => byPeople(eb, 'decisions.decided_by', people))
      .where((eb) => decisionOnPlatform(eb, platform))
      .groupBy(['decisions.decided_by', 'users.display_name', 'decisions.status'])
      .execute();
    return rows.map((r) => ({
      userId: r.decided_by,
      name: r.display_name,
      status: r.status === 'sent_back' ? ('sent_back' as const) : ('effective' as const),
      n: Number(r.n),
    }));
  },

  /** The people a figure is about, with their names, in id order. */
  people(db: Executor, ids: readonly number[]) {
    return db
      .selectFrom('users')
      .select(['id', 'display_name as name'])
      .where((eb) => byPeople(eb, 'users.id', ids))
      .orderBy('id')
      .execute();
  },

  /** Every queue membership, listed or by role: what a lead's team is worked out from (shared/metrics/team.ts). */
  queueMemberships(db: Executor) {
    return db.selectFrom(memberships(db).as('m')).select(['m.queue_id as queueId', 'm.user_id as userId']).execute();
  },

  /** Queues whose members include everyone with a role (the escalations queue): shared, not a team's own. */
  async queuesByRole(db: Executor): Promise<Set<string>> {
    const rows = await db.selectFrom('queues').select('id').where('member_role', 'is not', null).execute();
    return new Set(rows.map((r) => r.id));
  },
};
