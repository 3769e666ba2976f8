import type { Transaction } from 'kysely';
import { caseState } from '../../shared/audit/caseState';
import type { CaseStatus } from '../../shared/cases/enums';
import { handOverEvent, transition } from '../../shared/cases/stateMachine';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Database, Executor } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { casesRepo } from '../db/repositories/cases.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { CaseRow } from '../db/tables/cases.table';
import type { CaseChange } from '../events/changeBus';
import { serveGoldInstead } from './qaGoldServing';
import { actingUserId, type ServiceContext } from './serviceContext';

/** How long a claimed case stays the reviewer's without the case page renewing it. */
export const LEASE_MS = 15 * 60_000;
/** A skipped case is not offered to the same reviewer again for this long. */
export const SKIP_MS = 60 * 60_000;

const leaseEnd = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();

/** The case the caller is on when they ask for the next one, and whether they keep it meanwhile. */
export interface MovingOn {
  caseId: number;
  /** "Keep and go next": hold on to it (within the queue's hold limit) instead of giving it back. */
  keep: boolean;
}

/**
 * `queue.next`: hands the caller the most urgent claimable case of their queues, under a
 * lease. Race-free: on SQLite transactions run one at a time on the single connection; on
 * PostgreSQL the candidate row is locked FOR UPDATE SKIP LOCKED, and the version check
 * below would refuse a second claim even if a lock were ever bypassed.
 *
 * Moving on `from` an undecided case gives it back to its queue first (so "next" never leaves
 * cases piling up on one person), unless the caller keeps it. Nobody holds more of a queue's
 * cases than its hold limit: full queues are passed over, and when only they have work the
 * claim is refused (and the case moved on from stays as it was).
 */
export async function claimNext(
  ctx: ServiceContext,
  input: { queue?: string; from?: MovingOn },
): Promise<{ caseId: number } | null> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const changes = await ctx.db.transaction().execute(async (trx) => {
    const done: CaseChange[] = [];
    const left = input.from ? await moveOn(ctx, trx, userId, input.from, now) : null;
    if (left) done.push(left);
    const except = input.from?.caseId;
    // At the queue's gold rate, a gold case's training copy instead (qaGoldServing.ts).
    const gold = await serveGoldInstead(ctx, trx, {
      userId,
      queue: input.queue,
      except,
      now,
      leaseUntil: leaseEnd(now),
    });
    if (gold) return [...done, gold];
    const { candidate, memberOf } = await mostUrgentCandidate(trx, userId, input.queue, at, except);
    if (!candidate) {
      await explainNothingClaimable(trx, userId, input.queue, at, except, memberOf);
      return done;
    }
    const status = transition(candidate.status, 'claim');
    const claimed = await casesRepo.updateAtVersion(trx, candidate.id, candidate.version, {
      status,
      assignee_id: userId,
      lease_until: leaseEnd(now),
      updated_at: at,
    });
    if (!claimed) return done;
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'case.claimed',
        target: { type: 'case', id: candidate.id },
        data: { previousAssignee: candidate.assignee_id, leaseUntil: leaseEnd(now), ...caseState(status, userId) },
      },
      now,
    );
    done.push(change(candidate.id, 'claimed', status, userId, candidate.version + 1, now));
    return done;
  });
  if (changes.length) ctx.bus.publish(changes);
  const claimed = changes.find((c) => c.action === 'claimed');
  return claimed ? { caseId: claimed.caseId } : null;
}

/**
 * Leaves the case the caller was on: an undecided case they claimed goes back to its queue,
 * audited as a release; kept, its lease starts again. Anything else (decided meanwhile, not
 * theirs, assigned to them by a lead, who meant them to keep it) is left alone.
 */
async function moveOn(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  userId: number,
  from: MovingOn,
  now: Date,
): Promise<CaseChange | null> {
  const c = await casesRepo.find(trx, from.caseId);
  if (c?.status !== 'assigned' || c.assignee_id !== userId || c.lease_until === null) return null;
  if (from.keep) {
    // Like a renewal, no version bump: the lease only moves.
    await trx
      .updateTable('cases')
      .set({ lease_until: leaseEnd(now) })
      .where('id', '=', c.id)
      .execute();
    return null;
  }
  const status = await handBack(trx, c, now);
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'case.released',
      target: { type: 'case', id: c.id },
      data: { reason: null, movedOn: true, ...caseState(status, null) },
    },
    now,
  );
  return change(c.id, 'released', status, null, c.version + 1, now);
}

/**
 * Nothing was claimable: says why when it is not simply an empty queue. Not a member of the
 * queue asked for; or work is waiting only in queues where the caller is at the hold limit.
 */
async function explainNothingClaimable(
  trx: Executor,
  userId: number,
  queue: string | undefined,
  now: string,
  except: number | undefined,
  memberOf: string[] | undefined,
): Promise<void> {
  if (queue && !(memberOf ?? (await queuesRepo.queueIdsOfUser(trx, userId))).includes(queue)) {
    throw new DeskError('FORBIDDEN', 'not_queue_member', `you are not a member of queue ${queue}`, {
      field: 'queue',
    });
  }
  const waiting = await casesRepo.claimCandidateOfMember(trx, { userId, queue, now, except, ignoreHoldLimit: true });
  if (!waiting) return;
  const full = await trx
    .selectFrom('cases')
    .innerJoin('queues', 'queues.id', 'cases.queue')
    .select(['queues.id', 'queues.hold_limit'])
    .where('cases.id', '=', waiting.id)
    .executeTakeFirstOrThrow();
  // On PostgreSQL a case another claimer has locked is skipped, not waited for: work may be
  // waiting only because someone else is taking it, with the caller well below the limit.
  const hold = (await queuesRepo.holdsOfMember(trx, userId, now)).find((q) => q.queueId === full.id);
  if (!hold || hold.held < hold.holdLimit) return;
  throw new DeskError(
    'CONFLICT',
    'hold_limit_reached',
    `you hold ${full.hold_limit} cases of queue ${full.id}, its limit: decide or release one first`,
    { queue: full.id, limit: full.hold_limit },
  );
}

/**
 * The most urgent claimable case of the caller's queues (or of `queue`, if they belong to it),
 * and the caller's queues when they were read on the way (so they are not read twice).
 * PostgreSQL locks it, one queue with room at a time, skipping rows other claimers hold; SQLite
 * has no row locks to take and is asked in one statement (see `claimCandidateOfMember`).
 */
async function mostUrgentCandidate(
  trx: Executor,
  userId: number,
  queue: string | undefined,
  now: string,
  except: number | undefined,
): Promise<{ candidate: ClaimCandidate | undefined; memberOf?: string[] }> {
  if (!isPostgres(trx))
    return { candidate: await casesRepo.claimCandidateOfMember(trx, { userId, queue, now, except }) };
  const holds = await queuesRepo.holdsOfMember(trx, userId, now);
  let best: ClaimCandidate | undefined;
  for (const q of holds) {
    if ((queue && q.queueId !== queue) || q.held >= q.holdLimit) continue;
    for (const lapsedLeases of [false, true]) {
      const found = await casesRepo.lockClaimCandidate(trx, { queue: q.queueId, userId, now, lapsedLeases, except });
      if (found && (!best || found.rank > best.rank || (found.rank === best.rank && found.id > best.id))) best = found;
    }
  }
  return { candidate: best, memberOf: holds.map((q) => q.queueId) };
}

type ClaimCandidate = NonNullable<Awaited<ReturnType<typeof casesRepo.lockClaimCandidate>>>;

/** Keeps the caller's lease alive while the case page is open. */
export async function renewLease(ctx: ServiceContext, input: { caseId: number }): Promise<{ leaseUntil: string }> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    if (c.status !== 'assigned' || c.assignee_id !== userId) {
      throw new DeskError('CONFLICT', 'not_your_case', `case ${input.caseId} is not assigned to you`);
    }
    // Renewal only moves the lease: no version bump, so a reviewer's open decision form stays valid.
    await trx
      .updateTable('cases')
      .set({ lease_until: leaseEnd(now) })
      .where('id', '=', c.id)
      .execute();
    return { leaseUntil: leaseEnd(now) };
  });
}

/** Gives a case back to its queue; with `skip`, it is not offered to the caller again for an hour. */
export async function releaseCase(
  ctx: ServiceContext,
  input: { caseId: number; reason: string; skip?: boolean },
): Promise<{ status: CaseStatus }> {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    if (c.assignee_id !== userId)
      throw new DeskError('CONFLICT', 'not_your_case', `case ${input.caseId} is not assigned to you`);
    const status = await handBack(trx, c, now);
    if (input.skip) {
      const until = new Date(now.getTime() + SKIP_MS).toISOString();
      await trx
        .insertInto('case_skips')
        .values({ case_id: c.id, user_id: userId, reason: input.reason, until })
        .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ reason: input.reason, until }))
        .execute();
    }
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: input.skip ? 'case.skipped' : 'case.released',
        target: { type: 'case', id: c.id },
        data: { reason: input.reason, ...caseState(status, null) },
      },
      now,
    );
    return change(c.id, input.skip ? 'skipped' : 'released', status, null, c.version + 1, now);
  });
  ctx.bus.publish(result);
  return { status: result.status as CaseStatus };
}

/** A lead assigns a case to a named reviewer, or takes it from one reviewer to give to another. */
export async function assignCase(ctx: ServiceContext, input: { caseId: number; userId: number; reason?: string }) {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const c = await casesRepo.find(trx, input.caseId);
    if (!c) throw notFound('case', input.caseId);
    const assignee = await usersRepo.findById(trx, input.userId);
    if (!assignee || assignee.disabled_at)
      throw new DeskError('BAD_REQUEST', 'invalid_assignee', `user ${input.userId} cannot take cases`, {
        field: 'userId',
      });
    const event = handOverEvent(c.status);
    const status = transition(c.status, event);
    await mustUpdate(
      casesRepo.updateAtVersion(trx, c.id, c.version, {
        status,
        assignee_id: assignee.id,
        // Assigned by a lead: the reviewer holds it until done, no lease to run out.
        lease_until: null,
        updated_at: now.toISOString(),
      }),
      c.id,
    );
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: event === 'reassign' ? 'case.reassigned' : 'case.assigned',
        target: { type: 'case', id: c.id },
        data: { from: c.assignee_id, to: assignee.id, reason: input.reason ?? null, ...caseState(status, assignee.id) },
      },
      now,
    );
    return change(c.id, event === 'reassign' ? 'reassigned' : 'assigned', status, assignee.id, c.version + 1, now);
  });
  ctx.bus.publish(result);
  return { status: result.status as CaseStatus };
}

/** Returns every case whose lease ran out to its queue (run periodically by the server). */
export async function expireLeases(ctx: ServiceContext, batchSize = 200): Promise<number> {
  const now = ctx.clock.now();
  const changes = await ctx.db.transaction().execute(async (trx) => {
    const expired = await casesRepo.expiredLeases(trx, now.toISOString(), batchSize);
    const done: CaseChange[] = [];
    for (const c of expired) {
      const status = transition('assigned', 'lease_expired');
      const ok = await casesRepo.updateAtVersion(trx, c.id, c.version, {
        status,
        assignee_id: null,
        lease_until: null,
        updated_at: now.toISOString(),
      });
      if (!ok) continue;
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'case.lease_expired',
          target: { type: 'case', id: c.id },
          data: { assignee: c.assignee_id, leaseUntil: c.lease_until, ...caseState(status, null) },
        },
        now,
      );
      done.push(change(c.id, 'lease_expired', status, null, c.version + 1, now));
    }
    return done;
  });
  ctx.bus.publish(changes);
  return changes.length;
}

/** Hands the case back to its queue: nobody holds it, and its lease ends. */
async function handBack(trx: Executor, c: CaseRow, now: Date): Promise<CaseStatus> {
  const status = transition(c.status, 'release');
  await mustUpdate(
    casesRepo.updateAtVersion(trx, c.id, c.version, {
      status,
      assignee_id: null,
      lease_until: null,
      updated_at: now.toISOString(),
    }),
    c.id,
  );
  return status;
}

async function mustUpdate(updated: Promise<boolean>, caseId: number) {
  if (!(await updated))
    throw new DeskError('CONFLICT', 'stale_version', `case ${caseId} was changed by someone else; reload it`);
}

function change(
  caseId: number,
  action: string,
  status: CaseStatus,
  assigneeId: number | null,
  version: number,
  now: Date,
): CaseChange {
  return { caseId, action, status, assigneeId, version, at: now.toISOString() };
}
