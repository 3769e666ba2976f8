/**
 * A history of Taobao rules that names no platform gives, byte for byte, the output of the engine
 * before platforms existed, with `platform` added as the last field. The goldens in
 * test/fixtures/standing/golden were printed by that engine (`standing <fixture>`) on these fixtures;
 * they are `.out` files so that no formatter rewrites their bytes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standingCommand } from '../../../server/cli/standing';

const fixtures = join(import.meta.dirname, '../../fixtures/standing');

describe('Taobao histories without a platform', () => {
  it.each([
    'counterfeit-three-strikes.json',
    'design-example.json',
    'fake-transaction-tiers.json',
    'reviewer-rules.json',
    'rule-change-2016.json',
    'year-end-carry-over.json',
  ])('%s: the output of the engine before platforms, plus "platform": "taobao" at the end', async (name) => {
    const before = (await readFile(join(fixtures, 'golden', name.replace(/\.json$/, '.out')), 'utf8')).trimEnd();
    expect(before.endsWith('\n}')).toBe(true);
    const expected = `${before.slice(0, -2)},\n  "platform": "taobao"\n}`;
    expect(await standingCommand(join(fixtures, name))).toBe(expected);
  });
});
