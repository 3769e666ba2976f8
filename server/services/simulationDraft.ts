import { DeskError, notFound } from '../../shared/errors/deskError';
import type { PlatformId, Rulebook } from '../../shared/rulebook';
import type { Executor } from '../db/database';
import { decodePlatform } from '../db/repositories/platformColumn';
import { rulebookDraftsRepo } from '../db/repositories/rulebooks.repo';

/**
 * A rulebook draft as simulation and shadow mode take it: its id, its platform and the rulebook
 * it holds (already valid: every write of a draft is checked by the rulebook schema). The
 * router reads it from the drafts repository; the use cases here never edit a draft.
 */
export interface SimulationDraft {
  id: number;
  platform: PlatformId;
  rulebook: Rulebook;
}

/** A draft whose rulebook is another platform's would judge subjects by the wrong rules. */
export function checkDraftPlatform(draft: SimulationDraft): void {
  if (draft.rulebook.platform !== draft.platform) {
    throw new DeskError(
      'BAD_REQUEST',
      'draft_platform_mismatch',
      `draft ${draft.id} is for ${draft.platform}, its rulebook for ${draft.rulebook.platform}`,
      { field: 'id' },
    );
  }
}

/** The draft `id` as simulation and shadow mode take it, or `rulebook_draft_not_found`. */
export async function loadDraft(db: Executor, id: number): Promise<SimulationDraft> {
  const row = await rulebookDraftsRepo.find(db, id);
  if (!row) throw notFound('rulebook_draft', id);
  return { id: row.id, platform: decodePlatform(row.platform), rulebook: row.rulebook };
}
