import type { Generated, Selectable } from 'kysely';
import type { RulebookDraftStatus } from '../../../shared/api/rulebookDrafts';
import type { PlatformId, Rulebook } from '../../../shared/rulebook';
import type { Decoded } from '../jsonColumns';

/** One published version of a platform's rulebook: written once, never updated. */
export interface RulebookVersionsTable {
  id: Generated<number>;
  platform: PlatformId;
  /** 1, 2, 3… per platform (unique with `platform`). */
  version: number;
  /** JSON text: the whole rulebook in the engine's format. */
  rulebook: string;
  /** Platform-local date (YYYY-MM-DD) it comes into force. */
  effective_from: string;
  /** Null for the versions imported by the migration. */
  published_by: number | null;
  approved_by: number | null;
  created_at: string;
}
export type RulebookVersionRow = Decoded<Selectable<RulebookVersionsTable>, { rulebook: Rulebook }>;

/** A draft of a new rulebook version, edited by admins and published under four-eyes. */
export interface RulebookDraftsTable {
  id: Generated<number>;
  platform: PlatformId;
  based_on_version: number;
  /** JSON text: the draft rulebook, valid by the single check (shared/rulebook/rulebookSchema.ts). */
  rulebook: string;
  status: RulebookDraftStatus;
  created_by: number;
  publish_requested_by: number | null;
  approved_by: number | null;
  effective_from: string | null;
  published_version: number | null;
  /** 1 when created, one more with each edit (the compare-and-set of `rulebook.drafts.update`). */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type RulebookDraftRow = Decoded<Selectable<RulebookDraftsTable>, { rulebook: Rulebook }>;
