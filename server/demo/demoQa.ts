import { DeskError } from '../../shared/errors/deskError';
import type { QaVerdict } from '../../shared/qa/verdict';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { qaRepo } from '../db/repositories/qa.repo';
import { ChangeBus } from '../events/changeBus';
import type { Rulebooks } from '../rulebooks';
import { adjudicate } from '../services/qaAdjudication.service';
import { setQaPolicy } from '../services/qaPolicy.service';
import { nextQaTask, submitQaVerdict } from '../services/qaReview.service';
import { taskSetting } from '../services/qaScoring';
import type { ServiceContext } from '../services/serviceContext';
import { prng } from './demoCases';
import { DEMO_MEMBERS } from './demoCatalog';
import { demoFactsFor } from './demoFacts';

const HOUR = 3_600_000;

/** Each demo queue's sampling policy, set by the lead before the demo month begins. */
export const DEMO_QA_POLICIES = [
  { queueId: 'general', percent: 20, alwaysSeals: true },
  { queueId: 'counterfeit', percent: 25, alwaysSeals: true },
  { queueId: 'fake-transaction', percent: 25, alwaysSeriousWaivers: true },
  { queueId: 'privacy', percent: 20 },
];

const AGREE_REASONS = ['证据充分，与原处理一致。', '事实认定无误，同意原处理。', '核对订单与聊天记录，结论一致。'];
const DISAGREE_REASONS = ['证据不足以认定违规。', '情节较原处理更轻，应免予处罚。', '证据显示确有违规，应予处罚。'];
const UPHOLD_NOTES = ['原处理依据充分，维持原决定。', '两种理解均有依据，以原处理为准，请组内统一口径。'];

/** The lead sets the demo queues' QA policies: decisions are sampled as they take effect. */
export async function seedDemoQaPolicies(deps: { db: Db; clock: Clock; rulebooks: Rulebooks }, leadId: number) {
  const ctx: ServiceContext = { ...deps, bus: new ChangeBus(), audit: { actor: { type: 'user', id: String(leadId) } } };
  for (const p of DEMO_QA_POLICIES) await setQaPolicy(ctx, p);
}

/**
 * A week and more of QA history on the decisions the demo month sampled, through the real use
 * cases: each sampled decision is taken and answered blind by another reviewer a few hours after
 * it took effect (most agree), and the lead settles the disagreements older than four days today; the newest
 * tasks stay open and the newest disagreements wait in the backlog.
 */
export async function seedDemoQa(
  deps: { db: Db; rulebooks: Rulebooks },
  userIds: ReadonlyMap<string, number>,
  now: Date,
): Promise<{ tasks: number; adjudicated: number }> {
  const { db, rulebooks } = deps;
  const bus = new ChangeBus();
  const ctxAt = (username: string, at: number): ServiceContext => ({
    db,
    rulebooks,
    bus,
    clock: { now: () => new Date(at) },
    audit: { actor: { type: 'user', id: String(userIds.get(username) ?? 0) } },
  });
  const random = prng(22_022);
  const latest = now.getTime() - 60_000;
  const open = await db
    .selectFrom('qa_tasks')
    .select(['id'])
    .where('status', '=', 'open')
    .orderBy('sampled_at')
    .orderBy('id')
    .execute();
  const disagreed: { id: number; at: number }[] = [];
  // The newest few stay open, for a reviewer to take with qa.next.
  for (const { id } of open.slice(0, Math.max(0, open.length - 3))) {
    const task = await qaRepo.find(db, id);
    if (!task) continue;
    // Someone who works the task's queue (a lead works them all), and neither decided nor approved it.
    const qa = [...(DEMO_MEMBERS[task.queueId ?? ''] ?? []), 'lead'].find(
      (u) => userIds.get(u) !== task.reviewerId && userIds.get(u) !== task.approverId,
    );
    if (!qa) continue;
    const at = Math.min(latest, Date.parse(task.sampledAt) + (3 + random() * 20) * HOUR);
    const next = await nextQaTask(ctxAt(qa, at));
    if (next?.taskId !== task.id) continue;
    const setting = await taskSetting(db, rulebooks, task);
    const agree = random() < 0.7;
    const verdict = agree ? setting.first : await otherVerdict(setting, task.id, random);
    const out = await submitQaVerdict(ctxAt(qa, at), {
      taskId: task.id,
      decision: verdict.decision,
      ...(verdict.rule !== undefined && { rule: verdict.rule }),
      ...(verdict.facts !== undefined && { facts: verdict.facts }),
      reason: (agree ? AGREE_REASONS : DISAGREE_REASONS)[Math.floor(random() * 3)] ?? '',
    });
    if (out.status === 'disagreed') disagreed.push({ id: task.id, at });
  }
  // Today the lead settles the disagreements older than four days (upholding them: the demo's
  // standings stay as the month made them); the newer wait in the backlog.
  let adjudicated = 0;
  const settled = disagreed.filter((d) => d.at < latest - 4 * 24 * HOUR);
  for (const [i, d] of settled.entries()) {
    const at = latest - (settled.length - i) * 5 * 60_000;
    try {
      await adjudicate(ctxAt('lead', at), {
        taskId: d.id,
        outcome: 'uphold',
        note: UPHOLD_NOTES[i % UPHOLD_NOTES.length] ?? '',
      });
      adjudicated += 1;
    } catch (err) {
      // The lead approved that decision (four-eyes): not theirs to settle; it stays in the backlog.
      if (!(err instanceof DeskError)) throw err;
    }
  }
  const tasks = await db.selectFrom('qa_tasks').select('id').execute();
  return { tasks: tasks.length, adjudicated };
}

/** A verdict that differs from the first: a finding dismissed or waived, a dismissal applied. */
async function otherVerdict(
  setting: Awaited<ReturnType<typeof taskSetting>>,
  n: number,
  random: () => number,
): Promise<QaVerdict> {
  const { first, c, rulebook } = setting;
  if (first.decision === 'apply') return random() < 0.5 ? { ...first, decision: 'waive' } : { decision: 'dismiss' };
  if (first.decision === 'waive') return { ...first, decision: 'apply' };
  return { decision: 'apply', rule: c.rule, facts: demoFactsFor(rulebook, c.rule, c.subject_id, n, random) };
}
