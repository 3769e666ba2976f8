import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the operator CLI (`npm run desk -- …`) as a real child process. */
export function runDesk(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<DeskRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, ['server/cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
