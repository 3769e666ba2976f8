import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take a minute or more, longest first (measured: `npm test` on 2 cores).
 * Vitest orders by the durations it cached last run, or, on a fresh clone as in CI, by file
 * size, which put the 16-reviewer race (a small file, two minutes) last: one worker ran it
 * alone while the other sat idle. Starting these first lets the small files fill in around them.
 */
const SLOW_FILES = [
  'integration/claimRace.test.ts',
  'integration/auditMillion.test.ts',
  'integration/fuzz.test.ts',
  'integration/cli.test.ts',
  'e2e/decide.e2e.test.ts',
  'integration/importCli.test.ts',
  'integration/auditExport.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FILES.findIndex((name) => f.moduleId.endsWith(`/test/${name}`));
      return i === -1 ? SLOW_FILES.length : i;
    };
    // Stable: the rest keep the order Vitest chose.
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}
