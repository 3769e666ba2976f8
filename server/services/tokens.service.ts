import { createHash, randomBytes } from 'node:crypto';
import {
  MAX_TOKEN_DAYS,
  TOKEN_NAME_PATTERN,
  TOKEN_SCOPES,
  type TokenScope,
  type TokenView,
  tokenState,
} from '../../shared/api/tokens';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { tokensRepo } from '../db/repositories/tokens.repo';
import type { IntegrationTokenRow } from '../db/tables/integrationTokens.table';
import type { ServiceContext } from './serviceContext';

export { TOKEN_SCOPES, type TokenScope };

export interface Integration {
  id: number;
  name: string;
  scopes: TokenScope[];
}

const DAY_MS = 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function toView(row: IntegrationTokenRow, now: Date): TokenView {
  const view = {
    id: row.id,
    name: row.name,
    scopes: row.scopes.split(',') as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
  return { ...view, state: tokenState(view, now) };
}

function checkCreateInput(input: { name: string; scopes: string[]; expiresInDays?: number | null }) {
  const unknown = input.scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (!input.scopes.length || unknown.length) {
    throw new DeskError('BAD_REQUEST', 'invalid_scope', `scopes must be some of ${TOKEN_SCOPES.join(', ')}`, {
      field: 'scope',
    });
  }
  if (!TOKEN_NAME_PATTERN.test(input.name)) {
    throw new DeskError('BAD_REQUEST', 'invalid_token_name', 'token name: 2-64 letters, digits, ".", "_" or "-"', {
      field: 'name',
    });
  }
  const days = input.expiresInDays;
  if (days != null && !(Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_DAYS)) {
    throw new DeskError('BAD_REQUEST', 'invalid_token_expiry', `expiry: a whole number of days, 1-${MAX_TOKEN_DAYS}`, {
      field: 'expiresInDays',
    });
  }
}

/** Creates an integration token; the plain token is returned once and never stored. */
export async function createToken(
  ctx: ServiceContext,
  input: { name: string; scopes: string[]; expiresInDays?: number | null },
): Promise<{ token: string } & TokenView> {
  checkCreateInput(input);
  const token = `vdt_${randomBytes(24).toString('base64url')}`;
  const now = ctx.clock.now();
  const scopes = [...new Set(input.scopes)];
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString() : null;
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (await tokensRepo.findByName(trx, input.name)) {
      throw new DeskError('CONFLICT', 'token_name_taken', `a token named ${input.name} exists`, { field: 'name' });
    }
    const tokenId = await tokensRepo.insert(trx, {
      name: input.name,
      scopes: scopes.join(','),
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'token.created',
        target: { type: 'token', id: tokenId },
        data: { name: input.name, scopes, expiresAt },
      },
      now,
    );
    const created = await tokensRepo.findById(trx, tokenId);
    if (!created) throw new Error(`token ${tokenId} vanished inside its own transaction`);
    return created;
  });
  return { token, ...toView(row, now) };
}

/** Every token, newest last, with its state now; never the token itself (only its hash is kept). */
export async function listTokens(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<TokenView[]> {
  const now = ctx.clock.now();
  return (await tokensRepo.list(ctx.db)).map((row) => toView(row, now));
}

/**
 * Revokes a token for good. Every request reads the token row (nothing caches it), so the
 * next request with it is refused on every instance.
 */
export async function revokeToken(ctx: ServiceContext, input: { id: number }): Promise<TokenView> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await tokensRepo.findById(trx, input.id);
    if (!row) throw notFound('token', input.id);
    if (!(await tokensRepo.revoke(trx, input.id, now.toISOString()))) {
      throw new DeskError('CONFLICT', 'token_already_revoked', `token ${input.id} (${row.name}) is already revoked`);
    }
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'token.revoked', target: { type: 'token', id: input.id }, data: { name: row.name } },
      now,
    );
    const revoked = await tokensRepo.findById(trx, input.id);
    if (!revoked) throw new Error(`token ${input.id} vanished inside its own transaction`);
    return toView(revoked, now);
  });
}

/**
 * The integration behind a bearer token, or null for an unknown, revoked or expired one. Read
 * from the database on every request, on purpose: a cache would let a revoked token through.
 */
export async function resolveToken(db: Executor, token: string, now: Date): Promise<Integration | null> {
  const row = await tokensRepo.findUsableByHash(db, hashToken(token), now.toISOString());
  if (!row) return null;
  // Usage is kept to the minute: integrations may call many times a second.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await tokensRepo.touch(db, row.id, now.toISOString());
  }
  return { id: row.id, name: row.name, scopes: row.scopes.split(',') as TokenScope[] };
}
