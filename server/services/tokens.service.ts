import { createHash, randomBytes } from 'node:crypto';
import { DeskError } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { tokensRepo } from '../db/repositories/tokens.repo';
import type { ServiceContext } from './serviceContext';

/** What an integration may do; nothing else is open to tokens. */
export const TOKEN_SCOPES = ['intake', 'appeals', 'enforcement'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface Integration {
  id: number;
  name: string;
  scopes: TokenScope[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an integration token; the plain token is returned once and never stored. */
export async function createToken(
  ctx: ServiceContext,
  input: { name: string; scopes: string[] },
): Promise<{ id: number; token: string }> {
  const unknown = input.scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (!input.scopes.length || unknown.length) {
    throw new DeskError('BAD_REQUEST', 'invalid_scope', `scopes must be some of ${TOKEN_SCOPES.join(', ')}`, {
      field: 'scope',
    });
  }
  if (!/^[\w.-]{2,64}$/.test(input.name)) {
    throw new DeskError('BAD_REQUEST', 'invalid_token_name', 'token name: 2-64 letters, digits, ".", "_" or "-"', {
      field: 'name',
    });
  }
  const token = `vdt_${randomBytes(24).toString('base64url')}`;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await tokensRepo.findByName(trx, input.name)) {
      throw new DeskError('CONFLICT', 'token_name_taken', `a token named ${input.name} exists`);
    }
    const tokenId = await tokensRepo.insert(trx, {
      name: input.name,
      scopes: [...new Set(input.scopes)].join(','),
      token_hash: hashToken(token),
      created_at: now.toISOString(),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'token.created',
        target: { type: 'token', id: tokenId },
        data: { name: input.name, scopes: input.scopes },
      },
      now,
    );
    return tokenId;
  });
  return { id, token };
}

/** The integration behind a bearer token, or null for an unknown or revoked one. */
export async function resolveToken(db: Executor, token: string, now: Date): Promise<Integration | null> {
  const row = await tokensRepo.findActiveByHash(db, hashToken(token));
  if (!row) return null;
  // Usage is kept to the minute: integrations may call many times a second.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await tokensRepo.touch(db, row.id, now.toISOString());
  }
  return { id: row.id, name: row.name, scopes: row.scopes.split(',') as TokenScope[] };
}
