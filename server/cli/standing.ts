/**
 * `npm run desk -- standing <file.json>`: runs the rulebook engine on a history file
 * (the published contract, docs/CONTRACTS.md) and returns the standing as pretty JSON. Every failure is an Error with a
 * one-line message naming the file or the offending field.
 */
import { readFile } from 'node:fs/promises';
import { parseStandingInput, RulebookError, rulebookOf, StandingInputError, standing } from '../../shared/rulebook';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function standingCommand(file: string): Promise<string> {
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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(
      oneLine(`standing: ${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`),
    );
  }
  try {
    // The history's `platform` picks the rulebook; without one its rule ids do (a mix is refused).
    const input = parseStandingInput(raw);
    const rulebook = rulebookOf(input.platform ?? 'taobao');
    return JSON.stringify(standing(input, input.asOf, rulebook), null, 2);
  } catch (error) {
    if (error instanceof StandingInputError || error instanceof RulebookError) {
      const where = error.path === '' ? 'invalid input: ' : 'invalid input at ';
      throw new Error(oneLine(`standing: ${file}: ${where}${error.message}`));
    }
    throw error;
  }
}
