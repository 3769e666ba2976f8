import type { Generated, Selectable } from 'kysely';
import type { ReportSource } from '../../../shared/cases/enums';
import type { Decoded } from '../jsonColumns';

/** A named work queue; cases reach it through routing rules and its members draw from it. */
export interface QueuesTable {
  id: string;
  name_zh: string;
  name_en: string;
  /** JSON text: days to close per report source, e.g. {"user_report":30,…}. */
  sla_days: string;
  /** 1: new cases go straight to the least-loaded member. */
  auto_assign: Generated<number>;
  /** How many of its cases one person may hold at once (claimed or kept); a claim beyond it is refused. */
  hold_limit: Generated<number>;
  /** Everyone with this role is a member besides the listed ones (the escalations queue: 'lead'). */
  member_role: string | null;
  created_at: string;
}
/** Days to close a case, per report source. */
export type SlaDays = Record<ReportSource, number>;
/** A queue as its repository hands it out: its SLA days decoded. */
export type QueueRow = Decoded<Selectable<QueuesTable>, { sla_days: SlaDays }>;

export interface QueueMembersTable {
  queue_id: string;
  user_id: number;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  position: number;
  queue_id: string;
  /** JSON text: a RoutingMatch (shared/cases/routing.ts). */
  match: string;
  enabled: Generated<number>;
  created_at: string;
}
export type RoutingRuleRow = Selectable<RoutingRulesTable>;
