import { DEFAULT_PLATFORM, type PlatformId, type Rulebook, rulebookOf } from '../shared/rulebook';
import type { Executor } from './db/database';
import { subjectsRepo } from './db/repositories/subjects.repo';

/**
 * Where use cases get the rules they judge by (`ServiceContext.rulebooks`); no service imports a
 * rulebook itself. Each subject trades on one platform (`subjects.platform`) and is judged by
 * that platform's rulebook only (`rulebookOf` in shared/rulebook/platforms.ts): a Kuaishou
 * finding never reaches a Taobao node. A later release may load rulebooks from the database
 * here; the call sites, which ask per subject, stay as they are.
 */
export interface Rulebooks {
  /** Taobao's rulebook: dates not tied to one subject (exports, dashboards) and the default rulebook page. */
  readonly default: Rulebook;
  /** The rulebook of one platform (the rulebook page of that platform). */
  ofPlatform(platform: PlatformId): Rulebook;
  /** The rulebook that judges `subjectId`, read in the caller's transaction. */
  forSubject(db: Executor, subjectId: string): Promise<Rulebook>;
}

/** The rulebooks built into this release. */
export const builtInRulebooks: Rulebooks = {
  default: rulebookOf(DEFAULT_PLATFORM),
  ofPlatform: rulebookOf,
  // A subject not (yet) stored has no findings to judge; Taobao's rulebook answers for it, as it
  // did for every subject before platforms.
  forSubject: async (db, subjectId) => rulebookOf((await subjectsRepo.platformOf(db, subjectId)) ?? DEFAULT_PLATFORM),
};
