import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/** A port nothing listens on right now (the OS picks it; we let go of it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface DeskProcess {
  url: string;
  child: ChildProcess;
  /** kill -9 of the desk and the node process tsx started under it. */
  kill(): Promise<void>;
  /** SIGTERM: the desk closes cleanly. */
  stop(): Promise<void>;
}

/**
 * `tsx server/index.ts` as a real child process, in its own process group so that one signal
 * reaches tsx and the node process it runs the server in. Resolves once /healthz answers.
 */
export async function startDeskProcess(env: Record<string, string> & { PORT: string }): Promise<DeskProcess> {
  const child = spawn(TSX, ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // SIGKILL goes to the whole group (tsx cannot relay it); SIGTERM to tsx, which relays it once.
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(name === 'SIGKILL' ? -(child.pid as number) : (child.pid as number), name);
    } catch {
      // Already gone.
    }
    await exited;
  };
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the desk exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await signal('SIGKILL');
      throw new Error(`the desk did not come up: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    kill: () => signal('SIGKILL'),
    stop: async () => {
      const timer = setTimeout(() => void signal('SIGKILL'), 10_000);
      await signal('SIGTERM');
      clearTimeout(timer);
    },
  };
}
