/**
 * A lead's team: the staff who share at least one queue with the lead (and the lead), and every
 * queue those staff work. People figures (decisions, appeals, four-eyes) cover the members;
 * queue figures (backlog, SLA, intake) cover the team's queues.
 *
 * A queue every lead works by role (`sharedQueues`: the escalations queue) counts among the
 * queues of each lead who works it, but sharing it makes nobody a teammate: otherwise every
 * lead's team would take in every other lead, and their teams with them.
 */
export function teamOf(
  memberships: readonly { queueId: string; userId: number }[],
  leadId: number,
  sharedQueues: ReadonlySet<string> = new Set(),
): { members: number[]; queues: string[] } {
  const own = memberships.filter((m) => !sharedQueues.has(m.queueId));
  const leadQueues = new Set(own.filter((m) => m.userId === leadId).map((m) => m.queueId));
  const members = new Set([leadId, ...own.filter((m) => leadQueues.has(m.queueId)).map((m) => m.userId)]);
  const queues = new Set([
    ...own.filter((m) => members.has(m.userId)).map((m) => m.queueId),
    ...memberships.filter((m) => m.userId === leadId && sharedQueues.has(m.queueId)).map((m) => m.queueId),
  ]);
  return { members: [...members].sort((a, b) => a - b), queues: [...queues].sort() };
}
