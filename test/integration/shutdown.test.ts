import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DeskProcess, freePort, startDeskProcess } from '../support/deskProcess';

/** The error code of a GET on a new connection (no pooled keep-alive one), or undefined when it is answered. */
function connectError(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(undefined));
    })
      .on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
      .end();
  });
}

// SIGTERM (what an orchestrator sends before it kills): stop taking connections, let the
// requests in flight finish, stop the jobs, close the database, exit 0.
describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-shutdown-'));
  let desk: DeskProcess | undefined;
  afterAll(async () => {
    await desk?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a slow request in flight, refuses new connections, and exits 0', async () => {
    const port = await freePort();
    desk = await startDeskProcess({
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'desk.sqlite')}`,
      DESK_DEMO: '0',
      DESK_AUDIT_ANCHOR_FILE: 'off',
      DESK_SHUTDOWN_GRACE_SECONDS: '60',
    });
    const exited = new Promise<number | null>((resolve) => desk?.child.once('exit', (code) => resolve(code)));

    // A sign-in whose body arrives in two halves: the server holds it open in between.
    const body = Buffer.from(JSON.stringify({ username: 'nobody', password: 'not-a-password-at-all' }));
    const slow = request(`${desk.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      slow.on('error', reject);
    });
    // "100 Continue" is sent once the server has the request's headers: it is in flight from then on.
    await new Promise<void>((resolve) => slow.once('continue', () => resolve()));
    slow.write(body.subarray(0, 10));

    process.kill(desk.child.pid as number, 'SIGTERM');
    // New connections are refused once the listener is closed (polled: the signal takes a moment).
    // One that raced the close may be accepted and then reset as idle (ECONNRESET): poll on.
    let refused: string | undefined;
    for (let tries = 0; tries < 400 && refused !== 'ECONNREFUSED'; tries++) {
      refused = await connectError(`${desk.url}/healthz`);
      if (refused !== 'ECONNREFUSED') await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused).toBe('ECONNREFUSED');
    expect(desk.child.exitCode).toBeNull();

    slow.end(body.subarray(10));
    const response = await answered;
    // A complete answer to the complete request: the unknown user is refused, in JSON.
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toMatchObject({ error: { data: { code: 'UNAUTHORIZED' } } });
    expect(await exited).toBe(0);
  }, 120_000);
});
