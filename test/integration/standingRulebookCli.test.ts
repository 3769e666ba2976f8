/** `npm run desk -- standing <file.json> --rulebook <rulebook.json>`: a draft judged from a file. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingCommand } from '../../server/cli/standing';
import { type Rulebook, rulebookOf, type Standing } from '../../shared/rulebook';
import { runDesk } from '../support/runDesk';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/standing', name);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-rulebook-flag-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('standing --rulebook', () => {
  it('judges by the built-in rulebook given as a file exactly as without the flag, byte for byte', async () => {
    const taobao = await write('taobao.json', rulebookOf('taobao'));
    const kuaishou = await write('kuaishou.json', rulebookOf('kuaishou'));
    for (const [name, rulebook] of [
      ['design-example.json', taobao],
      ['fake-transaction-tiers.json', taobao],
      ['counterfeit-three-strikes.json', taobao],
      ['kuaishou-unfair-competition.json', kuaishou],
    ] as const) {
      expect(await standingCommand(fixture(name), { rulebook }), name).toBe(await standingCommand(fixture(name)));
    }
    // The golden output of the engine (test/fixtures/standing/golden) with `platform` last, as without the flag.
    const golden = JSON.parse(await readFile(fixture('golden/design-example.out'), 'utf8'));
    expect(JSON.parse(await standingCommand(fixture('design-example.json'), { rulebook: taobao }))).toEqual({
      ...golden,
      platform: 'taobao',
    });
  });

  it('runs a draft: a longer general node lasts longer', async () => {
    const draft = copy(rulebookOf('taobao')) as Rulebook;
    (draft.ledgers.general as { nodes: { days: number } }).nodes.days = 14;
    const file = await write('draft.json', draft);
    const before = JSON.parse(await standingCommand(fixture('design-example.json'))) as Standing;
    const after = JSON.parse(await standingCommand(fixture('design-example.json'), { rulebook: file })) as Standing;
    expect(before.punishments[0]).toMatchObject({ node: 12, until: '2024-01-08T10:00:00+08:00' });
    expect(after.punishments[0]).toMatchObject({ node: 12, until: '2024-01-15T10:00:00+08:00' });
    expect(after.findings).toEqual(before.findings);
  });

  it('refuses an invalid rulebook at its field, and a history of another platform', async () => {
    const draft = copy(rulebookOf('taobao')) as Rulebook;
    (draft.rules[2]?.versions[0]?.cases[0] as { points: unknown }).points = -1;
    const invalid = await write('invalid.json', draft);
    await expect(standingCommand(fixture('design-example.json'), { rulebook: invalid })).rejects.toThrow(
      /^standing: .*invalid\.json: invalid rulebook at rules\[2\]\.versions\[0\]\.cases\[0\]\.points: expected 0 or more$/,
    );
    const broken = await write('broken.json', '{"id": ');
    await expect(standingCommand(fixture('design-example.json'), { rulebook: broken })).rejects.toThrow(
      /^standing: .*broken\.json: not valid JSON \(/,
    );
    const kuaishou = await write('kuaishou-book.json', rulebookOf('kuaishou'));
    await expect(standingCommand(fixture('design-example.json'), { rulebook: kuaishou })).rejects.toThrow(
      /^standing: .*design-example\.json: invalid input at violations\[0\]\.rule: /,
    );
  });

  it('exits 0 with the standing, and 1 with the field path in one line', async () => {
    const good = await write('good.json', rulebookOf('taobao'));
    const ok = await runDesk(['standing', fixture('design-example.json'), '--rulebook', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`${await standingCommand(fixture('design-example.json'))}\n`);

    const draft = copy(rulebookOf('taobao')) as Rulebook & { ledgerz?: unknown };
    draft.ledgerz = {};
    const bad = await write('bad.json', draft);
    const refused = await runDesk(['standing', '--rulebook', bad, fixture('design-example.json')]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^desk: standing: .*bad\.json: invalid rulebook at ledgerz: unknown field\n$/);
  });
});
