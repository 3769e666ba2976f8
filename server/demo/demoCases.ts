import type { RuleId } from '../../shared/api/intake';
import { REPORT_SOURCES, type SubjectKind } from '../../shared/cases/enums';
import { DEFAULT_PLATFORM, type PlatformId, platformOfRule } from '../../shared/rulebook/platforms';
import { SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Db } from '../db/database';
import { casesRepo } from '../db/repositories/cases.repo';
import { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';
import { closeExpiredAppeals } from '../services/appealExpiry.service';
import { assignCase } from '../services/assignment.service';
import { approveDecision, decideCase } from '../services/decisions.service';
import { endDueMeasures } from '../services/enforcementExpiry.service';
import { intakeReport, intakeSetupOf } from '../services/intake.service';
import type { ServiceContext } from '../services/serviceContext';
import {
  DEMO_ADDRESSES,
  DEMO_MEMBERS,
  DEMO_PLATFORM_SUBJECTS,
  DEMO_SUBJECTS,
  DEMO_SUMMARIES,
  DEMO_XIANYU_RULES,
  RULES_BY_KIND,
} from './demoCatalog';
import { demoEvidenceFor } from './demoEvidence';
import { demoFactsFor } from './demoFacts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A small deterministic PRNG (mulberry32) so every fresh demo database looks the same. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const REASONS = {
  apply: ['经核实存在违规行为，依规处理。', '证据确凿，按规则扣分并采取相应措施。', '多份证据相互印证，认定违规成立。'],
  waive: ['情节轻微且已主动整改，本次免于处罚。', '首次违规且未造成损害，依规不予处罚。'],
  dismiss: ['证据不足以认定违规，驳回举报。', '经核实为正常经营行为，举报不成立。'],
} as const;

type Outcome = keyof typeof REASONS;

interface DemoSubject {
  id: string;
  kind: SubjectKind;
  name: string;
  platform: PlatformId;
  phone: string;
  address: string;
}

/**
 * The members of the other platforms, with contact details made from their place in the list
 * (no randomness: the demo's random draws stay as they were before these platforms came).
 */
function platformSubjects(): Map<PlatformId, DemoSubject[]> {
  const all = new Map<PlatformId, DemoSubject[]>();
  for (const [platform, { prefix, groups }] of Object.entries(DEMO_PLATFORM_SUBJECTS) as [
    PlatformId,
    (typeof DEMO_PLATFORM_SUBJECTS)[keyof typeof DEMO_PLATFORM_SUBJECTS],
  ][]) {
    all.set(
      platform,
      groups.flatMap((group, g) =>
        group.names.map((name, i) => ({
          id: `${prefix}-${group.kind.slice(0, 1).toUpperCase()}${10_000 + g * 100 + i}`,
          kind: group.kind,
          name,
          platform,
          phone: `15${String(60_000_000 + (g * 100 + i) * 7_919).padStart(9, '0')}`,
          address: `${DEMO_ADDRESSES[(g * 3 + i) % DEMO_ADDRESSES.length]}${20 + i} 号`,
        })),
      ),
    );
  }
  return all;
}

/**
 * Who report `n` is filed about, and under which rule: the drawn Taobao member, unless the
 * drawn rule is another platform's own (then a member of that platform, of the same kind where
 * it has one), or the drawn shop's turn goes to a Xianyu seller (every eighth Taobao shop report).
 */
function filedAs(
  drawn: DemoSubject,
  drawnRule: string,
  n: number,
  others: Map<PlatformId, DemoSubject[]>,
): { subject: DemoSubject; rule: string } {
  const platform = platformOfRule(drawnRule) ?? DEFAULT_PLATFORM;
  const among = (p: PlatformId, kind: SubjectKind) => {
    const members = others.get(p) ?? [];
    const sameKind = members.filter((m) => m.kind === kind);
    const pool = sameKind.length ? sameKind : members;
    return pool[n % pool.length] ?? drawn;
  };
  if (platform !== DEFAULT_PLATFORM) return { subject: among(platform, drawn.kind), rule: drawnRule };
  if (drawn.kind === 'merchant' && n % 8 === 5) {
    const turn = Math.floor(n / 8);
    return { subject: among('xianyu', 'merchant'), rule: DEMO_XIANYU_RULES[turn % DEMO_XIANYU_RULES.length] as string };
  }
  return { subject: drawn, rule: drawnRule };
}

/** Something staff do to a case later in the demo's month, run when its time comes. */
type Planned =
  | { at: number; kind: 'decide'; caseId: number; reviewer: string; outcome: Outcome; n: number }
  | { at: number; kind: 'approve'; caseId: number; decisionId: number }
  | { at: number; kind: 'assign'; caseId: number; reviewer: string };

/**
 * About `count` cases over the last 25 days, made the way the desk makes them: every report
 * goes through intake, and every case that is closed was closed by a reviewer's decision
 * (`decideCase`, with the lead's four-eyes approval where the rulebook asks for one), each
 * use case run with the clock set to its moment and in time order, with the sweeps of appeal
 * windows and measure ends the server runs on timers. So decisions, violations,
 * notices, the audit trail, the outbox and triage (prior violations at intake) all agree.
 */
export async function seedDemoCases(
  db: Db,
  rulebooks: Rulebooks,
  userIds: ReadonlyMap<string, number>,
  now: Date,
  count: number,
): Promise<{ cases: number; mergedReports: number; decisions: number }> {
  const bus = new ChangeBus();
  const ctxAt = (username: string | null, at: number): ServiceContext => ({
    db,
    rulebooks,
    bus,
    clock: { now: () => new Date(at) },
    audit: username ? { actor: { type: 'user', id: String(userIds.get(username) ?? 0) } } : SYSTEM_ACTOR,
    // QA sampling draws from its own sequence, so the cases' draws stay as they were.
    random: qaDraws,
  });
  const qaDraws = prng(2_026_022);
  const random = prng(20_161_126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const others = platformSubjects();
  const subjects: DemoSubject[] = DEMO_SUBJECTS.flatMap((group, g) =>
    group.names.map((name, i) => ({
      id: `${group.kind.slice(0, 1).toUpperCase()}${10_000 + g * 100 + i}`,
      kind: group.kind,
      name,
      platform: DEFAULT_PLATFORM,
      phone: `1${3 + (i % 7)}${String(10_000_000 + Math.floor(random() * 89_999_999)).padStart(9, '0')}`,
      address: `${DEMO_ADDRESSES[(g * 7 + i) % DEMO_ADDRESSES.length]}${10 + i} 号`,
    })),
  );
  const reviewers = ['reviewer', 'reviewer2', 'senior'];
  const latest = now.getTime() - 60_000;

  const planned: Planned[] = [];
  let decisions = 0;
  const run = async (p: Planned) => {
    const c = await casesRepo.find(db, p.caseId);
    if (!c) return;
    if (p.kind === 'approve') {
      await approveDecision(ctxAt('lead', p.at), { decisionId: p.decisionId, note: '已复核，同意。' });
      return;
    }
    // A reviewer acts only on the queues they belong to; the plan's pick gives way to a member.
    const members = reviewers.filter((r) => c.queue && DEMO_MEMBERS[c.queue]?.includes(r));
    const reviewer = members.includes(p.reviewer) ? p.reviewer : (members[0] ?? 'lead');
    if (p.kind === 'assign') {
      await assignCase(ctxAt('lead', p.at), { caseId: c.id, userId: userIds.get(reviewer) ?? 0 });
      return;
    }
    const decided = await decideCase(ctxAt(reviewer, p.at), {
      id: c.id,
      version: c.version,
      decision: p.outcome,
      ...(p.outcome !== 'dismiss' && {
        facts: demoFactsFor(await rulebooks.forSubject(db, c.subject_id), c.rule, c.subject_id, p.n, random),
      }),
      reason: pick(REASONS[p.outcome]),
    });
    decisions += 1;
    // Heavy findings wait for a second person: the lead approves them a couple of hours later.
    if (decided.requiresApproval)
      planned.push({
        at: Math.min(latest, p.at + 2 * HOUR),
        kind: 'approve',
        caseId: c.id,
        decisionId: decided.decisionId,
      });
  };
  /**
   * Runs, oldest first, everything planned up to `until`, then what the server's timers would
   * have done by then: appeal windows that ran out become final, measures whose end came end.
   */
  const catchUp = async (until: number) => {
    for (;;) {
      // Sorted each time: running one can plan another (an approval).
      planned.sort((a, b) => a.at - b.at);
      const next = planned[0];
      if (!next || next.at > until) break;
      planned.shift();
      await run(next);
    }
    await closeExpiredAppeals(ctxAt(null, until));
    await endDueMeasures(ctxAt(null, until));
  };

  // Intake arrives oldest first over the last 25 days; the step leaves room for the reports
  // that merge, so the newest cases are from today and queues have a recent pace.
  const step = (25 * DAY) / (count * 1.4);
  let created = 0;
  let merged = 0;
  for (let n = 0; created < count && n < count * 3; n++) {
    const drawn = pick(subjects);
    const { subject, rule } = filedAs(drawn, pick(RULES_BY_KIND[drawn.kind]), n, others);
    const source = pick(REPORT_SOURCES);
    const at = Math.min(latest, now.getTime() - 25 * DAY + n * step + random() * step);
    await catchUp(at);
    const result = await db.transaction().execute((trx) =>
      intakeReport(
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
            platform: subject.platform,
          },
          rule: rule as RuleId,
          summary: pick(DEMO_SUMMARIES[rule] ?? ['']),
          reporterId: source === 'user_report' ? `U${10_000 + Math.floor(random() * 40)}` : undefined,
          evidence: [
            { kind: 'text', title: '举报说明', text: pick(DEMO_SUMMARIES[rule] ?? ['']) },
            ...demoEvidenceFor(rule, n, new Date(at)),
          ],
        },
        new Date(at),
        intakeSetupOf(trx),
      ),
    );
    // Reports on a subject and rule that is already open merge, as at a real desk.
    if (result.outcome === 'merged') merged += 1;
    if (result.outcome !== 'created') continue;
    created += 1;
    // Older cases are mostly decided by now; recent ones wait in the queues, a few with a reviewer.
    const caseId = result.output.caseId;
    const age = (now.getTime() - at) / DAY;
    const roll = random();
    const reviewer = pick(reviewers);
    const later = Math.min(latest, at + (1 + random() * 5) * DAY);
    if (age > 5 && roll < 0.8) {
      const outcome = pick(['apply', 'apply', 'waive', 'dismiss'] as const);
      planned.push({ at: later, kind: 'decide', caseId, reviewer, outcome, n });
    } else if (roll < 0.12) {
      planned.push({ at: Math.min(latest, at + HOUR), kind: 'assign', caseId, reviewer });
    }
  }
  await catchUp(latest);
  return { cases: created, mergedReports: merged, decisions };
}
