import { describe, expect, it } from 'vitest';
import { pickReader, READER_STALLED_MS } from '../../../server/db/sqlite/sqlite3Dialect';

/** A reader as the choice sees it: statements in flight, and since when it has not answered. */
const reader = (name: string, inFlight: number, stalledMs = 0) => ({
  name,
  inFlight,
  stalledMs: () => stalledMs,
});

describe('pickReader: where a read outside a transaction goes', () => {
  it('takes turns among idle readers', () => {
    const readers = [reader('a', 0), reader('b', 0), reader('c', 0)];
    expect([0, 1, 2, 3].map((turn) => pickReader(readers, turn, 0).name)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('prefers the reader with the fewest statements in flight', () => {
    const readers = [reader('a', 2), reader('b', 1), reader('c', 3)];
    expect([0, 1, 2].map((turn) => pickReader(readers, turn, 0).name)).toEqual(['b', 'b', 'b']);
  });

  it('avoids a reader stalled on a long statement, even for one with more reads queued', () => {
    const readers = [reader('a', 1, READER_STALLED_MS), reader('b', 4, 1)];
    expect([0, 1].map((turn) => pickReader(readers, turn, 0).name)).toEqual(['b', 'b']);
  });

  it('when every reader is stalled, the fewest in flight', () => {
    const readers = [reader('a', 3, 500), reader('b', 1, 40)];
    expect(pickReader(readers, 0, 0).name).toBe('b');
  });

  it('has nothing to pick without readers', () => {
    expect(() => pickReader([], 0, 0)).toThrow(/no readers/);
  });
});
