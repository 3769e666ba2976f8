import { z } from 'zod';
import { ROLES } from '../../../shared/auth/roles';
import { SIGN_IN_GATES } from '../../../shared/auth/signInGate';
import { writeSessionCookie } from '../../http/sessionCookie';
import { login, logout, logoutEverywhere } from '../../services/auth.service';
import { changeOwnPassword } from '../../services/passwordChange.service';
import {
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  twoStepStatus,
  verifySignInCode,
} from '../../services/totp.service';
import { type Context, serviceContext } from '../context';
import { consume } from '../rateLimits';
import { authedProcedure, gateError, publicProcedure, router, signingInProcedure } from '../trpc';

const staffUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
/** The authenticator's six digits, or (at the sign-in step) a recovery code as typed. */
const totpCode = z.string().trim().min(1).max(32);
const recoveryCodes = z.array(z.string());
/** What the session must still do before anything else (null: fully signed in). */
const gate = z.enum(SIGN_IN_GATES).nullable();

function setSessionCookie(ctx: Context, token: string | null, expiresAt?: string) {
  if (ctx.res) writeSessionCookie(ctx.res, token, { secureCookie: ctx.session.secureCookie, expiresAt });
}

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }))
    .output(z.object({ user: staffUser, gate }))
    .mutation(async ({ ctx, input }) => {
      await consume(ctx.limits.login, ctx.ip ?? 'unknown');
      // Rotation: signing in always makes a new session; the one this browser had is ended.
      if (ctx.sessionToken) await logout(serviceContext(ctx), ctx.sessionToken);
      const { token, user, expiresAt, gate } = await login(serviceContext(ctx), input, ctx.session);
      setSessionCookie(ctx, token, expiresAt);
      return { user, gate };
    }),

  logout: signingInProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await logout(serviceContext(ctx), ctx.sessionToken);
    setSessionCookie(ctx, null);
    return { ok: true as const };
  }),

  /** Replaces one's own password (the only thing a session with the `password_change` gate may do). */
  changePassword: signingInProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(256) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      if (ctx.gate === 'totp_code') throw gateError(ctx.gate);
      return changeOwnPassword(serviceContext(ctx), {
        userId: ctx.staff.id,
        sessionToken: ctx.sessionToken ?? '',
        ...input,
      });
    }),

  /** The second step of signing in: the authenticator app's current code, or a recovery code. */
  totpVerify: signingInProcedure
    .input(z.object({ code: totpCode }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      verifySignInCode(serviceContext(ctx), { userId: ctx.staff.id, sessionToken: ctx.sessionToken ?? '', ...input }),
    ),

  /** Starts (or restarts) enrolling an authenticator app: the secret and its otpauth URI, shown once. */
  totpStart: signingInProcedure.output(z.object({ secret: z.string(), uri: z.string() })).mutation(({ ctx }) => {
    if (ctx.gate === 'totp_code' || ctx.gate === 'password_change') throw gateError(ctx.gate);
    return startTotpEnrolment(serviceContext(ctx), ctx.staff.id);
  }),

  /** Turns two-step verification on with a code from the newly enrolled app; the recovery codes, shown once. */
  totpConfirm: signingInProcedure
    .input(z.object({ code: totpCode }))
    .output(z.object({ ok: z.literal(true), recoveryCodes }))
    .mutation(({ ctx, input }) => {
      if (ctx.gate === 'totp_code' || ctx.gate === 'password_change') throw gateError(ctx.gate);
      return confirmTotpEnrolment(serviceContext(ctx), { userId: ctx.staff.id, ...input });
    }),

  /** The account page's two-step verification: on or off, and how many recovery codes are left. */
  twoStep: authedProcedure
    .output(z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number() }))
    .query(({ ctx }) => twoStepStatus(serviceContext(ctx), ctx.user.id)),

  /** Replaces the recovery codes (proved with the app's current code); the new ones, shown once. */
  regenerateRecoveryCodes: authedProcedure
    .input(z.object({ code: totpCode }))
    .output(z.object({ recoveryCodes }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(serviceContext(ctx), { userId: ctx.user.id, ...input })),

  /** Ends every session of the signed-in user, on every device. */
  logoutEverywhere: authedProcedure.output(z.object({ ended: z.number() })).mutation(async ({ ctx }) => {
    const ended = await logoutEverywhere(serviceContext(ctx), ctx.user.id);
    setSessionCookie(ctx, null);
    return { ended };
  }),

  /** How staff may sign in here (the login page's choice): the desk's passwords, the company's provider, or both. */
  methods: publicProcedure
    .output(z.object({ password: z.boolean(), oidc: z.boolean() }))
    .query(({ ctx }) => ({ password: ctx.session.passwordSignIn !== false, oidc: Boolean(ctx.oidc) })),

  /**
   * The signed-in user, or null: the client's way to know whether to show the login page.
   * `gate` says which sign-in step the session still owes (second factor, new password, enrolment).
   */
  me: publicProcedure
    .output(staffUser.extend({ gate }).nullable())
    .query(({ ctx }) =>
      ctx.user ? { ...ctx.user, gate: null } : ctx.gated ? { ...ctx.gated.user, gate: ctx.gated.gate } : null,
    ),
});
