import {
  DEFAULT_PLATFORM,
  PLATFORM_IDS,
  type PlatformId,
  type Rulebook,
  rulebookOf,
  startOfLocalDate,
} from '../shared/rulebook';
import type { Clock } from './clock';
import type { Executor } from './db/database';
import { rulebookVersionsRepo } from './db/repositories/rulebooks.repo';
import { subjectsRepo } from './db/repositories/subjects.repo';
import type { RulebookVersionRow } from './db/tables/rulebooks.table';

/** A published version of a platform's rulebook, as the server caches it. */
export interface PublishedRulebook {
  platform: PlatformId;
  version: number;
  /** Platform-local date it comes into force. */
  effectiveFrom: string;
  rulebook: Rulebook;
}

/**
 * Where use cases get the rules they judge by (`ServiceContext.rulebooks`); no service imports a
 * rulebook itself. Each subject trades on one platform (`subjects.platform`) and is judged by
 * that platform's rulebook only: a Kuaishou finding never reaches a Taobao node.
 *
 * The rulebooks are versioned data in the database (`rulebook_versions`, docs/RULEBOOK.md,
 * "Authoring and publishing"). The one in force is the highest published version whose
 * effective date has begun on the platform's clock: a version published for a later date waits
 * until then. Inside it, each finding is still judged by the rule version in force when the
 * violation was committed (shared/rulebook/compile.ts), so a new version adds rule versions and
 * leaves older findings judged as before.
 */
export interface Rulebooks {
  /** Taobao's rulebook: dates not tied to one subject (exports, dashboards) and the default rulebook page. */
  readonly default: Rulebook;
  /** The rulebook of one platform in force now (the rulebook page of that platform). */
  ofPlatform(platform: PlatformId): Rulebook;
  /** The rulebook that judges `subjectId`, read in the caller's transaction. */
  forSubject(db: Executor, subjectId: string): Promise<Rulebook>;
  /** The published version of `platform` in force now, with its number and date. */
  inForce(platform: PlatformId): PublishedRulebook;
  /**
   * Learns of versions published since the last look, by this instance or another. Cheap: one
   * `max(id)` at most every few seconds unless `force` (this instance just published one).
   */
  refresh(db: Executor, options?: { force?: boolean }): Promise<void>;
}

/** The built-in rulebooks as version 1 from the beginning of records (what the migration imports). */
const builtIn = (platform: PlatformId): PublishedRulebook => ({
  platform,
  version: 1,
  effectiveFrom: '1970-01-01',
  rulebook: rulebookOf(platform),
});

/** The rulebooks built into this release: the CLI's offline commands and tests without a server. */
export const builtInRulebooks: Rulebooks = {
  default: rulebookOf(DEFAULT_PLATFORM),
  ofPlatform: rulebookOf,
  // A subject not (yet) stored has no findings to judge; Taobao's rulebook answers for it, as it
  // did for every subject before platforms.
  forSubject: async (db, subjectId) => rulebookOf((await subjectsRepo.platformOf(db, subjectId)) ?? DEFAULT_PLATFORM),
  inForce: builtIn,
  refresh: async () => {},
};

/** How often an instance asks whether another one published a version (DESK_RULEBOOK_POLL_MS). */
export const DEFAULT_RULEBOOK_POLL_MS = 3000;

interface CachedVersion extends PublishedRulebook {
  /** The instant the version comes into force (start of its date, platform time). */
  startsAt: number;
}

/**
 * The rulebooks as the database holds them: every published version is read once and kept
 * (a version is immutable), and which one is in force is decided on each call from the clock.
 */
export async function loadRulebooks(db: Executor, clock: Clock, options: { pollMs?: number } = {}): Promise<Rulebooks> {
  const pollMs = options.pollMs ?? DEFAULT_RULEBOOK_POLL_MS;
  const versions = new Map<PlatformId, CachedVersion[]>(PLATFORM_IDS.map((p) => [p, []]));
  let lastId = 0;
  let lastPoll = 0;

  const add = (rows: RulebookVersionRow[]) => {
    for (const row of rows) {
      const list = versions.get(row.platform);
      if (!list || list.some((v) => v.version === row.version)) continue;
      list.push({
        platform: row.platform,
        version: row.version,
        effectiveFrom: row.effective_from,
        rulebook: row.rulebook,
        startsAt: startOfLocalDate(row.effective_from, row.rulebook.utcOffsetMinutes),
      });
      list.sort((a, b) => a.version - b.version);
      lastId = Math.max(lastId, row.id);
    }
  };
  add(await rulebookVersionsRepo.all(db));

  const inForce = (platform: PlatformId): PublishedRulebook => {
    const now = clock.now().getTime();
    const list = versions.get(platform) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const v = list[i] as CachedVersion;
      if (v.startsAt <= now) return v;
    }
    // A database without the imported versions (never migrated past 0033) judges as the release does.
    return builtIn(platform);
  };

  const refresh = async (executor: Executor, opts: { force?: boolean } = {}) => {
    const now = Date.now();
    if (!opts.force && now - lastPoll < pollMs) return;
    lastPoll = now;
    if ((await rulebookVersionsRepo.latestId(executor)) <= lastId) return;
    add(await rulebookVersionsRepo.after(executor, lastId));
  };

  return {
    get default() {
      return inForce(DEFAULT_PLATFORM).rulebook;
    },
    ofPlatform: (platform) => inForce(platform).rulebook,
    forSubject: async (executor, subjectId) => {
      await refresh(executor);
      return inForce((await subjectsRepo.platformOf(executor, subjectId)) ?? DEFAULT_PLATFORM).rulebook;
    },
    inForce,
    refresh,
  };
}
