import type { Generated, Selectable } from 'kysely';

/** A person's named queue filters; a lead may share one with a queue's members. */
export interface SavedViewsTable {
  id: Generated<number>;
  owner_id: number;
  name: string;
  /** JSON text: a QueueViewState (shared/api/views.ts). */
  state: string;
  shared_queue: string | null;
  created_at: string;
  updated_at: string;
}
export type SavedViewRow = Selectable<SavedViewsTable>;
