/**
 * Escalated cases wait in their own queue for a lead to decide. It is a real queue (named in both
 * languages, with its hold limit and SLA): every lead is a member by role, besides anyone a lead
 * lists, and it counts in each lead's team figures (shared/metrics/team.ts).
 */
export const ESCALATION_QUEUE = 'escalations';
