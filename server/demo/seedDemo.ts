import type { Transaction } from 'kysely';
import type { Role } from '../../shared/auth/roles';
import { recordEvent, SYSTEM_ACTOR } from '../audit/recordEvent';
import { hashPassword } from '../auth/passwords';
import type { Clock } from '../clock';
import type { Database, Db } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { Rulebooks } from '../rulebooks';
import { seedDemoAlerts } from './demoAlerts';
import { seedDemoCases } from './demoCases';
import { DEMO_MEMBERS, DEMO_QUEUES, DEMO_ROUTING } from './demoCatalog';
import { seedDemoQa, seedDemoQaPolicies } from './demoQa';
import { seedDemoTags } from './demoTags';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
}

/** Shared by every demo user and printed at start-up; never use demo data in production. */
export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_USERS: { username: string; name: string; role: Role }[] = [
  { username: 'admin', name: '系统管理员 周敏', role: 'admin' },
  { username: 'lead', name: '组长 陈静', role: 'lead' },
  { username: 'reviewer', name: '审核员 李明', role: 'reviewer' },
  { username: 'reviewer2', name: '审核员 王芳', role: 'reviewer' },
  { username: 'senior', name: '资深审核员 赵强', role: 'senior_reviewer' },
  { username: 'appeals', name: '申诉专员 孙丽', role: 'appeals_officer' },
  { username: 'triager', name: '分拣员 吴涛', role: 'triager' },
  { username: 'auditor', name: '审计员 郑洁', role: 'auditor' },
];

export const DEMO_CASE_COUNT = 200;
const _DAY = 86_400_000;

/**
 * Seeds staff (one per role), queues with members and routing rules, and ~200 cases filed
 * through the real intake path over the last 25 days; some already closed, so queues have
 * a pace. Does nothing to a database that already has users. Returns the demo logins.
 */
export async function seedDemoData(deps: { db: Db; clock: Clock; rulebooks: Rulebooks }): Promise<DemoLogin[]> {
  const logins = DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role }));
  if ((await usersRepo.count(deps.db)) > 0) return logins;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  const userIds = await deps.db.transaction().execute(async (trx) => {
    const ids = await seedStaff(trx, passwordHash, now);
    await seedQueues(trx, ids, now);
    await seedDemoAlerts(trx, ids, now);
    return ids;
  });
  // QA sampling is on before the first decision, so the month's decisions are sampled as they take effect.
  await seedDemoQaPolicies(deps, userIds.get('lead') ?? 0);
  // Cases go through the desk's own use cases, one transaction each, in the order they happen.
  const counts = await seedDemoCases(deps.db, deps.rulebooks, userIds, now, DEMO_CASE_COUNT);
  await seedDemoQa(deps, userIds, now);
  await seedDemoTags(deps, userIds.get('lead') ?? 0);
  await deps.db
    .transaction()
    .execute((trx) =>
      recordEvent(trx, SYSTEM_ACTOR, { action: 'demo.seeded', data: { users: DEMO_USERS.length, ...counts } }, now),
    );
  return logins;
}

async function seedStaff(trx: Transaction<Database>, passwordHash: string, now: Date) {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const id = await usersRepo.insert(trx, {
      username: u.username,
      display_name: u.name,
      role: u.role,
      password_hash: passwordHash,
      created_at: now.toISOString(),
      disabled_at: null,
      last_login_at: null,
      locked_until: null,
    });
    // Like every other account, on the record: \`audit verify\` reconciles users with these events.
    await recordEvent(
      trx,
      SYSTEM_ACTOR,
      {
        action: 'user.created',
        target: { type: 'user', id },
        data: { username: u.username, role: u.role, displayName: u.name },
      },
      now,
    );
    ids.set(u.username, id);
  }
  return ids;
}

async function seedQueues(trx: Transaction<Database>, userIds: Map<string, number>, now: Date) {
  const at = now.toISOString();
  for (const q of DEMO_QUEUES) {
    await queuesRepo.upsert(
      trx,
      { id: q.id, name_zh: q.nameZh, name_en: q.nameEn, sla_days: q.sla, auto_assign: 0 },
      at,
    );
    await queuesRepo.setMembers(
      trx,
      q.id,
      (DEMO_MEMBERS[q.id] ?? []).map((u) => userIds.get(u) ?? 0),
    );
  }
  for (const [position, r] of DEMO_ROUTING.entries()) {
    await queuesRepo.insertRoutingRule(
      trx,
      { position: position * 10, queueId: r.queueId, match: r.rules ? { rules: r.rules } : {}, enabled: true },
      at,
    );
  }
}
