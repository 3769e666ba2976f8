import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type AccountCandidate, matchAccount } from '../../shared/auth/oidcAccount';
import { mappedRole, type RoleMapping } from '../../shared/auth/oidcRoles';
import type { Role } from '../../shared/auth/roles';
import { DeskError } from '../../shared/errors/deskError';
import { OIDC_REFUSAL_REASONS } from '../../shared/errors/reasons';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import { type ProviderIdentity, subjectKey } from '../auth/oidcIdentity';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { usersRepo } from '../db/repositories/users.repo';
import { retryOnRace } from '../db/retryOnRace';
import type { UserRow } from '../db/tables/users.table';
import { insertSession, type SessionPolicy, type StaffUser, toStaffUser } from './auth.service';
import type { ServiceContext } from './serviceContext';
import { insertStaffUser, USERNAME } from './users.service';

/** What the operator configured about provider accounts (DESK_OIDC_ROLE_MAP, DESK_OIDC_CREATE_USERS). */
export interface ProviderPolicy {
  roleMap: readonly RoleMapping[];
  createUsers: boolean;
}

/** Every reason a provider sign-in is refused; each is audited as `auth.oidc_refused` and translated. */
export const OIDC_REFUSALS = OIDC_REFUSAL_REASONS;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

type Outcome =
  | { kind: 'signed_in'; token: string; expiresAt: string; user: StaffUser }
  | { kind: 'refused'; reason: OidcRefusal; userId?: number }
  // A new account needs a password hash nobody knows; it is made outside the transaction (argon2 is slow).
  | { kind: 'needs_hash' }
  // A parallel first sign-in of the same person committed the account after this run looked for
  // it (PostgreSQL's read committed lets a later statement see it); the next run finds and uses it.
  | { kind: 'lost_race' };

/**
 * Signs in the person the provider vouched for: finds their account (bound subject, username,
 * verified email: shared/auth/oidcAccount.ts) or creates it from the role map, refuses a
 * disabled one, applies the role map, binds the provider account, and opens the desk's own
 * session, all in one transaction. A refusal writes nothing but its audit event.
 */
export async function signInWithProvider(
  ctx: ServiceContext,
  identity: ProviderIdentity,
  session: SessionPolicy,
  provider: ProviderPolicy,
): Promise<{ token: string; expiresAt: string; user: StaffUser }> {
  const now = ctx.clock.now();
  let passwordHash: string | null = null;
  for (let lostRaces = 0; ; ) {
    const outcome = await retryOnRace(() =>
      ctx.db.transaction().execute((trx) => signIn(trx, ctx, { identity, session, provider, passwordHash }, now)),
    );
    if (outcome.kind === 'signed_in') return outcome;
    if (outcome.kind === 'refused') throw await refuseProviderSignIn(ctx, outcome.reason, identity, outcome.userId);
    if (outcome.kind === 'lost_race') {
      if (++lostRaces > 4) throw new Error(`provider sign-in of ${identity.username} kept losing the account race`);
      continue;
    }
    passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  }
}

interface Attempt {
  identity: ProviderIdentity;
  session: SessionPolicy;
  provider: ProviderPolicy;
  passwordHash: string | null;
}

async function signIn(trx: Transaction<Database>, ctx: ServiceContext, a: Attempt, now: Date): Promise<Outcome> {
  const { identity } = a;
  const candidate = (u: UserRow | undefined) => (u ? { ...u, oidcSubject: u.oidc_subject } : undefined);
  const match = matchAccount<UserRow & AccountCandidate>(subjectKey(identity), {
    bySubject: candidate(await usersRepo.findByOidcSubject(trx, subjectKey(identity))),
    byUsername: identity.username ? candidate(await usersRepo.findByUsername(trx, identity.username)) : undefined,
    byEmail: identity.email ? candidate(await usersRepo.findByEmail(trx, identity.email)) : undefined,
  });
  if (match.kind === 'refused') return { kind: 'refused', reason: match.reason, userId: match.userId };
  const role = mappedRole(a.provider.roleMap, identity.roleValues);
  if (match.kind === 'none') return createAccount(trx, ctx, a, role, now);

  const user = match.user;
  if (user.disabled_at) return { kind: 'refused', reason: 'oidc_account_disabled', userId: user.id };
  const audit: AuditContext = { ...ctx.audit, actor: { type: 'user', id: String(user.id) } };
  if (match.by !== 'subject') await bindSubject(trx, audit, user, identity, match.by, now);
  if (role && role !== user.role) await applyMappedRole(trx, ctx, user, role, identity, now);
  return openProviderSession(trx, ctx, { ...user, role: role ?? user.role }, a, match.by, now);
}

async function createAccount(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  a: Attempt,
  role: Role | null,
  now: Date,
): Promise<Outcome> {
  const { identity } = a;
  if (!a.provider.createUsers) return { kind: 'refused', reason: 'oidc_unknown_user' };
  if (!role) return { kind: 'refused', reason: 'oidc_no_role' };
  if (!identity.username || !USERNAME.test(identity.username))
    return { kind: 'refused', reason: 'oidc_username_invalid' };
  if (!a.passwordHash) return { kind: 'needs_hash' };
  // The provider (configured by the operator) vouches for the person and the role, as the
  // operator's CLI does: no second admin's grant.
  const id = await insertStaffUser(
    trx,
    { ...ctx, audit: { ...ctx.audit, actor: { type: 'system', id: null } } },
    {
      username: identity.username,
      displayName: identity.displayName ?? identity.username,
      role,
      passwordHash: a.passwordHash,
      mustChangePassword: false,
      fromProvider: { email: identity.email, oidcSubject: subjectKey(identity), roleClaim: identity.roleValues },
    },
    now,
  ).catch((error: unknown) => {
    // Nothing is written before the username check, so this run can end cleanly and go again.
    if (error instanceof DeskError && error.reason === 'username_taken') return 'lost_race' as const;
    throw error;
  });
  if (id === 'lost_race') return { kind: 'lost_race' };
  const user = await usersRepo.findById(trx, id);
  if (!user) throw new Error(`user ${id} vanished inside its own transaction`);
  return openProviderSession(trx, ctx, user, a, 'created', now);
}

/** The first provider sign-in binds the account to that provider account for good. */
async function bindSubject(
  trx: Transaction<Database>,
  audit: AuditContext,
  user: UserRow,
  identity: ProviderIdentity,
  matchedBy: 'username' | 'email',
  now: Date,
): Promise<void> {
  await usersRepo.update(trx, user.id, { oidc_subject: subjectKey(identity) });
  await recordEvent(
    trx,
    audit,
    {
      action: 'user.oidc_linked',
      target: { type: 'user', id: user.id },
      data: { issuer: identity.issuer, subject: identity.subject, matchedBy },
    },
    now,
  );
}

/**
 * The role map names the role the provider's groups give; a change is recorded as any role
 * change is (`user.role_changed`, which the audit reconciliation reads), marked `via: oidc`.
 */
async function applyMappedRole(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  user: UserRow,
  role: Role,
  identity: ProviderIdentity,
  now: Date,
): Promise<void> {
  await usersRepo.update(trx, user.id, { role });
  await recordEvent(
    trx,
    { ...ctx.audit, actor: { type: 'system', id: null } },
    {
      action: 'user.role_changed',
      target: { type: 'user', id: user.id },
      data: { before: user.role, after: role, via: 'oidc', roleClaim: identity.roleValues },
    },
    now,
  );
}

async function openProviderSession(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  user: UserRow,
  a: Attempt,
  matchedBy: 'subject' | 'username' | 'email' | 'created',
  now: Date,
): Promise<Outcome> {
  const { token, expiresAt } = await insertSession(trx, ctx, user, a.session, now, 'oidc');
  await recordEvent(
    trx,
    { ...ctx.audit, actor: { type: 'user', id: String(user.id) } },
    {
      action: 'auth.oidc_login',
      target: { type: 'user', id: user.id },
      data: { issuer: a.identity.issuer, subject: a.identity.subject, matchedBy },
    },
    now,
  );
  return { kind: 'signed_in', token, expiresAt, user: toStaffUser(user) };
}

/**
 * Records a refused provider sign-in (`auth.oidc_refused`) in its own transaction and returns
 * the error to throw. Also used by the HTTP callback for refusals before any identity is known
 * (bad state, the provider's error, a token that fails verification).
 */
export async function refuseProviderSignIn(
  ctx: ServiceContext,
  reason: OidcRefusal,
  identity: Partial<ProviderIdentity> | null,
  userId?: number,
  detail?: string,
): Promise<DeskError> {
  const actor: AuditContext['actor'] = userId ? { type: 'user', id: String(userId) } : { type: 'system', id: null };
  const data = {
    reason,
    issuer: identity?.issuer ?? null,
    subject: identity?.subject ?? null,
    username: identity?.username ?? null,
    email: identity?.email ?? null,
    ...(detail ? { detail: detail.slice(0, 200) } : {}),
  };
  await ctx.db
    .transaction()
    .execute((trx) =>
      recordEvent(
        trx,
        { ...ctx.audit, actor },
        { action: 'auth.oidc_refused', target: userId ? { type: 'user', id: userId } : undefined, data },
        ctx.clock.now(),
      ),
    );
  return new DeskError('FORBIDDEN', reason, `sign-in through the identity provider refused: ${reason}`);
}
