import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from '../../shared/api/audit';
import { appendAnchor } from '../audit/anchors';
import { systemClock } from '../clock';
import type { Config } from '../config';
import { openDatabase } from '../db/connect';
import { auditEventsRepo } from '../db/repositories/auditEvents.repo';
import { verifyAuditTrail } from '../services/audit.service';
import { beginAuditExport, completeAuditExport } from '../services/auditExport.service';
import { CLI_ACTOR } from './cliActor';

export const AUDIT_USAGE = `  audit verify                                     verify the audit hash chain (and its anchors)
  audit export --format csv|csv-excel|ndjson|dsa --out <file> [--from ISO] [--to ISO]
                                                   export the audit trail and <file>.manifest.json
  audit anchor                                     append the current head hash to the anchor file`;

const BREAKS: Record<string, string> = {
  gap: 'a row is missing',
  altered: 'the row does not match the hash chain',
  truncated: 'rows an anchor recorded are gone from the end',
  anchor_mismatch: 'the chain differs from an anchored head hash',
};

/** `npm run desk -- audit <verify|export|anchor>`; returns what to print, throws one line on failure. */
export async function auditCommand(argv: string[], config: Config): Promise<string> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'verify':
      return withDb(config, async (db) => {
        const result = await verifyAuditTrail({ db }, config.audit.anchorFile);
        if (result.ok) return `ok ${result.count} ${result.head}`;
        throw new Error(
          `audit chain broken: first bad seq ${result.firstBad}: ${BREAKS[result.reason ?? ''] ?? result.reason} ` +
            `(${result.count} events verified before it)`,
        );
      });
    case 'export':
      return exportCommand(rest, config);
    case 'anchor':
      return withDb(config, async (db) => {
        const file = config.audit.anchorFile;
        if (!file) throw new Error('no anchor file for this database: set DESK_AUDIT_ANCHOR_FILE');
        const head = await auditEventsRepo.head(db);
        if (!head) throw new Error('the audit trail is empty: nothing to anchor');
        await appendAnchor(file, { at: systemClock.now().toISOString(), seq: head.seq, hash: head.hash });
        return `anchored ${head.seq} ${head.hash} in ${file}`;
      });
    default:
      throw new Error(
        'usage: audit verify | audit export --format csv|csv-excel|ndjson|dsa --out <file> | audit anchor',
      );
  }
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
    const ctx = { db, clock: systemClock, audit: CLI_ACTOR };
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
