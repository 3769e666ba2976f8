import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from '../../shared/api/audit';
import type { Mismatch } from '../../shared/audit/expectedState';
import { type Anchor, appendAnchor, readAnchors } from '../audit/anchors';
import { openSignedAnchor, readSigningKey, readVerifyKey, signAnchor, writeSigningKey } from '../audit/signedAnchor';
import { takeAnchor } from '../audit/takeAnchor';
import { systemClock } from '../clock';
import type { Config } from '../config';
import { openDatabase } from '../db/connect';
import { builtInRulebooks } from '../rulebooks';
import { verifyAuditTrail } from '../services/audit.service';
import { beginAuditExport, completeAuditExport } from '../services/auditExport.service';
import { CLI_ACTOR } from './cliActor';

export const AUDIT_USAGE = `  audit verify [--anchor <signed.json> [--public-key <pem>]]
                                                   verify the audit hash chain (and its anchors)
  audit export --format csv|csv-excel|ndjson|dsa --out <file> [--from ISO] [--to ISO]
                                                   export the audit trail and <file>.manifest.json
  audit anchor [--sign]                            append the current head hash to the anchor file,
                                                   or print it signed (DESK_AUDIT_SIGNING_KEY_FILE)
  audit keygen <file>                              write an Ed25519 signing key (<file>) and <file>.pub`;

const BREAKS: Record<string, string> = {
  gap: 'a row is missing',
  altered: 'the row does not match the hash chain',
  truncated: 'rows an anchor recorded are gone from the end',
  anchor_mismatch: 'the chain differs from an anchored head hash',
};

/** `npm run desk -- audit <verify|export|anchor>`; returns what to print, throws one line on failure. */
export async function auditCommand(
  argv: string[],
  config: Config,
  out: NodeJS.WritableStream = process.stdout,
): Promise<string> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'verify':
      return verifyCommand(rest, config, out);
    case 'export':
      return exportCommand(rest, config);
    case 'anchor':
      return anchorCommand(rest, config);
    case 'keygen': {
      const [file, ...extra] = rest;
      if (!file || extra.length) throw new Error('usage: audit keygen <file>');
      const { publicFile, keyId } = await writeSigningKey(resolve(file)).catch((err: NodeJS.ErrnoException) => {
        throw new Error(err.code === 'EEXIST' ? `${file} or ${file}.pub exists; choose a new name` : err.message);
      });
      return `wrote the signing key ${resolve(file)} (keep it off the database host's backups) and the public key ${publicFile} (key id ${keyId})`;
    }
    default:
      throw new Error(
        'usage: audit verify [--anchor <file>] | audit export --format csv|csv-excel|ndjson|dsa --out <file> | audit anchor [--sign] | audit keygen <file>',
      );
  }
}

async function verifyCommand(argv: string[], config: Config, out: NodeJS.WritableStream): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { anchor: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  const signed = values.anchor ? [await readSignedAnchor(values.anchor, values['public-key'], config)] : [];
  return withDb(config, async (db) => {
    const result = await verifyAuditTrail({ db }, config.audit.anchorFile, signed);
    if (result.ok) return `ok ${result.count} ${result.head}`;
    if (result.mismatchCount) {
      // Every mismatch (the first hundred) on stdout, one a line; the error line sums them up.
      out.write(`${result.mismatches.map(describeMismatch).join('\n')}\n`);
    }
    if (result.firstBad === undefined) {
      const first = result.mismatches[0];
      throw new Error(
        `business tables differ from the audit trail in ${result.mismatchCount} place(s), first ${first ? describeMismatch(first) : ''}`,
      );
    }
    throw new Error(
      `audit chain broken: first bad seq ${result.firstBad}: ${BREAKS[result.reason ?? ''] ?? result.reason} ` +
        `(${(result.firstBad ?? 1) - 1} events verified before it)`,
    );
  });
}

/** `decisions 12 kind: the trail says apply, the table holds dismiss` */
function describeMismatch(m: Mismatch): string {
  if (m.field === '(row)')
    return m.expected === 'absent'
      ? `${m.table} ${m.id}: a row no audit event created`
      : `${m.table} ${m.id}: created by the audit trail, missing from the table`;
  return `${m.table} ${m.id} ${m.field}: the trail says ${m.expected ?? 'null'}, the table holds ${m.actual ?? 'null'}`;
}

/** The signed anchor given to `verify --anchor`, checked with --public-key or the signing key's public half. */
async function readSignedAnchor(file: string, publicKeyFile: string | undefined, config: Config): Promise<Anchor> {
  const keyFile = publicKeyFile ?? config.audit.signingKeyFile;
  if (!keyFile) throw new Error('--anchor needs --public-key <pem> (or DESK_AUDIT_SIGNING_KEY_FILE)');
  const key = await readVerifyKey(keyFile);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${err.code}`);
  });
  return openSignedAnchor(text, key);
}

async function anchorCommand(argv: string[], config: Config): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { sign: { type: 'boolean' }, 'print-signed': { type: 'boolean' } },
  });
  const file = config.audit.anchorFile;
  if (values.sign || values['print-signed']) {
    const keyFile = config.audit.signingKeyFile;
    if (!keyFile) throw new Error('set DESK_AUDIT_SIGNING_KEY_FILE to a key from "audit keygen <file>"');
    const key = await readSigningKey(keyFile);
    return withDb(config, async (db) => {
      // Continues the local anchors' row locator when there are any; reads the whole trail otherwise.
      const previous = file ? (await readAnchors(file)).at(-1) : undefined;
      const head = await takeAnchor(db, previous, systemClock.now());
      if (!head) throw new Error('the audit trail is empty: nothing to anchor');
      return JSON.stringify(signAnchor(head, key));
    });
  }
  return withDb(config, async (db) => {
    if (!file) throw new Error('no anchor file for this database: set DESK_AUDIT_ANCHOR_FILE');
    const head = await takeAnchor(db, (await readAnchors(file)).at(-1), systemClock.now());
    if (!head) throw new Error('the audit trail is empty: nothing to anchor');
    await appendAnchor(file, head);
    return `anchored ${head.seq} ${head.hash} in ${file}`;
  });
}

async function exportCommand(argv: string[], config: Config): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const format = values.format as AuditExportFormat | undefined;
  if (!format || !AUDIT_EXPORT_FORMATS.includes(format))
    throw new Error(`--format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}`);
  if (!values.out) throw new Error('--out <file> is required');
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && Number.isNaN(Date.parse(value))) throw new Error(`--${name} must be an ISO 8601 time`);
  }
  const out = resolve(values.out);
  // Written under another name and renamed at the end: a file named `out` is always complete.
  const partial = `${out}.partial`;

  return withDb(config, async (db) => {
    const ctx = { db, clock: systemClock, rulebooks: builtInRulebooks, audit: CLI_ACTOR };
    const job = await beginAuditExport(ctx, { format, from: values.from, to: values.to, operator: operator() });
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'audit export [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(job.total, 0);
    const file = createWriteStream(partial);
    try {
      const manifest = await completeAuditExport(ctx, job, file, (read) => bar.update(read));
      await new Promise<void>((done, fail) => file.end((err?: Error | null) => (err ? fail(err) : done())));
      await rename(partial, out);
      await writeFile(`${out}.manifest.json`, `${JSON.stringify({ file: basename(out), ...manifest }, null, 2)}\n`);
      bar.stop();
      return `exported ${manifest.count} rows to ${out} (sha256 ${manifest.sha256}); manifest ${out}.manifest.json`;
    } catch (err) {
      bar.stop();
      file.destroy();
      await rm(partial, { force: true });
      throw err;
    }
  });
}

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

async function withDb<T>(config: Config, fn: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase(config.databaseUrl);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
