/** `npm run desk -- standing <file.json>`: the command behind it, on temp files and the fixtures. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingCommand } from '../../../server/cli/standing';
import type { Standing } from '../../../shared/rulebook';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/standing', name);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-standing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function runFixture(name: string): Promise<Standing> {
  return JSON.parse(await standingCommand(fixture(name))) as Standing;
}

describe('standingCommand', () => {
  it('prints the published contract example standing as pretty JSON', async () => {
    const file = await write(
      'history.json',
      JSON.stringify({
        asOf: '2024-02-20T12:00:00+08:00',
        violations: [
          {
            id: 'v1',
            rule: 'fake-transaction',
            at: '2024-01-01T10:00:00+08:00',
            facts: { transactions: 120, items: ['item-1'] },
          },
        ],
        reversed: ['v7'],
      }),
    );
    const out = await standingCommand(file);
    expect(out).toContain('\n  "asOf": "2024-02-20T12:00:00+08:00",\n');
    expect(JSON.parse(out)).toMatchObject({
      asOf: '2024-02-20T12:00:00+08:00',
      points: { general: 12, serious: 0, counterfeit: 0 },
      findings: [{ id: 'v1', ledger: 'general', points: 12, outcome: 'points' }],
      punishments: [
        {
          ledger: 'general',
          node: 12,
          measures: ['shop-shielded', 'listing-restricted', 'public-warning'],
          from: '2024-01-01T10:00:00+08:00',
          until: '2024-01-08T10:00:00+08:00',
        },
      ],
      demotions: [{ item: 'item-1', from: '2024-01-01', until: '2024-01-30', days: 30 }],
      sealed: false,
    });
  });

  it.each([
    ['missing.json', null, /^standing: .*missing\.json: no such file$/],
    ['broken.json', '{"asOf": ', /^standing: .*broken\.json: not valid JSON \(/],
    [
      'array.json',
      '[]',
      /^standing: .*array\.json: invalid input: expected an object \{asOf, violations, reversed\?\}$/,
    ],
    [
      'bad-facts.json',
      JSON.stringify({
        asOf: '2024-02-20T12:00:00+08:00',
        violations: [{ id: 'v1', rule: 'counterfeit', at: '2024-01-01T10:00:00+08:00', facts: { kind: 'listing' } }],
      }),
      /^standing: .*bad-facts\.json: invalid input at violations\[0\]\.facts\.items: required when kind is listing$/,
    ],
  ])('%s: fails with one line naming the problem', async (name, content, message) => {
    const file = content === null ? join(dir, name) : await write(name, content);
    const error = await standingCommand(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it('names the field of the invalid fixture', async () => {
    await expect(standingCommand(fixture('invalid-facts.json'))).rejects.toThrow(
      'invalid input at violations[0].facts.transactions: expected an integer',
    );
  });
});

describe('fixture histories (one per rule family)', () => {
  it('design-example.json', async () => {
    const s = await runFixture('design-example.json');
    expect(s.points.general).toBe(12);
  });

  it('fake-transaction-tiers.json: corrections, 48 general twice, then the serious rule; 39-day demotion', async () => {
    const s = await runFixture('fake-transaction-tiers.json');
    expect(s.findings.map((f) => [f.id, f.ledger, f.points, f.outcome])).toEqual([
      ['ft1', 'general', 0, 'correction'],
      ['ft2', 'general', 0, 'correction'],
      ['ft3', 'general', 48, 'points'],
      ['ft4', 'general', 48, 'points'],
      ['ft5', 'serious', 48, 'points'],
    ]);
    expect(s.points).toEqual({ general: 96, serious: 48, counterfeit: 0 });
    expect(s.sealed).toBe(true);
    expect(s.demotions.find((d) => d.item === 'item-1')).toMatchObject({
      from: '2024-01-01',
      until: '2024-02-08',
      days: 39,
    });
  });

  it('counterfeit-three-strikes.json: listing cap, carry-over and clearing, sealed by the third sale', async () => {
    const s = await runFixture('counterfeit-three-strikes.json');
    expect(s.findings.map((f) => f.points)).toEqual([12, 8, 4, 12, 12, 12]);
    expect(s.points.counterfeit).toBe(24);
    expect(s.strikes.counterfeit).toBe(3);
    expect(s.sealed).toBe(true);
    expect(s.punishments).toEqual([expect.objectContaining({ trigger: 'strikes', finding: 'c6', until: null })]);
  });

  it('rule-change-2016.json: old and new improper registration, abuse of rights before and after', async () => {
    const s = await runFixture('rule-change-2016.json');
    expect(s.findings.map((f) => [f.id, f.ledger, f.points, f.outcome, f.ruleVersion])).toEqual([
      ['r1', 'general', 12, 'points', '1970-01-01'],
      ['r2', 'general', 12, 'points', '1970-01-01'],
      ['r3', 'general', 0, 'warning', '2016-08-02'],
      ['r4', 'serious', 48, 'points', '2016-08-02'],
    ]);
    expect(s.sealed).toBe(true);
  });

  it('year-end-carry-over.json: 24 counterfeit points carried, punishments outliving the reset', async () => {
    const s = await runFixture('year-end-carry-over.json');
    expect(s.points).toEqual({ general: 0, serious: 0, counterfeit: 26 });
    expect(s.carried.counterfeit).toBe(24);
    expect(s.punishments.map((p) => [p.ledger, p.node, p.until])).toEqual([
      ['serious', 12, '2023-12-27T10:00:00+08:00'],
      ['serious', 24, '2024-01-11T10:00:00+08:00'],
      ['general', 12, '2024-01-07T20:00:00+08:00'],
    ]);
  });

  it('reviewer-rules.json: reviewer-chosen points and measures, admission, false evidence after a reversal', async () => {
    const s = await runFixture('reviewer-rules.json');
    expect(s.points).toEqual({ general: 24, serious: 12, counterfeit: 0 });
    expect(s.excluded).toEqual([{ id: 'a1', reason: 'reversed' }]);
    expect(s.findings.find((f) => f.id === 'a2')?.outcome).toBe('warning');
    expect(s.punishments.map((p) => `${p.ledger}:${p.node}`)).toEqual(['general:12', 'serious:12', 'general:24']);
  });
});

describe('fixture histories of the other platforms (the rule ids or `platform` pick the rulebook)', () => {
  it("kuaishou-unfair-competition.json: Kuaishou's tally only, the reviewer's measures, no node, no year end", async () => {
    const s = await runFixture('kuaishou-unfair-competition.json');
    expect(s.platform).toBe('kuaishou');
    expect(s.points).toEqual({ violation: 18 });
    expect(s.findings.map((f) => [f.id, f.ledger, f.points, f.measures])).toEqual([
      ['u1', 'violation', 12, ['shopping-cart-suspended']],
      ['u2', 'violation', 6, ['liquidated-damages']],
    ]);
    expect(s.punishments).toEqual([]);
  });

  it("1688-improper-info-use.json: the ladder, rung by rung, in 1688's account ledger", async () => {
    const s = await runFixture('1688-improper-info-use.json');
    expect(s.platform).toBe('1688');
    expect(s.points).toEqual({ account: 24 });
    expect(s.findings.map((f) => [f.id, f.outcome, f.points, f.measures])).toEqual([
      ['i1', 'warning', 0, ['public-warning']],
      ['i2', 'points', 12, []],
      ['i3', 'points', 12, ['business-permissions-restricted']],
    ]);
    expect(s.punishments).toEqual([]);
  });

  it("xianyu-points.json: Xianyu's two ledgers and its own punishment", async () => {
    const s = await runFixture('xianyu-points.json');
    expect(s.platform).toBe('xianyu');
    expect(s.points).toEqual({ general: 2, serious: 12 });
    expect(s.punishments).toEqual([
      expect.objectContaining({
        measures: ['all-items-deleted', 'account-controlled'],
        until: '2024-03-16T10:00:00+08:00',
      }),
    ]);
  });

  it('mixed-platforms.json: refused in one line naming the violation of the other platform', async () => {
    await expect(standingCommand(fixture('mixed-platforms.json'))).rejects.toThrow(
      /^standing: .*mixed-platforms\.json: invalid input at violations\[1\]\.rule: rule "unfair-competition" is a Kuaishou rule \(platform kuaishou\), but violations\[0\] \("counterfeit"\) is a Taobao rule \(platform taobao\): a history mixing platforms is refused/,
    );
  });
});
