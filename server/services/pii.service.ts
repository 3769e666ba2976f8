import { DeskError, notFound } from '../../shared/errors/deskError';
import type { PiiField } from '../../shared/pii/mask';
import { recordEvent } from '../audit/recordEvent';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { ServiceContext } from './serviceContext';

/** Shows one personal-data field of a subject; who saw what, and why, goes on the audit trail first. */
export async function revealPii(
  ctx: ServiceContext,
  input: { subjectId: string; field: PiiField; reason: string; caseId?: number },
): Promise<{ value: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const subject = await subjectsRepo.find(trx, input.subjectId);
    if (!subject) throw notFound('subject', input.subjectId);
    const value = subject[input.field];
    if (!value)
      throw new DeskError('NOT_FOUND', 'pii_not_on_file', `no ${input.field} on file for ${input.subjectId}`, {
        field: 'field',
      });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'pii.revealed',
        target: { type: 'subject', id: input.subjectId },
        data: { field: input.field, reason: input.reason, caseId: input.caseId ?? null },
      },
      now,
    );
    return { value };
  });
}
