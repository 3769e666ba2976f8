import { DEFAULT_PLATFORM, defaultRulebook, platformOfRule, type Rulebook, rulebookOf } from '../shared/rulebook';
import type { Executor } from './db/database';

/**
 * Where use cases get the rules they judge by (`ServiceContext.rulebooks`); no service imports a
 * rulebook itself. Each platform has its own rulebook (shared/rulebook/platforms.ts); `forSubject`
 * returns the one of the platform the subject trades on. The call sites already ask per subject.
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
  // Until subjects record their platform, the rule of a subject's first case says where it trades
  // (the same rule the subject-platform backfill uses); Taobao when it has none.
  forSubject: async (db, subjectId) => {
    const first = await db
      .selectFrom('cases')
      .select('rule')
      .where('subject_id', '=', subjectId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return rulebookOf((first && platformOfRule(first.rule)) ?? DEFAULT_PLATFORM);
  },
};
