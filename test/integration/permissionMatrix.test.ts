import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { ChangeBus } from '../../server/events/changeBus';
import { builtInRulebooks } from '../../server/rulebooks';
import { appRouter } from '../../server/trpc/appRouter';
import { createContextInner } from '../../server/trpc/context';
import { createRateLimits } from '../../server/trpc/rateLimits';
import { createCallerFactory, type ProcedureMeta } from '../../server/trpc/trpc';
import { can, ROLES, type Role } from '../../shared/auth/roles';
import { DeskError } from '../../shared/errors/deskError';
import { startTestServer, type TestServer } from '../support/testServer';

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: 'query' | 'mutation' | 'subscription' } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

/** Calls one procedure by its dotted path with `{}`; returns the error it failed with, if any. */
async function call(caller: unknown, path: string, type: string): Promise<unknown> {
  const fn = path.split('.').reduce<any>((node, part) => node[part], caller);
  try {
    const result = await fn({});
    if (type === 'subscription' && result && typeof result[Symbol.asyncIterator] === 'function') {
      await result[Symbol.asyncIterator]().return?.();
    }
    return null;
  } catch (err) {
    return err;
  }
}

/** Denied by the access layer (not by a domain rule such as four-eyes or queue membership). */
function accessDenied(err: unknown): boolean {
  return (
    err instanceof TRPCError &&
    (err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN') &&
    !(err.cause instanceof DeskError)
  );
}

function allowed(meta: ProcedureMeta, role: Role | null): boolean {
  if (meta.access === 'public') return true;
  if (!role) return false;
  if (meta.access === 'authenticated') return true;
  return can(role, meta.access);
}

describe('the permission matrix, enforced on every procedure', () => {
  let server: TestServer;
  const createCaller = createCallerFactory(appRouter);
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.stop());

  it('has no procedure without a declared access rule', () => {
    expect(procedures.length).toBeGreaterThan(30);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
    // Only signing in (and asking whether one is signed in, and how one may) is open to anyone.
    const open = procedures.filter(([, p]) => p._def.meta?.access === 'public').map(([path]) => path);
    expect(open.sort()).toEqual(['auth.login', 'auth.me', 'auth.methods']);
  });

  it.each([null, ...ROLES])('allows and denies exactly what the matrix says for %s', async (role) => {
    const ctx = createContextInner(
      {
        db: server.db,
        clock: systemClock,
        rulebooks: builtInRulebooks,
        bus: new ChangeBus(),
        session: { absoluteMs: 3_600_000, idleMs: 3_600_000, secureCookie: false },
        limits: createRateLimits({ loginPer5Min: 100_000, intakePerSecond: 100_000 }),
      },
      { user: role ? { id: 999_999, username: `as-${role}`, displayName: role, role } : null },
    );
    const caller = createCaller(ctx);
    const mismatches: string[] = [];
    for (const [path, procedure] of procedures) {
      // Signing out would end the matrix's own session; it is `authenticated` and tested elsewhere.
      if (path.startsWith('auth.logout')) continue;
      const meta = procedure._def.meta as ProcedureMeta;
      const err = await call(caller, path, procedure._def.type);
      const expected = allowed(meta, role);
      if (expected === accessDenied(err))
        mismatches.push(`${path} (${meta.access}): expected ${expected ? 'allow' : 'deny'}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('opens nothing to integration tokens beyond their scopes', async () => {
    const scoped = procedures
      .filter(([, p]) => p._def.meta?.tokenScope)
      .map(([path, p]) => `${path}:${p._def.meta?.tokenScope}`);
    // The whole surface integrations can reach; anything new here must be a deliberate choice.
    expect(scoped.sort()).toEqual(
      expect.arrayContaining(['appeals.status:appeals', 'appeals.submit:appeals', 'reports.submit:intake']),
    );
    for (const scope of ['intake', 'appeals', 'enforcement'] as const) {
      const ctx = createContextInner(
        {
          db: server.db,
          clock: systemClock,
          rulebooks: builtInRulebooks,
          bus: new ChangeBus(),
          session: { absoluteMs: 1, idleMs: 1, secureCookie: false },
          limits: createRateLimits({ loginPer5Min: 100_000, intakePerSecond: 100_000 }),
        },
        { integration: { id: 1, name: 'matrix', scopes: [scope] } },
      );
      const caller = createCaller(ctx);
      for (const [path, procedure] of procedures) {
        const meta = procedure._def.meta as ProcedureMeta;
        if (meta.access === 'public' || path.startsWith('auth.')) continue;
        const err = await call(caller, path, procedure._def.type);
        expect(accessDenied(err), `${path} with a ${scope} token`).toBe(meta.tokenScope !== scope);
      }
    }
  });
});
