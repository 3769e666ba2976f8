import type { RulebookDraftStatus } from '../../../shared/api/rulebookDrafts';
import type { PlatformId, Rulebook } from '../../../shared/rulebook';
import type { Executor } from '../database';
import { fromJson, toJson } from '../jsonColumns';
import { isPostgres } from '../migrations/helpers';
import type { RulebookDraftRow, RulebookVersionRow } from '../tables/rulebooks.table';

type RawVersion = Omit<RulebookVersionRow, 'rulebook'> & { rulebook: string };
type RawDraft = Omit<RulebookDraftRow, 'rulebook'> & { rulebook: string };

const version = (row: RawVersion): RulebookVersionRow => ({ ...row, rulebook: fromJson<Rulebook>(row.rulebook) });
const draft = (row: RawDraft): RulebookDraftRow => ({ ...row, rulebook: fromJson<Rulebook>(row.rulebook) });

/** Published rulebook versions: inserted once, never updated (a change is a new version). */
export const rulebookVersionsRepo = {
  /** Every published version, oldest first per platform: what the server caches at start. */
  async all(db: Executor): Promise<RulebookVersionRow[]> {
    const rows = await db.selectFrom('rulebook_versions').selectAll().orderBy('platform').orderBy('version').execute();
    return rows.map(version);
  },

  /** Versions published after row `afterId`: what a refresh reads (only what is new). */
  async after(db: Executor, afterId: number): Promise<RulebookVersionRow[]> {
    const rows = await db
      .selectFrom('rulebook_versions')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('platform')
      .orderBy('version')
      .execute();
    return rows.map(version);
  },

  /** The newest row id, one index lookup: another instance polls it to learn of a new version. */
  async latestId(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('rulebook_versions')
      .select((eb) => eb.fn.max<number>('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  },

  async find(db: Executor, platform: PlatformId, number: number): Promise<RulebookVersionRow | undefined> {
    const row = await db
      .selectFrom('rulebook_versions')
      .selectAll()
      .where('platform', '=', platform)
      .where('version', '=', number)
      .executeTakeFirst();
    return row && version(row);
  },

  /** The highest version number of a platform (0 when none). */
  async latestNumber(db: Executor, platform: PlatformId): Promise<number> {
    const row = await db
      .selectFrom('rulebook_versions')
      .select((eb) => eb.fn.max<number>('version').as('version'))
      .where('platform', '=', platform)
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  },

  /** Newest first, without the rulebook itself (the versions list). */
  listOf(db: Executor, platform: PlatformId) {
    return db
      .selectFrom('rulebook_versions')
      .select(['platform', 'version', 'effective_from', 'published_by', 'approved_by', 'created_at'])
      .where('platform', '=', platform)
      .orderBy('version', 'desc')
      .execute();
  },

  /** A new version; the unique (platform, version) key refuses a second writer of the same number. */
  async insert(
    db: Executor,
    row: {
      platform: PlatformId;
      version: number;
      rulebook: Rulebook;
      effectiveFrom: string;
      publishedBy: number;
      approvedBy: number;
      at: string;
    },
  ): Promise<RulebookVersionRow> {
    const inserted = await db
      .insertInto('rulebook_versions')
      .values({
        platform: row.platform,
        version: row.version,
        rulebook: toJson(row.rulebook),
        effective_from: row.effectiveFrom,
        published_by: row.publishedBy,
        approved_by: row.approvedBy,
        created_at: row.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return version(inserted);
  },
};

export interface DraftFilter {
  platform?: PlatformId;
  status?: RulebookDraftStatus;
}

/** Drafts of new versions. Every change is a compare-and-set: on the edit version, or on the status it leaves. */
export const rulebookDraftsRepo = {
  async insert(
    db: Executor,
    row: { platform: PlatformId; basedOnVersion: number; rulebook: Rulebook; createdBy: number; at: string },
  ): Promise<RulebookDraftRow> {
    const inserted = await db
      .insertInto('rulebook_drafts')
      .values({
        platform: row.platform,
        based_on_version: row.basedOnVersion,
        rulebook: toJson(row.rulebook),
        status: 'draft',
        created_by: row.createdBy,
        publish_requested_by: null,
        approved_by: null,
        effective_from: null,
        published_version: null,
        version: 1,
        created_at: row.at,
        updated_at: row.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return draft(inserted);
  },

  async find(db: Executor, id: number): Promise<RulebookDraftRow | undefined> {
    const row = await db.selectFrom('rulebook_drafts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && draft(row);
  },

  /** The draft, locked on PostgreSQL until the transaction ends (SQLite writers take turns anyway). */
  async lock(db: Executor, id: number): Promise<RulebookDraftRow | undefined> {
    const row = await db
      .selectFrom('rulebook_drafts')
      .selectAll()
      .where('id', '=', id)
      .$if(isPostgres(db), (q) => q.forUpdate())
      .executeTakeFirst();
    return row && draft(row);
  },

  /** Newest first; without a status, the open ones (draft and pending approval). */
  async list(db: Executor, filter: DraftFilter = {}): Promise<RulebookDraftRow[]> {
    const rows = await db
      .selectFrom('rulebook_drafts')
      .selectAll()
      .$if(filter.platform !== undefined, (q) => q.where('platform', '=', filter.platform as PlatformId))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as RulebookDraftStatus))
      .$if(filter.status === undefined, (q) => q.where('status', 'in', ['draft', 'pending_approval']))
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map(draft);
  },

  /** New content at the version the writer read: null when another edit got there first or it left `draft`. */
  async saveRulebook(
    db: Executor,
    id: number,
    expectedVersion: number,
    rulebook: Rulebook,
    at: string,
  ): Promise<RulebookDraftRow | null> {
    const row = await db
      .updateTable('rulebook_drafts')
      .set({ rulebook: toJson(rulebook), version: expectedVersion + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    return row ? draft(row) : null;
  },

  /** Moves the draft out of `from` (compare-and-set): null when it was no longer there. */
  async transition(
    db: Executor,
    id: number,
    from: readonly RulebookDraftStatus[],
    change: {
      status: RulebookDraftStatus;
      publishRequestedBy?: number | null;
      approvedBy?: number | null;
      effectiveFrom?: string | null;
      publishedVersion?: number | null;
      at: string;
    },
  ): Promise<RulebookDraftRow | null> {
    const row = await db
      .updateTable('rulebook_drafts')
      .set({
        status: change.status,
        updated_at: change.at,
        ...(change.publishRequestedBy !== undefined && { publish_requested_by: change.publishRequestedBy }),
        ...(change.approvedBy !== undefined && { approved_by: change.approvedBy }),
        ...(change.effectiveFrom !== undefined && { effective_from: change.effectiveFrom }),
        ...(change.publishedVersion !== undefined && { published_version: change.publishedVersion }),
      })
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .returningAll()
      .executeTakeFirst();
    return row ? draft(row) : null;
  },
};
