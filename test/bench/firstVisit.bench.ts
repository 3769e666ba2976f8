/**
 * What a first visit to the desk transfers: index.html and every script and stylesheet it
 * names, fetched from a running server the way a browser asks for them (Accept-Encoding:
 * gzip, deflate, br), counting the bytes on the wire (compressed bodies as sent). Beside it,
 * the same files uncompressed and gzip-only. Run: npx tsx test/bench/firstVisit.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/server';

const dir = mkdtempSync(join(tmpdir(), 'verdict-visit-'));
const server = await startServer(
  loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'desk.sqlite')}`, DESK_DEMO: '0', LOG_LEVEL: 'silent' }),
  { logger: pino({ level: 'silent' }) },
);

function get(path: string, acceptEncoding: string) {
  return new Promise<{ bytes: number; encoding: string; body: Buffer }>((resolve, reject) => {
    request(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
    })
      .on('error', reject)
      .end();
  });
}

try {
  const index = await get('/', '');
  const html = index.body.toString('utf8');
  if (!html.includes('<script')) throw new Error('the client is not built: run npm run build');
  // What the first screen loads: the entry script, its preloaded chunks and the stylesheets.
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  for (const [label, accept] of [
    ['browser (br, gzip)', 'gzip, deflate, br'],
    ['gzip only', 'gzip'],
    ['uncompressed', ''],
  ] as const) {
    const responses = await Promise.all([get('/', accept), ...assets.map((a) => get(a, accept))]);
    const total = responses.reduce((sum, r) => sum + r.bytes, 0);
    const encodings = [...new Set(responses.slice(1).map((r) => r.encoding))].join(', ');
    console.log(
      `first visit, ${label.padEnd(18)} ${kb(total).padStart(7)} on the wire (index.html + ${assets.length} assets; ${encodings})`,
    );
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
