/**
 * A lead's team: the staff who share at least one queue with the lead (and the lead), and every
 * queue those staff work. People figures (decisions, appeals, four-eyes) cover the members;
 * queue figures (backlog, SLA, intake) cover the team's queues.
 */
export function teamOf(
  memberships: readonly { queueId: string; userId: number }[],
  leadId: number,
): { members: number[]; queues: string[] } {
  const leadQueues = new Set(memberships.filter((m) => m.userId === leadId).map((m) => m.queueId));
  const members = new Set([leadId, ...memberships.filter((m) => leadQueues.has(m.queueId)).map((m) => m.userId)]);
  const queues = new Set(memberships.filter((m) => members.has(m.userId)).map((m) => m.queueId));
  return { members: [...members].sort((a, b) => a - b), queues: [...queues].sort() };
}
