import { z } from 'zod';
import { MESSAGE_TEMPLATE_IDS } from '../messages/templates';
import { evidenceInput } from './intake';

/** `out`: staff to the subject (through the platform); `in`: the subject's reply. */
export const MESSAGE_DIRECTIONS = ['out', 'in'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** The languages outcome notices are written in; a reporter who gave none reads zh-CN. */
export const REPORTER_LOCALES = ['zh-CN', 'en'] as const;
export type ReporterLocale = (typeof REPORTER_LOCALES)[number];

/** What a reply may carry: evidence items, with the same kinds and limits as a report's evidence. */
export const messageAttachment = evidenceInput;
export type MessageAttachment = z.infer<typeof messageAttachment>;
export const MESSAGE_MAX_LENGTH = 5000;
export const MESSAGE_MAX_ATTACHMENTS = 20;

const body = z.string().trim().min(1).max(MESSAGE_MAX_LENGTH);

/** `messages.send`: staff write to the case's subject, from a reason template or free text. */
export const messagesSendInput = z.object({
  caseId: z.number().int().positive(),
  templateId: z.enum(MESSAGE_TEMPLATE_IDS).optional(),
  body,
});
export const messagesSendOutput = z.object({ messageId: z.number() });

/** `messages.submit` (token scope `appeals`): the subject's reply, through the platform. */
export const messagesSubmitInput = z.object({
  caseId: z.number().int().positive(),
  body,
  attachments: z.array(messageAttachment).max(MESSAGE_MAX_ATTACHMENTS).optional(),
  /** The platform's id of the reply: sending it again returns the first answer. */
  externalId: z.string().trim().min(1).max(128).optional(),
});
export const messagesSubmitOutput = z.object({
  messageId: z.number(),
  /** True when `externalId` was taken in before (nothing changed this time). */
  duplicate: z.boolean(),
  /** The appeal this reply answered a request for evidence on (back under review), if any. */
  appealId: z.number().nullable(),
});

export const messagesListInput = z.object({ caseId: z.number().int().positive() });

export const messageView = z.object({
  id: z.number(),
  caseId: z.number(),
  direction: z.enum(MESSAGE_DIRECTIONS),
  templateId: z.string().nullable(),
  body: z.string(),
  attachments: z.array(z.unknown()),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  appealId: z.number().nullable(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

export const messagesListOutput = z.object({
  messages: z.array(messageView),
  /** An open request for evidence on this case's appeal: the member's deadline. */
  evidenceRequest: z.object({ appealId: z.number(), deadline: z.string().nullable() }).nullable(),
});

// ---------------------------------------------------------------------------------------------
// Reporters: their scores and a lead's mute.

const reporterId = z.string().trim().min(1).max(128);

export const reportersMuteInput = z.object({ reporterId, reason: z.string().trim().min(1).max(500) });
export const reportersUnmuteInput = z.object({ reporterId, reason: z.string().trim().max(500).optional() });

export const reporterView = z.object({
  id: z.string(),
  submitted: z.number(),
  upheld: z.number(),
  dismissed: z.number(),
  /** Share of decided reports that were dismissed (null: none decided yet). */
  unfoundedRate: z.number().nullable(),
  /** 0–100: higher is more reliable (shared/messages/reporterScore.ts); null: none decided yet. */
  score: z.number().nullable(),
  /** Many reports, most of them unfounded: flagged for a lead's attention. */
  flagged: z.boolean(),
  locale: z.enum(REPORTER_LOCALES),
  muted: z
    .object({ at: z.string(), by: z.object({ id: z.number(), name: z.string() }).nullable(), reason: z.string() })
    .nullable(),
});
export type ReporterView = z.infer<typeof reporterView>;

export const reportersListInput = z
  .object({ flaggedOnly: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });
