import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocatorState, leafOf, locateEditedRow } from '../../../server/audit/rowLocator';

const build = (count: number, edited: Set<number>) => {
  const state = new LocatorState();
  for (let seq = 1; seq <= count; seq++) state.add(seq, leafOf(`row ${seq}${edited.has(seq) ? ' (forged)' : ''}`));
  return state.snapshot();
};

describe('the row locator', () => {
  it('names any single rewritten row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 600 }), (edit, extra) => {
        const count = edit + extra;
        expect(locateEditedRow(build(count, new Set()), build(count, new Set([edit])))).toBe(edit);
      }),
      { numRuns: 60 },
    );
  });

  it('names nothing when several rows were rewritten, or none', () => {
    expect(locateEditedRow(build(300, new Set()), build(300, new Set([20, 133])))).toBeNull();
    expect(locateEditedRow(build(300, new Set()), build(300, new Set()))).toBeNull();
  });

  it('continues from a snapshot exactly as a fresh fold does', () => {
    const first = new LocatorState();
    for (let seq = 1; seq <= 70; seq++) first.add(seq, leafOf(`row ${seq}`));
    const continued = new LocatorState(first.snapshot());
    for (let seq = 71; seq <= 130; seq++) continued.add(seq, leafOf(`row ${seq}`));
    expect(continued.snapshot()).toEqual(build(130, new Set()));
    expect(leafOf('x')).toEqual(createHash('sha256').update('x').digest());
  });
});
