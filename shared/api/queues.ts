import { z } from 'zod';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { RULE_IDS } from './intake';

export const HOLD_LIMIT_MAX = 1000;

export const slaDaysInput = z.object(
  Object.fromEntries(REPORT_SOURCES.map((s) => [s, z.number().int().min(1).max(365)])) as Record<
    (typeof REPORT_SOURCES)[number],
    z.ZodNumber
  >,
);

export const queueSaveInput = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and "-"'),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(60),
  slaDays: slaDaysInput,
  autoAssign: z.boolean(),
  /** How many of its cases one person may hold at once; left as it is when not given. */
  holdLimit: z.number().int().min(1).max(HOLD_LIMIT_MAX).optional(),
  /** Creating: refuse to overwrite a queue that already has this id. */
  create: z.boolean().optional(),
});

export const queueView = queueSaveInput.extend({
  holdLimit: z.number(),
  /** Members by role besides the listed ones: the escalations queue's leads. */
  memberRole: z.string().nullable(),
  /** `byRole`: a member through `memberRole`, not on the list a lead edits. */
  members: z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string(), byRole: z.boolean() })),
  open: z.number(),
  closedPerDay: z.number(),
  /** When the backlog clears at the current pace; null if nothing closed lately. */
  clearsAt: z.string().nullable(),
});
export type QueueView = z.infer<typeof queueView>;

export const routingMatchInput = z.object({
  rules: z.array(z.enum(RULE_IDS)).max(20).optional(),
  subjectKinds: z.array(z.enum(SUBJECT_KINDS)).max(4).optional(),
  sources: z.array(z.enum(REPORT_SOURCES)).max(3).optional(),
  minSeverity: z.number().int().min(1).max(5).optional(),
  /** The subject's platform is one of these; left out, any platform. */
  platforms: z.array(z.enum(PLATFORM_IDS)).max(PLATFORM_IDS.length).optional(),
});

export const routingRuleInput = z.object({
  id: z.number().int().positive().optional(),
  position: z.number().int().min(0).max(10_000),
  queueId: z.string().min(1).max(64),
  match: routingMatchInput,
  enabled: z.boolean(),
});

/** Stored rules are shown as they are, even naming a rule id a later rulebook dropped. */
export const routingRuleView = routingRuleInput.extend({
  id: z.number(),
  match: routingMatchInput.extend({ rules: z.array(z.string()).optional() }),
});

/** A case someone holds (claimed, kept or assigned), for the leads' held-cases view. */
export const heldCaseView = z.object({
  caseId: z.number(),
  queue: z.string().nullable(),
  rule: z.string(),
  holder: z.object({ id: z.number(), displayName: z.string() }),
  subject: z.object({ id: z.string(), name: z.string().nullable(), platform: z.enum(PLATFORM_IDS) }),
  /** null: assigned by a lead, held until decided. */
  leaseUntil: z.string().nullable(),
});
export type HeldCaseView = z.infer<typeof heldCaseView>;
