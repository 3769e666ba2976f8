import type { Generated } from 'kysely';

/** A draft judged beside the live rulebook on new decisions, from `started_at` to `until` (0036). */
export interface ShadowRunsTable {
  id: Generated<number>;
  draft_id: number;
  platform: string;
  /** JSON: the draft's rulebook as it stood when shadowing began. */
  rulebook: string;
  started_by: number;
  started_at: string;
  until: string;
  stopped_at: string | null;
  stopped_by: number | null;
}

/** A decision after which the draft and the live rulebook disagree about the subject (0036). */
export interface ShadowDivergencesTable {
  id: Generated<number>;
  run_id: number;
  draft_id: number;
  case_id: number;
  decision_id: number;
  subject_id: string;
  /** JSON summaries (shared/simulation/summary.ts). */
  live: string;
  shadow: string;
  at: string;
}
