import { readFileSync } from 'node:fs';

/**
 * The fields of a /proc `stat` line (Linux) after the command name, which sits in parentheses and
 * may itself hold spaces and parentheses: `fields[0]` is the state, `[11]`/`[12]` utime/stime in
 * clock ticks, `[16]` the nice value (the line's 3rd, 14th, 15th and 19th fields).
 */
export function procStatFields(file: string): string[] {
  const line = readFileSync(file, 'utf8');
  return line.slice(line.lastIndexOf(')') + 2).split(' ');
}
