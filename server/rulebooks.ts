import { defaultRulebook, type Rulebook } from '../shared/rulebook';
import type { Executor } from './db/database';

/**
 * Where use cases get the rules they judge by (`ServiceContext.rulebooks`); no service imports a
 * rulebook itself. Today the desk serves one platform, so every subject is judged by the default
 * rulebook. One rulebook per platform (issue 18) plugs in here: `forSubject` reads the subject's
 * platform and returns that platform's rulebook, and may load rulebooks from the database; the
 * call sites, which already ask per subject, stay as they are.
 */
export interface Rulebooks {
  /** The desk's own rulebook: the rulebook page, and dates not tied to one subject (exports, dashboards). */
  readonly default: Rulebook;
  /** The rulebook that judges `subjectId`, read in the caller's transaction. */
  forSubject(db: Executor, subjectId: string): Promise<Rulebook>;
}

/** The rulebooks built into this release. */
export const builtInRulebooks: Rulebooks = {
  default: defaultRulebook,
  forSubject: async () => defaultRulebook,
};
