import { z } from 'zod';

const caseId = z.number().int().positive().max(2_147_483_647);

/** `presence.heartbeat`: "I have this case open (and am / am not drafting a decision on it)". */
export const presenceHeartbeatInput = z.object({ caseId, editing: z.boolean() });
export const presenceLeaveInput = z.object({ caseId });

export const caseViewerOutput = z.object({
  userId: z.number(),
  name: z.string(),
  /** Has a decision form in progress on the case. */
  editing: z.boolean(),
  /** When this visit began (ISO 8601). */
  openedAt: z.string(),
});
export type CaseViewerOutput = z.infer<typeof caseViewerOutput>;

/** The other people with the case open now; the caller is never listed. */
export const presenceOutput = z.object({ viewers: z.array(caseViewerOutput) });
export type PresenceOutput = z.infer<typeof presenceOutput>;

/** How often an open case page says it is still open. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** A viewer not heard from for this long has left (a closed tab, a lost network). */
export const PRESENCE_TIMEOUT_MS = 30_000;

/**
 * The live-update action (not an audit action: nothing is recorded) that says only who is looking
 * at a case changed: case lists and case pages need not refetch, only the presence bar.
 */
export const PRESENCE_CHANGED = 'presence';
