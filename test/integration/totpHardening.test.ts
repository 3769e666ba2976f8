import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../../server/clock';
import { signInAttemptsRepo } from '../../server/db/repositories/signInAttempts.repo';
import {
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  twoStepStatus,
  verifySignInCode,
} from '../../server/services/totp.service';
import { DeskError } from '../../shared/errors/deskError';
import { createStaff, systemContext } from '../support/factories';
import { totpCode } from '../support/signInSteps';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const STEP_MS = 30_000;

/** The reason a call was refused with (or "passed"). */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'passed';
  } catch (err) {
    if (err instanceof DeskError) return err.reason;
    throw err;
  }
}

/**
 * The one-time parts of the second factor, at the service: a time step's code signs in once
 * (also when two sign-ins race with it), and each recovery code works once.
 */
describe.each(BACKENDS)('TOTP codes and recovery codes are single-use on %s', (backend) => {
  let server: TestServer;
  const clock = fakeClock('2026-03-02T09:00:05.000Z');
  const ctx = () => systemContext(server.db, clock);
  let ids: Map<string, number>;

  /** Enrols the user at the clock's step; returns the secret and the recovery codes shown once. */
  async function enrol(username: string) {
    const userId = ids.get(username) ?? 0;
    const { secret } = await startTotpEnrolment(ctx(), userId);
    const { recoveryCodes } = await confirmTotpEnrolment(ctx(), { userId, code: totpCode(secret, clock.now()) });
    return { userId, secret, recoveryCodes };
  }
  const signInWith = (userId: number, code: string) =>
    verifySignInCode(ctx(), { userId, sessionToken: 'no-session', code });
  /** A later step's code, with the account's failure count cleared by a good one in between. */
  const nextStep = () => clock.advance(STEP_MS);

  beforeAll(async () => {
    server = await startTestServer(backend);
    ids = await createStaff(server.db, [
      { username: 'tf.replay', role: 'admin' },
      { username: 'tf.race', role: 'admin' },
      { username: 'tf.recover', role: 'reviewer' },
    ]);
  });
  afterAll(() => server?.stop());

  it('refuses a code whose time step was used, and an older step after a newer one', async () => {
    const { userId, secret } = await enrol('tf.replay');
    // The enrolment spent the current step: its code does not sign in.
    expect(await outcome(signInWith(userId, totpCode(secret, clock.now())))).toBe('totp_code_used');
    nextStep();
    const code = totpCode(secret, clock.now());
    expect(await outcome(signInWith(userId, code))).toBe('passed');
    expect(await outcome(signInWith(userId, code))).toBe('totp_code_used');
    // The next step's code (one step of drift) is fresh; after it, the current one is old.
    expect(await outcome(signInWith(userId, totpCode(secret, new Date(clock.now().getTime() + STEP_MS))))).toBe(
      'passed',
    );
    expect(await outcome(signInWith(userId, totpCode(secret, new Date(clock.now().getTime() - STEP_MS))))).toBe(
      'totp_code_used',
    );
    const failures = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'auth.login_failed')
      .where('target_id', '=', String(userId))
      .execute();
    expect(failures.map((f) => JSON.parse(f.data ?? '{}').reason)).toEqual([
      'totp_code_used',
      'totp_code_used',
      'totp_code_used',
    ]);
  });

  it('lets exactly one of parallel sign-ins with the same code pass', async () => {
    const { userId, secret } = await enrol('tf.race');
    for (let round = 0; round < 3; round++) {
      // The refused attempts count toward the lock (five per account); each round starts clear.
      await signInAttemptsRepo.clearForUser(server.db, userId);
      clock.advance(2 * STEP_MS);
      const code = totpCode(secret, clock.now());
      const results = await Promise.all([1, 2, 3, 4].map(() => outcome(signInWith(userId, code))));
      expect(results.sort()).toEqual(['passed', 'totp_code_used', 'totp_code_used', 'totp_code_used']);
    }
  });

  it('shows ten recovery codes once, keeps only hashes, and takes each once in place of a code', async () => {
    const { userId, secret, recoveryCodes } = await enrol('tf.recover');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z]{5}-[a-z]{5}$/);
    const stored = await server.db
      .selectFrom('totp_recovery_codes')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    expect(stored).toHaveLength(10);
    const everything = JSON.stringify([stored, await server.db.selectFrom('audit_events').select('data').execute()]);
    for (const c of recoveryCodes) expect(everything).not.toContain(c.replace('-', ''));
    for (const c of recoveryCodes) expect(everything).not.toContain(c);

    const [first = '', second = '', third = ''] = recoveryCodes;
    // Typed in capitals and without the dash, it is the same code.
    expect(await outcome(signInWith(userId, first.toUpperCase().replace('-', ' ')))).toBe('passed');
    expect(await outcome(signInWith(userId, first))).toBe('invalid_recovery_code');
    expect(await outcome(signInWith(userId, 'aaaaa-bbbbb'))).toBe('invalid_recovery_code');
    // Two parallel sign-ins with the same recovery code: one passes.
    expect((await Promise.all([1, 2, 3].map(() => outcome(signInWith(userId, second))))).sort()).toEqual([
      'invalid_recovery_code',
      'invalid_recovery_code',
      'passed',
    ]);
    expect(await twoStepStatus(ctx(), userId)).toEqual({ enabled: true, recoveryCodesLeft: 8 });
    const verified = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'auth.mfa_verified')
      .where('target_id', '=', String(userId))
      .orderBy('seq')
      .execute();
    expect(verified.map((v) => JSON.parse(v.data ?? '{}'))).toEqual([
      { method: 'recovery_code', recoveryCodesLeft: 9 },
      { method: 'recovery_code', recoveryCodesLeft: 8 },
    ]);

    // New codes need the app's current code (not a recovery code), replace every earlier one, and are audited.
    expect(await outcome(regenerateRecoveryCodes(ctx(), { userId, code: third }))).toBe('invalid_totp_code');
    nextStep();
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(ctx(), {
      userId,
      code: totpCode(secret, clock.now()),
    });
    expect(fresh).toHaveLength(10);
    expect(await outcome(signInWith(userId, third))).toBe('invalid_recovery_code');
    expect(await outcome(signInWith(userId, fresh[0] ?? ''))).toBe('passed');
    const generated = await server.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'user.recovery_codes_generated')
      .where('target_id', '=', String(userId))
      .orderBy('seq')
      .execute();
    expect(generated.map((g) => JSON.parse(g.data ?? '{}'))).toEqual([
      { count: 10, reason: 'enrolment' },
      { count: 10, reason: 'regenerated' },
    ]);
  });

  it('counts wrong recovery codes toward the same lock as wrong codes', async () => {
    const userId = ids.get('tf.recover') ?? 0;
    const results: string[] = [];
    for (let i = 0; i < 6; i++) results.push(await outcome(signInWith(userId, `wrong-${i}xxxx`)));
    expect(results.slice(0, 5)).toEqual(Array(5).fill('invalid_recovery_code'));
    expect(results[5]).toBe('account_locked');
  });
});
