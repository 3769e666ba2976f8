import { type Standing, standing } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { violationsRepo } from '../db/repositories/violations.repo';
import type { Rulebooks } from '../rulebooks';

/** `accounts.standing`: the rulebook engine's verdict on a subject's history at `asOf`. */
export async function subjectStanding(
  db: Executor,
  rulebooks: Rulebooks,
  subjectId: string,
  asOf: Date,
): Promise<Standing> {
  return standing(await violationsRepo.historyOf(db, subjectId), asOf, await rulebooks.forSubject(db, subjectId));
}
