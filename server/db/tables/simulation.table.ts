import type { Generated } from 'kysely';

/** A job's state: waiting for a worker, being worked through, or ended one of three ways. */
export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'cancelled', 'failed'] as const;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];

/** One run of a rulebook draft against every subject of its platform (0035). */
export interface SimulationJobsTable {
  id: Generated<number>;
  draft_id: number;
  platform: string;
  as_of: string;
  /** JSON: the draft's rulebook as it stood when the run was asked for. */
  rulebook: string;
  status: SimulationStatus;
  progress: Generated<number>;
  processed: Generated<number>;
  total: Generated<number>;
  /** The last subject id worked through (keyset), null before the first chunk. */
  cursor: string | null;
  /** JSON: the change counts so far. */
  changed: string;
  error: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  started_by: number;
  created_at: string;
  started_at: string | null;
  updated_at: string;
  finished_at: string | null;
}

/** A subject the draft would change, with its summaries (JSON) and a flag (0/1) per aspect. */
export interface SimulationResultsTable {
  job_id: number;
  subject_id: string;
  before: string;
  after: string;
  points_changed: number;
  nodes_changed: number;
  punishments_changed: number;
  seals_changed: number;
  demotions_changed: number;
}
