import type { Logger } from 'pino';
import { DSA_BATCH_LIMIT, type DsaAnswer, readDsaAnswer, submissionBody } from '../../shared/dsa/submission';
import { recordEvent, SYSTEM_ACTOR } from '../audit/recordEvent';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { isPostgres } from '../db/migrations/helpers';
import { type DsaSubmissionRow, dsaSubmissionsRepo } from '../db/repositories/dsaSubmissions.repo';
import type { DsaSubmissionUpdate } from '../db/tables/dsaSubmissions.table';
import { type BackoffPolicy, retryDelayMs } from '../outbox/backoff';
import type { DsaConfig } from '../outbox/dsaConfig';
import { postStatements } from '../outbox/postStatements';

export interface DsaDeliveryDeps {
  db: Db;
  clock: Clock;
  logger?: Logger;
  random?: () => number;
}

/** The outbox's retry settings, reused (docs/OUTBOX.md "Retries"). */
export interface DsaDeliverySettings extends BackoffPolicy {
  maxAttempts: number;
  timeoutMs: number;
  leaseMs: number;
}

/**
 * One round of the DSA submission job: lease up to 100 due statements (the database's limit per
 * call), send them in one call, and settle every row and the call's audit event in one short
 * transaction. Nothing is held open while the database answers. Returns how many were sent.
 *
 * The database refuses a call as a whole, so the rows are settled by what its answer says of
 * each: a puid it already holds was delivered before (`duplicate`); a statement with a field
 * error is `failed` with the message; the others in such a call were not at fault and are due
 * again at once, their attempt given back. No answer, or any other refusal, retries the whole
 * call after the outbox's back-off, until the attempts run out (`failed`).
 */
export async function submitDue(
  deps: DsaDeliveryDeps,
  dsa: DsaConfig,
  settings: DsaDeliverySettings,
  owner: string,
  shutdown: AbortSignal,
): Promise<number> {
  const now = deps.clock.now();
  const claimed = await dsaSubmissionsRepo.claimDue(deps.db, {
    owner,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + settings.leaseMs).toISOString(),
    limit: DSA_BATCH_LIMIT,
    skipLocked: isPostgres(deps.db),
  });
  if (!claimed.length) return 0;
  const rows = await dsaSubmissionsRepo.byIds(
    deps.db,
    claimed.map((c) => c.id),
  );
  const sent = await postStatements({
    endpoint: dsa.endpoint,
    token: dsa.token,
    statements: rows.map((r) => submissionBody(r.statement)),
    timeoutMs: settings.timeoutMs,
    shutdown,
  });
  const finished = deps.clock.now();
  let answer: DsaAnswer =
    sent.kind === 'answered'
      ? readDsaAnswer(sent.status, sent.body, rows.length)
      : { kind: 'failed', error: sent.kind === 'interrupted' ? 'interrupted' : sent.error };
  // A duplicate answer naming none of these puids says nothing about them: retried as a failure,
  // so the call is not resent in a tight loop.
  if (answer.kind === 'duplicates' && !rows.some((r) => (answer as { puids: string[] }).puids.includes(r.puid)))
    answer = {
      kind: 'failed',
      error: `HTTP ${sent.kind === 'answered' ? sent.status : 0}: duplicate puids not in this call`,
    };
  const httpStatus = sent.kind === 'answered' ? sent.status : null;
  await settleCall(deps, settings, owner, {
    rows,
    answer,
    httpStatus,
    interrupted: sent.kind === 'interrupted',
    finished,
    endpoint: dsa.endpoint,
  });
  return rows.length;
}

type Fate = 'submitted' | 'duplicate' | 'failed' | 'again' | 'retry';

async function settleCall(
  deps: DsaDeliveryDeps,
  settings: DsaDeliverySettings,
  owner: string,
  call: {
    rows: DsaSubmissionRow[];
    answer: DsaAnswer;
    httpStatus: number | null;
    interrupted: boolean;
    finished: Date;
    endpoint: string;
  },
) {
  const { rows, answer, httpStatus, finished } = call;
  const at = finished.toISOString();
  const duplicates = new Set(answer.kind === 'duplicates' ? answer.puids : []);
  const audit = {
    submitted: [] as string[],
    duplicates: [] as string[],
    failed: [] as { puid: string; error: string }[],
    retrying: [] as string[],
  };
  await deps.db.transaction().execute(async (trx) => {
    for (const [index, row] of rows.entries()) {
      const fieldError = answer.kind === 'invalid' ? answer.errors.get(index) : undefined;
      const fate: Fate =
        answer.kind === 'created'
          ? 'submitted'
          : answer.kind === 'duplicates'
            ? duplicates.has(row.puid)
              ? 'duplicate'
              : 'again'
            : answer.kind === 'invalid'
              ? fieldError
                ? 'failed'
                : 'again'
              : call.interrupted
                ? 'again'
                : row.attempts >= settings.maxAttempts
                  ? 'failed'
                  : 'retry';
      const error = fieldError ?? (answer.kind === 'failed' ? answer.error : null);
      const changes = changesFor(fate, row, { at, finished, httpStatus, error, settings, random: deps.random });
      if (!(await dsaSubmissionsRepo.settle(trx, row.id, owner, changes))) continue;
      if (fate === 'submitted') audit.submitted.push(row.puid);
      else if (fate === 'duplicate') audit.duplicates.push(row.puid);
      else if (fate === 'failed') audit.failed.push({ puid: row.puid, error: error ?? '' });
      else audit.retrying.push(row.puid);
    }
    await recordEvent(
      trx,
      SYSTEM_ACTOR,
      {
        action: 'dsa.batch_submitted',
        data: {
          endpoint: call.endpoint,
          submissionIds: rows.map((r) => r.id),
          puids: rows.map((r) => r.puid),
          httpStatus,
          outcome: answer.kind,
          ...audit,
          error: answer.kind === 'failed' ? answer.error : null,
        },
      },
      finished,
    );
  });
  if (audit.failed.length)
    deps.logger?.warn({ failed: audit.failed.length, httpStatus }, 'DSA statements refused or out of attempts');
}

function changesFor(
  fate: Fate,
  row: DsaSubmissionRow,
  args: {
    at: string;
    finished: Date;
    httpStatus: number | null;
    error: string | null;
    settings: DsaDeliverySettings;
    random?: () => number;
  },
): DsaSubmissionUpdate {
  const base = { last_status_code: args.httpStatus, updated_at: args.at };
  switch (fate) {
    case 'submitted':
    case 'duplicate':
      return { ...base, status: fate, submitted_at: args.at, last_error: null };
    case 'failed':
      return { ...base, status: 'failed', last_error: args.error };
    case 'again':
      // Not this statement's fault (another in the call was refused, or the desk shut down).
      return { ...base, attempts: row.attempts - 1, next_attempt_at: args.at, last_error: null };
    case 'retry': {
      const delay = retryDelayMs(args.settings, row.attempts, args.random);
      return {
        ...base,
        next_attempt_at: new Date(args.finished.getTime() + delay).toISOString(),
        last_error: args.error,
      };
    }
  }
}
