/** Who has a case page open, refreshed by its heartbeat (migration 0026). */
export interface CaseViewersTable {
  case_id: number;
  user_id: number;
  /** 1 while the viewer has a decision form in progress on the case. */
  editing: number;
  opened_at: string;
  /** The last heartbeat; a viewer quiet for longer than the presence timeout has left. */
  seen_at: string;
}
