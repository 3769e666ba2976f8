import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * `npm start` builds the client only when dist/ is missing or older than a client source,
 * so a fresh clone works with `npm install && npm start` and later starts are instant.
 */
const BUILT = 'dist/client/index.html';
const SOURCES = ['client', 'shared', 'vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
if (builtAt < sourcesAt) {
  console.log('Building the client…');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
