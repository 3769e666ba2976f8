import type { Transaction } from 'kysely';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import { hashRecoveryCode, looksLikeTotpCode, newRecoveryCodes } from '../auth/recoveryCodes';
import { sessionIdOf } from '../auth/sessionToken';
import { newTotpSecret, totpCodeStep, totpUri } from '../auth/totp';
import type { Database } from '../db/database';
import { sessionsRepo } from '../db/repositories/sessions.repo';
import { signInAttemptsRepo } from '../db/repositories/signInAttempts.repo';
import { totpFactorRepo } from '../db/repositories/totpFactor.repo';
import { usersRepo } from '../db/repositories/users.repo';
import type { UserRow } from '../db/tables/users.table';
import type { ServiceContext } from './serviceContext';

type Trx = Transaction<Database>;
/** Where a factor is proved: the sign-in step, enrolment, or before new recovery codes. */
type Step = 'totp_code' | 'totp_enrolment' | 'recovery_codes';

const wrongCode = () =>
  new DeskError('UNAUTHORIZED', 'invalid_totp_code', 'the code is wrong or has expired', { field: 'code' });
const usedCode = () =>
  new DeskError('UNAUTHORIZED', 'totp_code_used', 'this code was used already; wait for the next one', {
    field: 'code',
  });
const wrongRecoveryCode = () =>
  new DeskError('UNAUTHORIZED', 'invalid_recovery_code', 'the recovery code is wrong or was used already', {
    field: 'code',
  });

/**
 * A code is a credential like the password: each check reserves an attempt on the account
 * first (the same lock-out), so six digits (or recovery codes) cannot be walked through in
 * parallel. `spend` then takes the one-time part (the code's time step, or the recovery code)
 * in the transaction that also does `onPass`, so of two parallel sign-ins with the same code
 * exactly one passes; a refusal is audited as a failed attempt.
 */
async function proveFactor(
  ctx: ServiceContext,
  user: UserRow,
  step: Step,
  spend: (trx: Trx, now: Date) => Promise<DeskError | null>,
  onPass: (trx: Trx, now: Date) => Promise<void>,
): Promise<void> {
  const now = ctx.clock.now();
  const failures = await signInAttemptsRepo.reserveForUser(ctx.db, user.id, now);
  if (failures === null) {
    throw new DeskError('TOO_MANY_REQUESTS', 'account_locked', 'too many failed attempts; try again later', {
      until: await signInAttemptsRepo.lockedUntilOfUser(ctx.db, user.id),
    });
  }
  const refusal = await ctx.db.transaction().execute(async (trx) => {
    const refused = await spend(trx, now);
    if (refused) return refused;
    await signInAttemptsRepo.clearForUser(trx, user.id);
    await onPass(trx, now);
    return null;
  });
  if (!refusal) return;
  await ctx.db.transaction().execute((trx) =>
    recordEvent(
      trx,
      ctx.audit,
      {
        action: 'auth.login_failed',
        target: { type: 'user', id: user.id },
        data: { failures, step, reason: refusal.reason },
      },
      now,
    ),
  );
  throw refusal;
}

/** Spends the authenticator code's time step: refused when it is wrong, or its step (or a later one) was used. */
const spendTotpCode =
  (user: UserRow, secret: string, code: string) =>
  async (trx: Trx, now: Date): Promise<DeskError | null> => {
    const step = totpCodeStep(secret, code.replace(/\s/g, ''), now);
    if (step === null) return wrongCode();
    return (await totpFactorRepo.claimStep(trx, user.id, step)) ? null : usedCode();
  };

const spendRecoveryCode =
  (user: UserRow, code: string) =>
  async (trx: Trx, now: Date): Promise<DeskError | null> =>
    (await totpFactorRepo.spendRecoveryCode(trx, user.id, hashRecoveryCode(user.id, code), now.toISOString()))
      ? null
      : wrongRecoveryCode();

/** Stores ten new recovery codes (replacing any earlier ones) and returns them, to be shown once. */
async function issueRecoveryCodes(
  trx: Trx,
  ctx: ServiceContext,
  user: UserRow,
  now: Date,
  reason: 'enrolment' | 'regenerated',
) {
  const codes = newRecoveryCodes();
  const hashes = codes.map((c) => hashRecoveryCode(user.id, c));
  await totpFactorRepo.replaceRecoveryCodes(trx, user.id, hashes, now.toISOString());
  // The codes never reach the audit trail; that they were issued, and why, does.
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'user.recovery_codes_generated',
      target: { type: 'user', id: user.id },
      data: { count: codes.length, reason },
    },
    now,
  );
  return codes;
}

async function userOf(ctx: ServiceContext, userId: number): Promise<UserRow> {
  const user = await usersRepo.findById(ctx.db, userId);
  if (!user) throw notFound('user', userId);
  return user;
}

function enrolledSecret(user: UserRow): string {
  if (!user.totp_secret || !user.totp_enabled_at)
    throw new DeskError('CONFLICT', 'totp_not_started', 'no second factor');
  return user.totp_secret;
}

/**
 * The second step of signing in: the session's user proves the factor with the authenticator's
 * current code (each time step once) or with one of their recovery codes (each once), and the
 * session is complete.
 */
export async function verifySignInCode(
  ctx: ServiceContext,
  input: { userId: number; sessionToken: string; code: string },
): Promise<{ ok: true }> {
  const user = await userOf(ctx, input.userId);
  const secret = enrolledSecret(user);
  const byApp = looksLikeTotpCode(input.code);
  const spend = byApp ? spendTotpCode(user, secret, input.code) : spendRecoveryCode(user, input.code);
  await proveFactor(ctx, user, 'totp_code', spend, async (trx, now) => {
    await sessionsRepo.completeMfa(trx, sessionIdOf(input.sessionToken));
    const data = byApp
      ? { method: 'totp' as const }
      : {
          method: 'recovery_code' as const,
          recoveryCodesLeft: await totpFactorRepo.unspentRecoveryCodes(trx, user.id),
        };
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'auth.mfa_verified', target: { type: 'user', id: user.id }, data },
      now,
    );
  });
  return { ok: true };
}

/**
 * Enrolment, first half: a new secret is kept (pending) and shown this once. Asking again
 * replaces it, so a secret that was seen over a shoulder can be thrown away before use.
 */
export async function startTotpEnrolment(
  ctx: ServiceContext,
  userId: number,
): Promise<{ secret: string; uri: string }> {
  const user = await userOf(ctx, userId);
  if (user.totp_enabled_at) throw new DeskError('CONFLICT', 'totp_already_enabled', 'two-step verification is on');
  const secret = newTotpSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.update(trx, user.id, { totp_secret: secret, totp_last_step: null });
    // The secret never reaches the audit trail.
    await recordEvent(trx, ctx.audit, { action: 'user.totp_started', target: { type: 'user', id: user.id } }, now);
  });
  return { secret, uri: totpUri(secret, user.username) };
}

/**
 * Enrolment, second half: a right code from the app turns the factor on (its time step is
 * spent like a sign-in's), and the ten recovery codes are issued, to be shown this once.
 */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  input: { userId: number; code: string },
): Promise<{ ok: true; recoveryCodes: string[] }> {
  const user = await userOf(ctx, input.userId);
  if (user.totp_enabled_at) throw new DeskError('CONFLICT', 'totp_already_enabled', 'two-step verification is on');
  if (!user.totp_secret) throw new DeskError('CONFLICT', 'totp_not_started', 'create a key first');
  let recoveryCodes: string[] = [];
  await proveFactor(
    ctx,
    user,
    'totp_enrolment',
    spendTotpCode(user, user.totp_secret, input.code),
    async (trx, now) => {
      await usersRepo.update(trx, user.id, { totp_enabled_at: now.toISOString() });
      await recordEvent(trx, ctx.audit, { action: 'user.totp_enabled', target: { type: 'user', id: user.id } }, now);
      recoveryCodes = await issueRecoveryCodes(trx, ctx, user, now, 'enrolment');
    },
  );
  return { ok: true, recoveryCodes };
}

/**
 * New recovery codes from the account page, replacing every earlier one: proved with the
 * authenticator's current code (not a recovery code, which is what is being replaced).
 */
export async function regenerateRecoveryCodes(
  ctx: ServiceContext,
  input: { userId: number; code: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await userOf(ctx, input.userId);
  const secret = enrolledSecret(user);
  let recoveryCodes: string[] = [];
  await proveFactor(ctx, user, 'recovery_codes', spendTotpCode(user, secret, input.code), async (trx, now) => {
    recoveryCodes = await issueRecoveryCodes(trx, ctx, user, now, 'regenerated');
  });
  return { recoveryCodes };
}

/** What the account page shows: whether the factor is on, and how many recovery codes are left. */
export async function twoStepStatus(
  ctx: ServiceContext,
  userId: number,
): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const user = await userOf(ctx, userId);
  const enabled = Boolean(user.totp_enabled_at);
  return { enabled, recoveryCodesLeft: enabled ? await totpFactorRepo.unspentRecoveryCodes(ctx.db, user.id) : 0 };
}
