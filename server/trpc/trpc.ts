import { initTRPC, TRPCError } from '@trpc/server';
import { can, type Permission } from '../../shared/auth/roles';
import type { SignInGate } from '../../shared/auth/signInGate';
import { DeskError } from '../../shared/errors/deskError';
import { refuseHostileInput } from '../http/hostileInput';
import type { TokenScope } from '../services/tokens.service';
import type { Context } from './context';
import { formatError } from './errorFormatter';
import { consume } from './rateLimits';

/**
 * Every procedure declares who may call it. `public` is for signing in; `authenticated` for
 * what any signed-in staff member may do; otherwise a permission from the role matrix, and
 * optionally the integration-token scope that also opens it.
 */
export interface ProcedureMeta {
  access: 'public' | 'authenticated' | Permission;
  tokenScope?: TokenScope;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({ errorFormatter: formatError });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw DeskError; here it becomes the matching tRPC error, in one place. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DeskError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/**
 * Every procedure's raw input, before its validator: malformed text and absurd nesting are
 * refused here once (server/http/hostileInput.ts), not left to each schema.
 */
const refuseHostile = t.middleware(async ({ getRawInput, next }) => {
  refuseHostileInput(await getRawInput());
  return next();
});

const base = t.procedure.use(mapDomainErrors).use(refuseHostile);

export const publicProcedure = base.meta({ access: 'public' });

/** A session that still owes a sign-in step is refused everything else, with the step as reason. */
export function gateError(gate: SignInGate): TRPCError {
  const cause = new DeskError('FORBIDDEN', `${gate}_required`, `finish signing in first (${gate.replace('_', ' ')})`, {
    gate,
  });
  return new TRPCError({ code: 'FORBIDDEN', message: cause.message, cause });
}

const requireUser = t.middleware(({ ctx, next }) => {
  if (ctx.gated) throw gateError(ctx.gated.gate);
  if (!ctx.user)
    throw new TRPCError({ code: ctx.integration ? 'FORBIDDEN' : 'UNAUTHORIZED', message: 'sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const authedProcedure = base.meta({ access: 'authenticated' }).use(requireUser);

/**
 * For the steps of signing in themselves (the second factor, a new password, enrolment,
 * signing out): open to a fully signed-in session and to one that still owes a step.
 */
export const signingInProcedure = base.meta({ access: 'authenticated' }).use(({ ctx, next }) => {
  const staff = ctx.user ?? ctx.gated?.user;
  if (!staff) throw new TRPCError({ code: ctx.integration ? 'FORBIDDEN' : 'UNAUTHORIZED', message: 'sign in first' });
  return next({ ctx: { ...ctx, staff, gate: ctx.gated?.gate ?? null } });
});

/**
 * What reads a whole table (re-hashing the audit chain, the dashboard's aggregates): each
 * staff member gets a per-minute budget of these (DESK_EXPENSIVE_PER_MINUTE), so one person
 * cannot hold the server with them; past it, TOO_MANY_REQUESTS.
 */
export const spendExpensiveBudget = t.middleware(async ({ ctx, next }) => {
  await consume(ctx.limits.expensive, ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? 'unknown'}`);
  return next();
});

/** A procedure for staff whose role grants `permission`. */
export function permittedProcedure(permission: Permission) {
  return base
    .meta({ access: permission })
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (!can(ctx.user.role, permission)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `your role may not ${permission}` });
      }
      return next();
    });
}

/** A procedure open to staff with `permission` and to integrations holding `scope`. */
export function staffOrTokenProcedure(permission: Permission, scope: TokenScope) {
  return base.meta({ access: permission, tokenScope: scope }).use(({ ctx, next }) => {
    if (ctx.integration) {
      if (!ctx.integration.scopes.includes(scope)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `this token lacks the ${scope} scope` });
      }
      return next();
    }
    if (ctx.gated) throw gateError(ctx.gated.gate);
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in or send a bearer token' });
    if (!can(ctx.user.role, permission))
      throw new TRPCError({ code: 'FORBIDDEN', message: `your role may not ${permission}` });
    return next();
  });
}
