import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { type ReportSubmitInput, reportSubmitInput } from '../../shared/api/intake';
import { DEFAULT_PLATFORM, PLATFORM_NAMES, platformOfRule } from '../../shared/rulebook/platforms';
import { systemClock } from '../clock';
import type { Db } from '../db/database';
import { ChangeBus } from '../events/changeBus';
import { hostileInputProblem } from '../http/hostileInput';
import { builtInRulebooks } from '../rulebooks';
import { importReports } from '../services/bulkIntake.service';
import { CLI_ACTOR } from './cliActor';

/** At most this many invalid lines are listed; the count covers them all. */
const MAX_LISTED_ERRORS = 20;

export interface ParsedImport {
  reports: ReportSubmitInput[];
  errors: string[];
  lines: number;
}

/** Reads an NDJSON file of `reports.submit` inputs; every bad line is named with its number. */
export async function parseNdjson(file: string): Promise<ParsedImport> {
  const reports: ReportSubmitInput[] = [];
  const errors: string[] = [];
  let lines = 0;
  const rl = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of rl) {
    lines += 1;
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`line ${lines}: not valid JSON`);
      continue;
    }
    // The same refusal as every tRPC call's (a lone surrogate, U+0000, absurd nesting), named
    // with its line: such text would otherwise fail the import halfway, in hashing or in storage.
    const hostile = hostileInputProblem(json);
    if (hostile) {
      errors.push(`line ${lines}: ${String(hostile.details?.field ?? '(line)')}: ${hostile.message}`);
      continue;
    }
    const parsed = reportSubmitInput.safeParse(json);
    if (parsed.success) {
      // Named with its line like a schema error, rather than failing the whole import later.
      const platform = parsed.data.subject.platform ?? DEFAULT_PLATFORM;
      if (platformOfRule(parsed.data.rule) === platform) reports.push(parsed.data);
      else errors.push(`line ${lines}: rule: ${parsed.data.rule} is not a rule of ${PLATFORM_NAMES[platform].en}`);
    } else {
      const issue = parsed.error.issues[0];
      errors.push(`line ${lines}: ${issue?.path.join('.') || '(line)'}: ${issue?.message ?? 'invalid'}`);
    }
  }
  return { reports, errors, lines };
}

/**
 * `desk import <file.ndjson>`: validates every line first and imports nothing if any is bad
 * (listing them on stdout); otherwise imports all in one transaction with a progress bar.
 */
export async function importCommand(db: Db, file: string, out: NodeJS.WritableStream): Promise<string> {
  const parsed = await parseNdjson(file).catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${err.message}`);
  });
  if (parsed.errors.length) {
    const listed = parsed.errors.slice(0, MAX_LISTED_ERRORS);
    const more = parsed.errors.length - listed.length;
    out.write(`${listed.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}\n`);
    throw new Error(`${parsed.errors.length} of ${parsed.lines} lines are invalid; nothing was imported`);
  }
  if (!parsed.reports.length) throw new Error(`${file} holds no reports`);

  // Outside a terminal (CI logs, pipes) the bar prints a line each second instead of redrawing.
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'importing [{bar}] {value}/{total} reports',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
  bar.start(parsed.reports.length, 0);
  try {
    const counts = await importReports(
      { db, clock: systemClock, rulebooks: builtInRulebooks, bus: new ChangeBus(), audit: CLI_ACTOR },
      parsed.reports,
      (n) => bar.update(n),
    );
    bar.stop();
    return `imported ${counts.reports} reports: ${counts.created} new cases, ${counts.merged} merged, ${counts.duplicates} already known (batch ${counts.batchId})`;
  } catch (err) {
    bar.stop();
    throw err;
  }
}
