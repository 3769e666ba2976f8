import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';

/**
 * `desk backup <file>`: an online, consistent copy while the desk keeps running.
 * SQLite: VACUUM INTO writes a compacted snapshot inside one read transaction.
 * PostgreSQL: pg_dump in custom format (its snapshot is consistent too); it must be installed.
 */
export async function backupCommand(handle: DatabaseHandle, url: string, file: string): Promise<string> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${file} exists; choose a new file name`);
  if (handle.dialect === 'sqlite') {
    await sql`VACUUM INTO ${target}`.execute(handle.db);
  } else {
    await new Promise<void>((ok, fail) => {
      const child = spawn('pg_dump', ['--format=custom', `--file=${target}`, url], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', (err) => fail(new Error(`pg_dump could not run: ${err.message}`)));
      child.on('close', (code) =>
        code === 0 ? ok() : fail(new Error(`pg_dump failed: ${stderr.trim().split('\n')[0] ?? code}`)),
      );
    });
  }
  return `backed up ${handle.describe} to ${target} (${statSync(target).size} bytes)`;
}
