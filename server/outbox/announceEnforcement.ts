import type { Transaction } from 'kysely';
import type { OutboxEventType } from '../../shared/api/outbox';
import { type Rulebook, standing } from '../../shared/rulebook';
import type { Database } from '../db/database';
import { enforcementStateRepo } from '../db/repositories/enforcementState.repo';
import { historyOf, violationsRepo } from '../db/repositories/violations.repo';
import type { EnforcementStateRow } from '../db/tables/outbox.table';
import { lockOutboxAppends } from './appendLock';
import { idempotencyKey } from './idempotencyKey';
import { type MeasureInForce, measuresInForce } from './measuresInForce';
import { recordOutbox } from './recordOutbox';

/** What changed the subject's standing; part of every message and of its idempotency key. */
export type EnforcementCause =
  | { kind: 'decision'; decisionId: number; caseId: number }
  | { kind: 'appeal'; appealId: number; caseId: number; approved: boolean }
  /** A lead corrected or reversed a decision after QA: like an upheld appeal, what it removes is lifted. */
  | { kind: 'qa'; taskId: number; decisionId: number; caseId: number }
  | { kind: 'expiry' };

export interface EnforcementChanges {
  started: number;
  ended: number;
  lifted: number;
}

const causeTag = (cause: EnforcementCause) =>
  cause.kind === 'decision'
    ? `decision:${cause.decisionId}`
    : cause.kind === 'appeal'
      ? `appeal:${cause.appealId}`
      : cause.kind === 'qa'
        ? `qa:${cause.taskId}`
        : 'expiry';
const causeBody = (cause: EnforcementCause) => (cause.kind === 'expiry' ? { kind: 'expiry' } : cause);
const identity = (m: { scope_key: string; measure: string } | { scopeKey: string; measure: string }) =>
  'scopeKey' in m ? `${m.scopeKey}|${m.measure}` : `${m.scope_key}|${m.measure}`;

/**
 * Tells the marketplace what changed for a subject: the measures the engine says are in force
 * now, diffed against the measures the outbox announced before (enforcement_state), one message
 * per measure and scope, in the caller's transaction:
 * - announced, no longer in force: `measure.ended` when its end came (reason `expired`),
 *   `measure.lifted` when an upheld appeal removed it (`reversed`), otherwise `measure.ended`
 *   (`superseded`: e.g. a heavier node punishment replaced it);
 * - in force with a different span (a rolling demotion grew or shrank) or resting on another
 *   finding: `measure.started` again, with `previous` — for the same scope it replaces the earlier;
 * - newly in force: `measure.started`.
 * Ends and lifts come before starts, so a receiver applying them in order never drops a measure
 * that a new scope carries on. Subjects are diffed under the outbox lock (PostgreSQL) or the single
 * writer (SQLite), so two instances never announce the same change twice; and if they did, the
 * idempotency key would make the second write a no-op.
 */
export async function announceEnforcement(
  trx: Transaction<Database>,
  args: { subjectId: string; rulebook: Rulebook; now: Date; cause: EnforcementCause },
): Promise<EnforcementChanges> {
  const { subjectId, rulebook, now, cause } = args;
  await lockOutboxAppends(trx);
  const at = now.toISOString();
  const violations = await violationsRepo.forSubject(trx, subjectId);
  const caseOf = new Map(violations.map((v) => [v.id, v.case_id]));
  const current = standing(historyOf(violations), now, rulebook);
  const desired = new Map(measuresInForce(current, rulebook).map((m) => [identity(m), m]));
  const announced = new Map((await enforcementStateRepo.forSubject(trx, subjectId)).map((r) => [identity(r), r]));
  const changes: EnforcementChanges = { started: 0, ended: 0, lifted: 0 };

  const send = (
    type: OutboxEventType,
    keyParts: (string | null)[],
    caseId: number | null,
    body: Record<string, unknown>,
  ) => recordOutbox(trx, { type, key: idempotencyKey(type, [subjectId, ...keyParts]), subjectId, caseId, body }, now);

  for (const [id, row] of sorted(announced)) {
    if (desired.has(id)) continue;
    const expired = row.ends_at !== null && row.ends_at <= at;
    const lifted = !expired && ((cause.kind === 'appeal' && cause.approved) || cause.kind === 'qa');
    const type = lifted ? 'measure.lifted' : 'measure.ended';
    const tag = expired ? 'expiry' : causeTag(cause);
    await send(type, [row.scope_key, row.measure, row.from_value, row.until_value, tag], row.case_id, {
      ...describeRow(row),
      reason: expired ? 'expired' : lifted ? 'reversed' : 'superseded',
      cause: expired ? { kind: 'expiry' } : causeBody(cause),
    });
    await enforcementStateRepo.remove(trx, row);
    changes[lifted ? 'lifted' : 'ended'] += 1;
  }

  for (const [id, m] of sorted(desired)) {
    const before = announced.get(id);
    // Unchanged span and basis: nothing to say. (A lighter finding on appeal can carry on a
    // demotion with the same span: announced again, so its case and rule are the ones on record.)
    if (before && before.from_value === m.from && before.until_value === m.until && before.finding_id === m.findingId)
      continue;
    const caseId = caseOf.get(m.findingId) ?? null;
    await send('measure.started', [m.scopeKey, m.measure, m.from, m.until, causeTag(cause)], caseId, {
      ...describe(m),
      previous: before ? { from: before.from_value, until: before.until_value } : null,
      cause: causeBody(cause),
    });
    await enforcementStateRepo.upsert(trx, toRow(subjectId, m, caseId, at));
    changes.started += 1;
  }
  return changes;
}

function sorted<T>(map: Map<string, T>): [string, T][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function describe(m: MeasureInForce) {
  return {
    measure: m.measure,
    scope: { type: m.scopeType, id: m.scopeId },
    from: m.from,
    until: m.until,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    rule: m.rule,
    ruleVersion: m.ruleVersion,
    finding: m.findingId,
  };
}

function describeRow(row: EnforcementStateRow) {
  return {
    measure: row.measure,
    scope: { type: row.scope_type, id: row.scope_id },
    from: row.from_value,
    until: row.until_value,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    rule: row.rule,
    ruleVersion: row.rule_version,
    finding: row.finding_id,
  };
}

function toRow(subjectId: string, m: MeasureInForce, caseId: number | null, at: string) {
  return {
    subject_id: subjectId,
    scope_key: m.scopeKey,
    measure: m.measure,
    scope_type: m.scopeType,
    scope_id: m.scopeId,
    from_value: m.from,
    until_value: m.until,
    starts_at: m.startsAt,
    ends_at: m.endsAt,
    finding_id: m.findingId,
    rule: m.rule,
    rule_version: m.ruleVersion,
    case_id: caseId,
    updated_at: at,
  };
}
