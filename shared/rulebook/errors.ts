/**
 * The one error the engine throws: input it cannot judge (an unknown rule, a time that is not
 * ISO 8601, a rule not yet in force). `path` names the offending field, e.g. `violations[2].at`,
 * so callers can print a one-line message.
 */
export class RulebookError extends Error {
  readonly path: string;

  constructor(path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`);
    this.name = 'RulebookError';
    this.path = path;
  }
}
