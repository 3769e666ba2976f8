import { isIP } from 'node:net';
import { verifyPassword } from '../auth/passwords';
import type { Executor } from '../db/database';
import { usersRepo } from '../db/repositories/users.repo';
import { DEMO_PASSWORD, DEMO_USERS, type DemoLogin } from './seedDemo';

/**
 * The demo accounts this database holds: enabled demo usernames whose password is still the
 * published one. Demo users share one hash when seeded, so this is usually a single argon2 check;
 * an account whose password was changed is no longer a demo login.
 */
export async function demoAccountsIn(db: Executor): Promise<DemoLogin[]> {
  const rows = await usersRepo.enabledByUsernames(
    db,
    DEMO_USERS.map((u) => u.username),
  );
  const published = new Map<string, boolean>();
  for (const hash of new Set(rows.map((r) => r.password_hash))) {
    published.set(hash, await verifyPassword(hash, DEMO_PASSWORD));
  }
  return rows
    .filter((r) => published.get(r.password_hash))
    .map((r) => ({ username: r.username, password: DEMO_PASSWORD, role: r.role }));
}

/** Only this machine can reach it: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Start-up refused: printed as one line by `npm start`, which then exits 1. */
export class DemoExposureError extends Error {}

/**
 * A desk with the published demo password must not be reachable from the network, unless the
 * operator says so (`DESK_DEMO_ALLOW_REMOTE=1`, e.g. a shared demo behind a VPN).
 */
export function assertDemoNotExposed(
  config: { host: string; demoAllowRemote: boolean },
  what: 'holds' | 'would seed',
): void {
  if (config.demoAllowRemote || isLoopbackHost(config.host)) return;
  throw new DemoExposureError(
    what === 'holds'
      ? `Refusing to listen on HOST=${config.host}: this database holds demo accounts with the published password (${DEMO_PASSWORD}). Change or disable them, listen on 127.0.0.1, or set DESK_DEMO_ALLOW_REMOTE=1.`
      : `Refusing to seed demo accounts on a desk listening on HOST=${config.host}: set DESK_DEMO=0 for a real database, listen on 127.0.0.1, or set DESK_DEMO_ALLOW_REMOTE=1.`,
  );
}
