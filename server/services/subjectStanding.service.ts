import { DEFAULT_PLATFORM, type PlatformId, type Standing, standing } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { subjectsRepo } from '../db/repositories/subjects.repo';
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

/**
 * The standing as `accounts.standing` answers it: judged by the subject's platform's rulebook,
 * and naming that platform (a subject the desk has never seen is Taobao's, with no findings).
 */
export async function subjectStandingOnPlatform(
  db: Executor,
  rulebooks: Rulebooks,
  subjectId: string,
  asOf: Date,
): Promise<Standing & { platform: PlatformId }> {
  const platform = (await subjectsRepo.platformOf(db, subjectId)) ?? DEFAULT_PLATFORM;
  return { ...(await subjectStanding(db, rulebooks, subjectId, asOf)), platform };
}
