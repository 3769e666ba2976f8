/**
 * The life of a violation (《淘宝规则》 违规处理流程): "待您處理的違規" (pending), "小二審核中的違規"
 * (review), "違規記錄" (record). "其中第一步,第二步是可以通過各種努力撤銷的,到第三步就不能撤銷了":
 * `reversed` says which stage a reversal applies to, and a reversal on the record is refused. A bare
 * id is an appeal upheld through the desk's own appeal path, as before.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingCommand } from '../../../server/cli/standing';
import {
  parseStandingInput,
  previewFinding,
  RulebookError,
  StandingInputError,
  standing,
} from '../../../shared/rulebook';
import { fake } from './helpers';

const ASOF = '2024-06-01T00:00:00+08:00';
const violations = [fake('v1', '2024-01-01', 120), fake('v2', '2024-02-01', 120)];
const input = (reversed: unknown[]) => ({ asOf: ASOF, violations, reversed });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-lifecycle-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reversals by stage (待您处理 / 小二审核中 / 违规记录)', () => {
  it.each(['pending', 'review'] as const)('a reversal at "%s" removes the violation and says the stage', (stage) => {
    const s = standing(parseStandingInput(input([{ id: 'v1', stage }])), ASOF);
    expect(s.excluded).toEqual([{ id: 'v1', reason: 'reversed', stage }]);
    expect(s.points.general).toBe(12);
    expect(s.findings.map((f) => [f.id, f.occurrence])).toEqual([['v2', 1]]);
  });

  it('"到第三步就不能撤銷了": a reversal on the record is refused, naming the entry', () => {
    const raw = input(['v2', { id: 'v1', stage: 'record' }]);
    expect(() => parseStandingInput(raw)).toThrow(StandingInputError);
    expect(() => parseStandingInput(raw)).toThrow(
      'reversed[1].stage: violation "v1" is on the violation record (违规记录), which cannot be reversed',
    );
    expect(() => standing(raw as never, ASOF)).toThrow(RulebookError);
  });

  it('the old form, a bare id, is an appeal upheld through the desk: it reverses at any stage, as before', () => {
    const s = standing(parseStandingInput(input(['v1'])), ASOF);
    expect(s.excluded).toEqual([{ id: 'v1', reason: 'reversed' }]);
    expect(s.points.general).toBe(12);
  });

  it.each([
    [[{ id: 'v1', stage: 'appealed' }], 'reversed[0]'],
    [[{ id: 'v1' }], 'reversed[0]'],
    [[{ id: 'v1', stage: 'pending', extra: true }], 'reversed[0]'],
    [[42], 'reversed[0]'],
  ])('refuses a malformed reversal %j at %s', (reversed, path) => {
    try {
      parseStandingInput(input(reversed));
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(StandingInputError);
      expect((error as StandingInputError).path.startsWith(path)).toBe(true);
    }
  });

  it('the CLI fails with one line on a reversal on the record', async () => {
    const file = join(dir, 'record.json');
    await writeFile(file, JSON.stringify(input([{ id: 'v1', stage: 'record' }])));
    const error = await standingCommand(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^standing: .*record\.json: invalid input at reversed\[0\]\.stage: violation "v1"/);
    expect(error?.message).not.toContain('\n');
  });

  it('a preview ignores a staged reversal of the proposed id, like a bare one', () => {
    const preview = previewFinding({ violations, reversed: [{ id: 'p', stage: 'review' }] }, ASOF, {
      id: 'p',
      rule: 'fake-transaction',
      at: '2024-03-01T10:00:00+08:00',
      facts: { transactions: 10 },
    });
    // The third fake transaction, under 96: "每次將會以一般違規行為扣12分".
    expect(preview.finding).toMatchObject({ id: 'p', occurrence: 3, points: 12 });
  });
});
