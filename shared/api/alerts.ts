import { z } from 'zod';
import {
  ACCOUNT_ACTIONS,
  ACCOUNT_KINDS,
  ALERT_LEVELS,
  ALERT_RESOLUTIONS,
  ALERT_STATUSES,
  ALERT_TYPES,
} from '../alerts/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * `alerts.submit`: one account-security alert from the marketplace's detection (token scope
 * `intake`). The same `externalId` again returns the alert already on file.
 */
export const alertSubmitInput = z.object({
  externalId: text(128),
  /** The shop (a subject of the desk) whose account the alert is about. */
  subjectId: text(64),
  shopName: text(200).optional(),
  /** The shop's own id of the main account or sub-account. */
  accountId: text(64),
  accountKind: z.enum(ACCOUNT_KINDS),
  nickname: text(100),
  /** Personal data: stored, shown masked, revealed with an audited reason. */
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s-]{5,24}$/, 'a phone number')
    .optional(),
  level: z.enum(ALERT_LEVELS),
  type: z.enum(ALERT_TYPES),
  /** When the marketplace saw the risk (预警时间). */
  detectedAt: z.iso.datetime({ offset: true }),
  details: text(2000),
  suggestion: text(1000),
});
export type AlertSubmitInput = z.infer<typeof alertSubmitInput>;

export const alertSubmitOutput = z.object({ alertId: z.number(), duplicate: z.boolean() });

export const alertView = z.object({
  id: z.number(),
  externalId: z.string(),
  subjectId: z.string(),
  /** The shop's platform when it is a subject of the desk (has been reported); null otherwise. */
  subjectPlatform: z.enum(PLATFORM_IDS).nullable(),
  shopName: z.string().nullable(),
  accountId: z.string(),
  accountKind: z.enum(ACCOUNT_KINDS),
  nickname: z.string(),
  /** Masked (138****5678); `alerts.revealPhone` shows the number, audited. */
  phoneMasked: z.string().nullable(),
  level: z.enum(ALERT_LEVELS),
  type: z.enum(ALERT_TYPES),
  detectedAt: z.string(),
  details: z.string(),
  suggestion: z.string(),
  status: z.enum(ALERT_STATUSES),
  resolution: z.enum(ALERT_RESOLUTIONS).nullable(),
  handledBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  handledAt: z.string().nullable(),
  note: z.string().nullable(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
});
export type AlertView = z.infer<typeof alertView>;

export const alertListInput = z.object({
  status: z.enum(ALERT_STATUSES),
  subjectId: text(64).optional(),
  page: z.number().int().min(0).max(10_000).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const alertListOutput = z.object({ items: z.array(alertView), total: z.number() });

const note = z.string().trim().max(500).optional();

/** "Verified, no risk" on the alerts chosen (one, or many at once under one batch id). */
export const alertNoRiskInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), note });

/** An action on the account an alert is about: closes every pending alert of that account. */
export const alertAccountActionInput = z.object({
  alertId: z.number().int().positive(),
  action: z.enum(ACCOUNT_ACTIONS),
  note,
});

export const alertHandledOutput = z.object({ batchId: z.string(), handledIds: z.array(z.number()) });
