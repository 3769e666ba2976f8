import { z } from 'zod';

/** What an integration may do; nothing else is open to tokens. */
export const TOKEN_SCOPES = ['intake', 'appeals', 'enforcement'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The longest lifetime a token may be given, in days (ten years); no expiry at all is `null`. */
export const MAX_TOKEN_DAYS = 3650;

/** Names are shown in lists and audit entries: short, and no spaces (the CLI prints one token a line). */
export const TOKEN_NAME_PATTERN = /^[\w.-]{2,64}$/;

export const tokenCreateInput = z.object({
  name: z.string().max(64),
  scopes: z.array(z.string().max(40)).max(10),
  /** Days from now until it stops working; `null` for a token that never expires. */
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable(),
});
export type TokenCreateInput = z.infer<typeof tokenCreateInput>;

export const TOKEN_STATES = ['active', 'expired', 'revoked'] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export const tokenView = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  /** `null`: never expires. */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  state: z.enum(TOKEN_STATES),
});
export type TokenView = z.infer<typeof tokenView>;

/** Revoked wins over expired: it is the stronger, deliberate statement. */
export function tokenState(token: { revokedAt: string | null; expiresAt: string | null }, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now.toISOString()) return 'expired';
  return 'active';
}
