import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slowFirstSequencer';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Browser tests each start a server and a Chromium; two at a time is what 2 cores bear.
    maxWorkers: 2,
    reporters: ['default', './test/support/plainSummaryReporter.ts'],
    sequence: { sequencer: SlowFirstSequencer },
  },
});
