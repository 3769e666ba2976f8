import type { z } from 'zod';
import type { DsaSubmissionView, dsaSubmissionListInput } from '../../shared/api/dsa';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { type DsaSubmissionRow, dsaSubmissionsRepo } from '../db/repositories/dsaSubmissions.repo';
import type { ServiceContext } from './serviceContext';

type ListInput = z.output<typeof dsaSubmissionListInput>;

function decodeCursor(cursor: string): number {
  if (/^\d{1,15}$/.test(cursor)) return Number(cursor);
  throw new DeskError('BAD_REQUEST', 'invalid_cursor', 'cursor is not one this server issued', { field: 'cursor' });
}

function view(r: DsaSubmissionRow): DsaSubmissionView {
  return {
    id: r.id,
    decisionId: r.decision_id,
    caseId: r.case_id,
    subjectId: r.subject_id,
    puid: r.puid,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastAttemptAt: r.last_attempt_at,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    submittedAt: r.submitted_at,
    overturnedAt: r.overturned ? r.overturned_at : null,
    createdAt: r.created_at,
    category: r.statement.category,
  };
}

/** `dsa.submissions`: statements of reasons, newest first, optionally by status, with the counts. */
export async function listDsaSubmissions(ctx: ServiceContext & { dsaEnabled: boolean }, input: ListInput) {
  const rows = await dsaSubmissionsRepo.list(ctx.db, {
    status: input.status,
    beforeId: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    enabled: ctx.dsaEnabled,
    counts: await dsaSubmissionsRepo.countsByStatus(ctx.db),
    items: page.map(view),
    nextCursor: rows.length > input.limit ? String(page.at(-1)?.id) : null,
  };
}

/**
 * `dsa.retry`: a failed statement is queued again with a fresh budget of attempts (after the
 * cause, e.g. a rejected token, was fixed); a pending one waiting out its back-off is made due
 * now. One the database holds already is refused: there is nothing to resend.
 */
export async function retryDsaSubmission(ctx: ServiceContext, input: { id: number }): Promise<{ status: 'pending' }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await dsaSubmissionsRepo.find(trx, input.id);
    if (!row) throw notFound('dsa_submission', input.id);
    if (row.status === 'submitted' || row.status === 'duplicate') {
      throw new DeskError('CONFLICT', 'dsa_already_submitted', `statement ${row.puid} was submitted already`);
    }
    await dsaSubmissionsRepo.update(trx, row.id, {
      status: 'pending',
      next_attempt_at: at,
      updated_at: at,
      ...(row.status === 'failed' && { attempts: 0 }),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'dsa.submission_retried',
        target: { type: 'dsa_submission', id: row.id },
        data: { puid: row.puid, previousStatus: row.status, attempts: row.attempts },
      },
      now,
    );
    return { status: 'pending' as const };
  });
}
