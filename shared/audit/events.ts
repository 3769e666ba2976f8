import type { z } from 'zod';
import { appealEvents } from './events/appeals';
import { caseEvents } from './events/cases';
import type { AuditEventSpec, Label } from './events/define';
import { AUDIT_FIELD_LABELS } from './events/fieldLabels';
import { noteEvents } from './events/notes';
import { alertEvents, auditTrailEvents, outboxEvents } from './events/operations';
import { qaEvents } from './events/qa';
import { staffEvents } from './events/staff';
import { tagEvents } from './events/tags';

export type { AuditEventSpec, Label } from './events/define';

/**
 * Every action the desk writes to the audit trail, with the zod schema of its `data` and its
 * name in both languages. `recordEvent` accepts nothing else, and the audit page and exports
 * read their labels here. A new action is one entry in one of the files under ./events.
 */
export const AUDIT_EVENTS = {
  ...caseEvents,
  ...appealEvents,
  ...staffEvents,
  ...alertEvents,
  ...outboxEvents,
  ...auditTrailEvents,
  ...noteEvents,
  ...tagEvents,
  ...qaEvents,
} satisfies Record<string, AuditEventSpec>;

/** The groups merged above: a test checks no action is defined in two of them. */
export const AUDIT_EVENT_GROUPS = [
  caseEvents,
  appealEvents,
  staffEvents,
  alertEvents,
  outboxEvents,
  auditTrailEvents,
  noteEvents,
  tagEvents,
  qaEvents,
] as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];

/** What the writer passes as `data` for action `A`. */
export type PayloadOf<A extends AuditAction> = z.input<(typeof AUDIT_EVENTS)[A]['data']>;

/** `data` may be left out only where the action's schema allows undefined. */
type DataOf<A extends AuditAction> = undefined extends PayloadOf<A> ? { data?: PayloadOf<A> } : { data: PayloadOf<A> };

/** What the event is about: a case, a user, an export, … */
export interface AuditTarget {
  type: string;
  id: string | number;
}

/** One event of action `A` as its writer hands it to `recordEvent`. */
export type AuditEventInput<A extends AuditAction> = { action: A; target?: AuditTarget } & DataOf<A>;

/** Any registered event: a union on `action`, so each action is checked against its own payload. */
export type AnyAuditEvent = { [A in AuditAction]: AuditEventInput<A> }[AuditAction];

/**
 * Actions older desks wrote and this one no longer does: their rows stay in the trail (it is
 * never rewritten), so they keep a name for display, but nothing may write them again.
 */
export const RETIRED_AUDIT_ACTIONS: Record<string, Label> = {
  'outbox.delivery_attempted': { zh: '推送尝试', en: 'Delivery attempted' },
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, action);
}

/** The action's name, or null for an action no desk version registered (shown raw, flagged). */
export function auditActionLabel(action: string): Label | null {
  if (isAuditAction(action)) return AUDIT_EVENTS[action].label;
  return RETIRED_AUDIT_ACTIONS[action] ?? null;
}

/** A payload field's name: the action's own label for it, else the shared one, else null. */
export function auditFieldLabel(action: string, field: string): Label | null {
  const spec: AuditEventSpec | undefined = isAuditAction(action) ? AUDIT_EVENTS[action] : undefined;
  return spec?.fields?.[field] ?? (Object.hasOwn(AUDIT_FIELD_LABELS, field) ? AUDIT_FIELD_LABELS[field] : null) ?? null;
}

/**
 * Checks a payload against its action's schema; returns the problem, or null. Only checks: what
 * is stored is always the caller's value as given, so the chain stays byte-identical.
 */
export function auditPayloadProblem(action: string, data: unknown): string | null {
  if (!isAuditAction(action)) return `audit action ${action} is not registered (shared/audit/events.ts)`;
  const parsed = AUDIT_EVENTS[action].data.safeParse(data);
  return parsed.success ? null : `audit payload of ${action} does not match its schema: ${parsed.error.message}`;
}
