import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { subjectsRepo } from '../db/repositories/subjects.repo';
import type { ServiceContext } from './serviceContext';

/**
 * `subjects.rename`: staff correct a subject's name, with a reason, audited. Intake never
 * renames a subject (the name each report gave stays on the report), so this is the only way
 * a name changes.
 */
export async function renameSubject(
  ctx: ServiceContext,
  input: { id: string; name: string; reason: string },
): Promise<{ id: string; name: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const subject = await subjectsRepo.find(trx, input.id);
    if (!subject) throw notFound('subject', input.id);
    if (subject.name === input.name)
      throw new DeskError('BAD_REQUEST', 'same_name', `subject ${input.id} is already called that`, { field: 'name' });
    await subjectsRepo.rename(trx, subject.id, input.name);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'subject.renamed',
        target: { type: 'subject', id: subject.id },
        data: { from: subject.name, to: input.name, reason: input.reason },
      },
      now,
    );
    return { id: subject.id, name: input.name };
  });
}
