/**
 * `npm run desk -- standing <file.json> [--rulebook <rulebook.json>]`: runs the rulebook engine on
 * a history file (the published contract, docs/CONTRACTS.md) and returns the standing as pretty
 * JSON. With `--rulebook`, the history is judged by that rulebook (a draft exported as JSON, in the
 * engine's format) instead of the built-in one of its platform, after the same single check every
 * saved draft passes. Every failure is an Error with a one-line message naming the file or the
 * offending field.
 */
import { readFile } from 'node:fs/promises';
import {
  parseStandingInput,
  type Rulebook,
  RulebookError,
  rulebookOf,
  StandingInputError,
  standing,
} from '../../shared/rulebook';
import { formatRulebookIssue, parseRulebook } from '../../shared/rulebook/rulebookSchema';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A rulebook file, checked like a saved draft: the first problem, at its field, in one line. */
async function readRulebook(file: string): Promise<Rulebook> {
  const raw = await readJson(file);
  const parsed = parseRulebook(raw);
  if (parsed.ok) return parsed.rulebook;
  const first = parsed.issues[0];
  throw new Error(oneLine(`standing: ${file}: invalid rulebook at ${first ? formatRulebookIssue(first) : 'its root'}`));
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `standing: ${file}: no such file`
        : oneLine(`standing: ${file}: cannot read (${String(error)})`),
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      oneLine(`standing: ${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`),
    );
  }
}

export async function standingCommand(file: string, options: { rulebook?: string } = {}): Promise<string> {
  const given = options.rulebook === undefined ? undefined : await readRulebook(options.rulebook);
  const raw = await readJson(file);
  try {
    // The history's `platform` picks the rulebook; without one its rule ids do (a mix is refused).
    // A rulebook given on the command line judges it instead (its platform must be the history's).
    const input = parseStandingInput(raw, given);
    const rulebook = given ?? rulebookOf(input.platform ?? 'taobao');
    return JSON.stringify(standing(input, input.asOf, rulebook), null, 2);
  } catch (error) {
    if (error instanceof StandingInputError || error instanceof RulebookError) {
      const where = error.path === '' ? 'invalid input: ' : 'invalid input at ';
      throw new Error(oneLine(`standing: ${file}: ${where}${error.message}`));
    }
    throw error;
  }
}
