import { mkdir, open, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isRowLocator, type RowLocator } from './rowLocator';

/**
 * A head hash written outside the database. The chain proves rows were not edited or removed
 * in the middle; only an outside copy of (seq, hash) proves the tail was not cut off, or the
 * whole chain recomputed, by someone who can write to the database.
 */
export interface Anchor {
  at: string;
  seq: number;
  hash: string;
  /** Digests that name a single rewritten row (see rowLocator.ts); absent in older anchors. */
  locator?: RowLocator;
}

/**
 * Where anchors go unless DESK_AUDIT_ANCHOR_FILE says otherwise: beside a SQLite file
 * (`data/verdict.sqlite` → `data/verdict-audit-anchors.ndjson`), under `data/` named after a
 * PostgreSQL database, and nowhere for an in-memory database. One file per database, so two
 * databases never check against each other's anchors.
 */
export function defaultAnchorFile(databaseUrl: string): string | null {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path === ':memory:' || path === '') return null;
    const file = resolve(path);
    return join(dirname(file), `${basename(file, extname(file))}-audit-anchors.ndjson`);
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return null;
  const url = new URL(databaseUrl);
  const name = `${url.hostname}-${url.port || '5432'}-${url.pathname.replace(/^\//, '') || 'postgres'}`;
  return resolve('data', `${name.replace(/[^\w.-]/g, '_')}-audit-anchors.ndjson`);
}

/** The anchors in a file, oldest first; none when the file does not exist. */
export async function readAnchors(file: string): Promise<Anchor[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const lines = text.split('\n');
  const anchors: Anchor[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const anchor = parseAnchor(line);
    if (anchor) anchors.push(anchor);
    // A crash while appending can leave a torn last line; anything else malformed is tampering.
    else if (lines.slice(i + 1).some((l) => l.trim())) throw new Error(`${file}: line ${i + 1} is not an audit anchor`);
  });
  return anchors;
}

function parseAnchor(line: string): Anchor | null {
  try {
    const value = JSON.parse(line) as Partial<Anchor>;
    if (
      Number.isInteger(value.seq) &&
      (value.seq as number) > 0 &&
      typeof value.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(value.hash) &&
      typeof value.at === 'string'
    )
      return {
        at: value.at,
        seq: value.seq as number,
        hash: value.hash,
        ...(isRowLocator(value.locator) && { locator: value.locator }),
      };
  } catch {
    // not JSON: reported by the caller
  }
  return null;
}

/** Appends one anchor and flushes it to disk before returning. */
export async function appendAnchor(file: string, anchor: Anchor): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o640);
  try {
    const { at, seq, hash, locator } = anchor;
    await handle.write(`${JSON.stringify({ at, seq, hash, ...(locator && { locator }) })}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
