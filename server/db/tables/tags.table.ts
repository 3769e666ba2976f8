import type { Selectable } from 'kysely';

/** One word of the tag vocabulary leads keep (团伙, 复犯, 媒体关注…). */
export interface TagsTable {
  /** A slug of the English name, fixed at creation. */
  id: string;
  name_zh: string;
  name_en: string;
  /** The English name lower-cased: unique, so names differing only in case are one name. */
  name_en_key: string;
  /** `#rrggbb`. */
  color: string;
  /** Set when a lead retires the tag: no longer offered, still shown where applied. */
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}
export type TagRow = Selectable<TagsTable>;

export interface CaseTagsTable {
  case_id: number;
  tag_id: string;
  applied_by: number | null;
  applied_at: string;
}

export interface SubjectTagsTable {
  subject_id: string;
  tag_id: string;
  applied_by: number | null;
  applied_at: string;
}
