import { recordEvent } from '../../server/audit/recordEvent';
import type { Db } from '../../server/db/database';
import type { DecisionKind, DecisionStatus } from '../../server/db/tables/decisions.table';
import type { CaseStatus, ReportSource } from '../../shared/cases/enums';
import { createQueue, createStaff } from './factories';

/**
 * A small desk whose dashboard figures are worked out by hand in test/integration/metrics.test.ts.
 * Every time is relative to METRICS_NOW (12:00 platform time, 04:00 UTC, on 10 March 2026).
 *
 * Queues and people: q1 = lead, reva, revb; q2 = revb, senior; q3 = outsider. The lead's team
 * is everyone sharing q1 (lead, reva, revb), and the team's queues are theirs: q1 and q2.
 * senior (only in q2) and outsider (only in q3) are not on the team.
 */
export const METRICS_NOW = new Date('2026-03-10T04:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(METRICS_NOW.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(METRICS_NOW.getTime() + ms).toISOString();

export type MetricsStaff = Record<'lead' | 'reva' | 'revb' | 'senior' | 'outsider', number>;

export async function seedMetricsFixture(db: Db): Promise<{ staff: MetricsStaff; cases: Record<string, number> }> {
  const ids = await createStaff(db, [
    { username: 'lead', role: 'lead' },
    { username: 'reva', role: 'reviewer' },
    { username: 'revb', role: 'reviewer' },
    { username: 'senior', role: 'senior_reviewer' },
    { username: 'outsider', role: 'reviewer' },
  ]);
  const staff = Object.fromEntries(ids) as MetricsStaff;
  await createQueue(db, 'q1', { members: [staff.lead, staff.reva, staff.revb] });
  await createQueue(db, 'q2', { members: [staff.revb, staff.senior] });
  await createQueue(db, 'q3', { members: [staff.outsider] });
  await db
    .insertInto('subjects')
    .values({
      id: 'M-METRICS',
      kind: 'merchant',
      name: '指标测试店铺',
      shop_level: null,
      registered_at: null,
      created_at: ago(40 * DAY),
    })
    .execute();

  const caseIds: Record<string, number> = {};
  const addCase = async (
    key: string,
    c: {
      queue: string;
      status: CaseStatus;
      rule: string;
      created: string;
      due: string | null;
      closed?: string;
      assignee?: number;
      reports?: { at: string; source: ReportSource }[];
    },
  ) => {
    // A subject per case: the database keeps one open case per subject and rule.
    const subjectId = `M-METRICS-${key}`;
    await db
      .insertInto('subjects')
      .values({
        id: subjectId,
        kind: 'merchant',
        name: '指标测试店铺',
        shop_level: null,
        registered_at: null,
        created_at: ago(40 * DAY),
      })
      .execute();
    const row = await db
      .insertInto('cases')
      .values({
        subject_id: subjectId,
        rule: c.rule,
        status: c.status,
        source: c.reports?.[0]?.source ?? 'user_report',
        summary: `指标案件 ${key}`,
        priority: 10,
        triage: null,
        queue: c.queue,
        assignee_id: c.assignee ?? null,
        lease_until: null,
        sla_due_at: c.due,
        closed_at: c.closed ?? null,
        created_at: c.created,
        updated_at: c.created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseIds[key] = row.id;
    for (const [i, r] of (c.reports ?? []).entries()) {
      await db
        .insertInto('reports')
        .values({
          external_id: `metrics-${key}-${i}`,
          case_id: row.id,
          source: r.source,
          subject_id: subjectId,
          rule: c.rule,
          summary: '举报',
          facts: null,
          reporter_id: null,
          created_at: r.at,
        })
        .execute();
    }
    return row.id;
  };

  // Open cases. q1 closed two cases in the last week (c6, c7): 2/7 a day, so its 3 open cases
  // are forecast to be reached in (3 + 1) / (2/7) = 14 days; q2 closed none: no forecast.
  await addCase('c1', {
    queue: 'q1',
    status: 'triaged',
    rule: 'fake-transaction',
    created: ago(2 * HOUR),
    due: ahead(5 * DAY), // before the 14-day forecast: at risk
    // 23:30 and 00:30 platform time on either side of midnight: 9 and 10 March.
    reports: [
      { at: '2026-03-09T15:30:00.000Z', source: 'user_report' },
      { at: '2026-03-09T16:30:00.000Z', source: 'system_detection' },
    ],
  });
  await addCase('c2', {
    queue: 'q1',
    status: 'assigned',
    rule: 'counterfeit',
    created: ago(2 * DAY),
    due: ago(HOUR), // breached
    assignee: staff.reva,
    reports: [{ at: ago(2 * DAY), source: 'spot_check' }],
  });
  await addCase('c3', {
    queue: 'q2',
    status: 'triaged',
    rule: 'counterfeit',
    created: ago(5 * DAY),
    due: ahead(DAY), // q2 has no pace: at risk
    reports: [{ at: ago(5 * DAY), source: 'system_detection' }],
  });
  await addCase('c4', {
    queue: 'q1',
    status: 'triaged',
    rule: 'fake-transaction',
    created: ago(10 * DAY),
    due: ahead(30 * DAY), // after the forecast: fine
    // 23:00 platform time on 3 March: the day before the 7-day window opens.
    reports: [{ at: '2026-03-03T15:00:00.000Z', source: 'user_report' }],
  });
  await addCase('c5', {
    queue: 'q3',
    status: 'triaged',
    rule: 'counterfeit',
    created: ago(25 * HOUR),
    due: ago(HOUR),
    reports: [{ at: ago(25 * HOUR), source: 'user_report' }],
  });
  // Closed cases.
  await addCase('c6', {
    queue: 'q1',
    status: 'final',
    rule: 'fake-transaction',
    created: ago(6 * DAY),
    due: ago(3 * DAY),
    closed: ago(2 * DAY), // late
    assignee: staff.reva,
  });
  await addCase('c7', {
    queue: 'q1',
    status: 'dismissed',
    rule: 'counterfeit',
    created: ago(8 * DAY),
    due: ahead(DAY),
    closed: ago(DAY), // on time
    assignee: staff.reva,
  });
  await addCase('c8', {
    queue: 'q1',
    status: 'final',
    rule: 'unfair-competition',
    created: ago(25 * DAY),
    due: null,
    closed: ago(20 * DAY), // only in the 30-day window
    assignee: staff.revb,
  });

  const decide = async (d: {
    caseKey: string;
    by: number;
    kind: DecisionKind;
    status: DecisionStatus;
    rule: string | null;
    at: string;
    fourEyes?: { reviewedAt: string; by: number };
  }) => {
    const row = await db
      .insertInto('decisions')
      .values({
        case_id: caseIds[d.caseKey] as number,
        kind: d.kind,
        rule: d.rule,
        facts: null,
        violation_at: null,
        reason: '测试',
        reason_template: null,
        status: d.status,
        requires_approval: d.fourEyes ? 1 : 0,
        approval_reasons: null,
        preview: null,
        decided_by: d.by,
        decided_at: d.at,
        reviewed_by: d.fourEyes?.by ?? null,
        reviewed_at: d.fourEyes?.reviewedAt ?? null,
        review_note: null,
        batch_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const claim = (caseKey: string, by: number, at: string) =>
    db.transaction().execute((trx) =>
      recordEvent(
        trx,
        { actor: { type: 'user', id: String(by) } },
        {
          action: 'case.claimed',
          target: { type: 'case', id: caseIds[caseKey] as number },
          data: { previousAssignee: null, leaseUntil: new Date(Date.parse(at) + 3_600_000).toISOString() },
        },
        new Date(at),
      ),
    );

  // reva: d1 (claimed 30 min before), d2 (claimed 5 h and 90 min before: the later claim counts;
  // revb's claim 10 min before is someone else's), d9 (never claimed), d4 sent back (not counted
  // as throughput), d8 ten days ago (30-day window only).
  await claim('c6', staff.reva, ago(2 * DAY + 30 * 60_000));
  const d1 = await decide({
    caseKey: 'c6',
    by: staff.reva,
    kind: 'apply',
    status: 'effective',
    rule: 'fake-transaction',
    at: ago(2 * DAY),
  });
  await claim('c7', staff.reva, ago(DAY + 5 * HOUR));
  await claim('c7', staff.reva, ago(DAY + 90 * 60_000));
  await claim('c7', staff.revb, ago(DAY + 10 * 60_000));
  await decide({ caseKey: 'c7', by: staff.reva, kind: 'dismiss', status: 'effective', rule: null, at: ago(DAY) });
  await decide({
    caseKey: 'c1',
    by: staff.reva,
    kind: 'apply',
    status: 'effective',
    rule: 'fake-transaction',
    at: ago(4 * DAY),
  });
  await decide({
    caseKey: 'c6',
    by: staff.reva,
    kind: 'apply',
    status: 'sent_back',
    rule: 'fake-transaction',
    at: ago(2 * DAY + 2 * HOUR),
    fourEyes: { reviewedAt: ago(2 * DAY + HOUR), by: staff.senior },
  });
  const d8 = await decide({
    caseKey: 'c4',
    by: staff.reva,
    kind: 'apply',
    status: 'effective',
    rule: 'fake-transaction',
    at: ago(10 * DAY),
  });
  // revb: d3 a waiver, d5 four-eyes approved.
  await decide({
    caseKey: 'c8',
    by: staff.revb,
    kind: 'waive',
    status: 'effective',
    rule: 'unfair-competition',
    at: ago(3 * DAY),
  });
  const d5 = await decide({
    caseKey: 'c2',
    by: staff.revb,
    kind: 'apply',
    status: 'effective',
    rule: 'counterfeit',
    at: ago(DAY + 2 * HOUR),
    fourEyes: { reviewedAt: ago(DAY), by: staff.senior },
  });
  // Not the lead's team: senior and outsider.
  await decide({
    caseKey: 'c3',
    by: staff.senior,
    kind: 'apply',
    status: 'effective',
    rule: 'counterfeit',
    at: ago(DAY),
  });
  await decide({
    caseKey: 'c5',
    by: staff.outsider,
    kind: 'apply',
    status: 'effective',
    rule: 'counterfeit',
    at: ago(DAY),
  });

  const appeal = async (
    decisionId: number,
    caseKey: string,
    rule: string,
    status: 'approved' | 'rejected',
    at: string,
  ) => {
    await db
      .insertInto('appeals')
      .values({
        case_id: caseIds[caseKey] as number,
        decision_id: decisionId,
        subject_id: `M-METRICS-${caseKey}`,
        rule,
        status,
        statement: '申诉',
        evidence: null,
        evidence_deadline: null,
        queue: null,
        assignee_id: null,
        decided_by: staff.senior,
        decided_at: at,
        outcome_reason: null,
        relief_violation_id: null,
        submitted_by: 'user:1',
        created_at: at,
        updated_at: at,
      })
      .execute();
  };
  await appeal(d1, 'c6', 'fake-transaction', 'approved', ago(DAY));
  await appeal(d5, 'c2', 'counterfeit', 'rejected', ago(12 * HOUR));
  await appeal(d8, 'c4', 'fake-transaction', 'approved', ago(2 * DAY));

  return { staff, cases: caseIds };
}
