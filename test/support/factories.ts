import { SYSTEM_ACTOR } from '../../server/audit/recordEvent';
import { systemClock } from '../../server/clock';
import type { Db } from '../../server/db/database';
import { queuesRepo } from '../../server/db/repositories/queues.repo';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import type { ServiceContext } from '../../server/services/serviceContext';
import { createToken } from '../../server/services/tokens.service';
import { createStaffUser } from '../../server/services/users.service';
import type { Role } from '../../shared/auth/roles';
import type { ReportSource, SubjectKind } from '../../shared/cases/enums';
import { rankOf } from '../../shared/cases/triage';

export const TEST_PASSWORD = 'test-password-123';

export function systemContext(db: Db, clock = systemClock): ServiceContext {
  return { db, clock, rulebooks: builtInRulebooks, bus: new ChangeBus(), audit: SYSTEM_ACTOR };
}

/** Creates staff users (password TEST_PASSWORD) and returns their ids by username. */
export async function createStaff(db: Db, users: { username: string; role: Role }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const u of users) {
    const { id } = await createStaffUser(systemContext(db), { ...u, password: TEST_PASSWORD });
    ids.set(u.username, id);
  }
  return ids;
}

export async function createQueue(
  db: Db,
  id: string,
  options: {
    members?: number[];
    autoAssign?: boolean;
    sla?: Record<ReportSource, number>;
    routeRules?: string[];
    position?: number;
    /** Cases one person may hold at once; generous unless a test is about the limit. */
    holdLimit?: number;
  } = {},
) {
  const at = new Date().toISOString();
  await queuesRepo.upsert(
    db,
    {
      id,
      name_zh: `队列 ${id}`,
      name_en: `Queue ${id}`,
      sla_days: options.sla ?? { user_report: 30, spot_check: 14, system_detection: 7 },
      auto_assign: options.autoAssign ? 1 : 0,
      hold_limit: options.holdLimit ?? 1000,
    },
    at,
  );
  if (options.members) await queuesRepo.setMembers(db, id, options.members);
  if (options.routeRules) {
    await queuesRepo.insertRoutingRule(
      db,
      {
        position: options.position ?? 0,
        queueId: id,
        match: options.routeRules.length ? { rules: options.routeRules } : {},
        enabled: true,
      },
      at,
    );
  }
}

export async function createIntegrationToken(db: Db, name: string, scopes: string[]): Promise<string> {
  return (await createToken(systemContext(db), { name, scopes })).token;
}

/**
 * Inserts `count` triaged cases into `queue` straight into the tables (fast, for load and
 * race tests); priorities vary so the queue has an order.
 */
export async function insertTriagedCases(db: Db, queue: string, count: number, subjectKind: SubjectKind = 'merchant') {
  const now = new Date();
  // One subject per case: the database keeps one open case per subject and rule.
  const first = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const subjectOf = (n: number) => `S-${queue}-${Number(first.n) + n}`;
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    await db
      .insertInto('subjects')
      .values(
        Array.from({ length: size }, (_, i) => ({
          id: subjectOf(start + i),
          kind: subjectKind,
          name: '测试商家',
          shop_level: null,
          registered_at: null,
          created_at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const rows = Array.from({ length: size }, (_, i) => {
      const priority = (start + i) % 97;
      return {
        subject_id: subjectOf(start + i),
        rule: 'fake-transaction',
        status: 'triaged' as const,
        source: 'system_detection' as const,
        summary: `测试案件 ${start + i}`,
        priority,
        rank: rankOf(priority, now),
        triage: null,
        queue,
        assignee_id: null,
        lease_until: null,
        sla_due_at: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
        closed_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
    });
    await db.insertInto('cases').values(rows).execute();
  }
}

let externalSeq = 0;
/** A valid `reports.submit` input; override what the test is about. */
export function reportInput(overrides: Record<string, unknown> = {}) {
  externalSeq += 1;
  return {
    externalId: `ext-${Date.now()}-${externalSeq}`,
    source: 'user_report' as const,
    subject: { id: 'M-1001', kind: 'merchant' as const, name: '杭州悦享数码专营店' },
    rule: 'fake-transaction' as const,
    summary: '系统检测到疑似刷单交易',
    ...overrides,
  };
}
