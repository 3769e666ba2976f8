import type { Transaction } from 'kysely';
import type { RuleId } from '../../shared/api/intake';
import type { Role } from '../../shared/auth/roles';
import { type CaseStatus, REPORT_SOURCES } from '../../shared/cases/enums';
import { recordEvent, SYSTEM_ACTOR } from '../audit/recordEvent';
import { hashPassword } from '../auth/passwords';
import type { Clock } from '../clock';
import type { Database, Db } from '../db/database';
import { queuesRepo } from '../db/repositories/queues.repo';
import { usersRepo } from '../db/repositories/users.repo';
import { intakeReport, intakeSetupOf } from '../services/intake.service';
import { seedDemoAlerts } from './demoAlerts';
import {
  DEMO_ADDRESSES,
  DEMO_MEMBERS,
  DEMO_QUEUES,
  DEMO_ROUTING,
  DEMO_SUBJECTS,
  DEMO_SUMMARIES,
  RULES_BY_KIND,
} from './demoCatalog';
import { demoEvidenceFor } from './demoEvidence';

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
const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32) so every fresh demo database looks the same. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Seeds staff (one per role), queues with members and routing rules, and ~200 cases filed
 * through the real intake path over the last 25 days; some already closed, so queues have
 * a pace. Does nothing to a database that already has users. Returns the demo logins.
 */
export async function seedDemoData(deps: { db: Db; clock: Clock }): Promise<DemoLogin[]> {
  const logins = DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, role: u.role }));
  if ((await usersRepo.count(deps.db)) > 0) return logins;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const userIds = await seedStaff(trx, passwordHash, now);
    await seedQueues(trx, userIds, now);
    const counts = await seedCases(trx, userIds, now);
    await seedDemoAlerts(trx, userIds, now);
    await recordEvent(trx, SYSTEM_ACTOR, { action: 'demo.seeded', data: { users: DEMO_USERS.length, ...counts } }, now);
  });
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
    ids.set(u.username, id);
  }
  return ids;
}

async function seedQueues(trx: Transaction<Database>, userIds: Map<string, number>, now: Date) {
  const at = now.toISOString();
  for (const q of DEMO_QUEUES) {
    await queuesRepo.upsert(
      trx,
      { id: q.id, name_zh: q.nameZh, name_en: q.nameEn, sla_days: JSON.stringify(q.sla), auto_assign: 0 },
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

async function seedCases(trx: Transaction<Database>, userIds: Map<string, number>, now: Date) {
  const random = prng(20_161_126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const subjects = DEMO_SUBJECTS.flatMap((group, g) =>
    group.names.map((name, i) => ({
      id: `${group.kind.slice(0, 1).toUpperCase()}${10_000 + g * 100 + i}`,
      kind: group.kind,
      name,
      phone: `1${3 + (i % 7)}${String(10_000_000 + Math.floor(random() * 89_999_999)).padStart(9, '0')}`,
      address: `${DEMO_ADDRESSES[(g * 7 + i) % DEMO_ADDRESSES.length]}${10 + i} 号`,
    })),
  );
  const setup = intakeSetupOf(trx);
  const reviewers = ['reviewer', 'reviewer2', 'senior'].map((u) => userIds.get(u) ?? 0);
  // Intake arrives oldest first over the last 25 days; the step leaves room for the reports
  // that merge, so the newest cases are from today and queues have a recent pace.
  const step = (25 * DAY) / (DEMO_CASE_COUNT * 1.4);
  let created = 0;
  let merged = 0;
  for (let n = 0; created < DEMO_CASE_COUNT && n < DEMO_CASE_COUNT * 3; n++) {
    const subject = pick(subjects);
    const rule = pick(RULES_BY_KIND[subject.kind]) as RuleId;
    const source = pick(REPORT_SOURCES);
    const at = new Date(Math.min(now.getTime() - 60_000, now.getTime() - 25 * DAY + n * step + random() * step));
    const result = await intakeReport(
      trx,
      SYSTEM_ACTOR,
      {
        externalId: `demo-${n + 1}`,
        source,
        subject: {
          id: subject.id,
          kind: subject.kind,
          name: subject.name,
          phone: subject.phone,
          address: subject.address,
        },
        rule,
        summary: pick(DEMO_SUMMARIES[rule] ?? ['']),
        reporterId: source === 'user_report' ? `U${10_000 + Math.floor(random() * 40)}` : undefined,
        evidence: [
          { kind: 'text', title: '举报说明', text: pick(DEMO_SUMMARIES[rule] ?? ['']) },
          ...demoEvidenceFor(rule, n, at),
        ],
      },
      at,
      setup,
    );
    // Reports on a subject and rule that is already open merge, as at a real desk.
    if (result.outcome === 'merged') merged += 1;
    if (result.outcome !== 'created') continue;
    created += 1;
    // Older cases are mostly done by now; recent ones wait in the queues.
    const age = (now.getTime() - at.getTime()) / DAY;
    const roll = random();
    let status: CaseStatus | null = null;
    if (age > 5 && roll < 0.8) status = pick(['decided', 'final', 'final', 'dismissed'] as const);
    else if (roll < 0.12) status = 'assigned';
    if (status) {
      const closedAt = new Date(Math.min(now.getTime(), at.getTime() + (1 + random() * 5) * DAY)).toISOString();
      await trx
        .updateTable('cases')
        .set({
          status,
          assignee_id: pick(reviewers),
          closed_at: status === 'assigned' ? null : closedAt,
          updated_at: status === 'assigned' ? at.toISOString() : closedAt,
        })
        .where('id', '=', result.output.caseId)
        .execute();
    }
  }
  return { cases: created, mergedReports: merged };
}
