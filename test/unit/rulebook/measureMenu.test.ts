/**
 * Measures belong to their rule: a reviewer's `measures` come from the rule's own list, for the
 * version in force when the violation was committed. 《淘宝虚假交易认定与处罚细则》 on false evidence:
 * "首次發生的,給予警告,再次及以上的,每次將會扣6分" — so `account-sealed` on a first finding, which
 * used to seal the account, is refused wherever the input comes in: the input schema
 * (StandingInputError) and the `standing` CLI (one line, exit 1); the engine itself, which also
 * replays findings stored before the check, never applies it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingCommand } from '../../../server/cli/standing';
import {
  checkRulebook,
  defaultRulebook,
  measureMenu,
  parseStandingInput,
  type Rulebook,
  StandingInputError,
  standing,
  xianyuRulebook,
} from '../../../shared/rulebook';

const ASOF = '2024-06-01T00:00:00+08:00';
const firstFalseEvidence = { id: 'e1', rule: 'false-appeal-evidence', at: '2024-03-01T10:00:00+08:00' };
const sealedOnFirst = { asOf: ASOF, violations: [{ ...firstFalseEvidence, facts: { measures: ['account-sealed'] } }] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-menu-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('measures belong to their rule', () => {
  it('"首次發生的,給予警告": the schema refuses account-sealed on a first false-appeal-evidence finding', () => {
    expect(() => parseStandingInput(sealedOnFirst)).toThrow(StandingInputError);
    expect(() => parseStandingInput(sealedOnFirst)).toThrow(
      'violations[0].facts.measures[0]: measure "account-sealed" is not one of rule "false-appeal-evidence"\'s measures (warning)',
    );
  });

  it('the engine never applies it, so a finding stored before the check cannot seal an account that way', () => {
    const s = standing(sealedOnFirst, ASOF);
    expect(s).toMatchObject({ sealed: false, points: { general: 0 }, punishments: [] });
    expect(s.findings[0]).toMatchObject({ outcome: 'warning', measures: ['warning'] });
    const offered = standing(
      { violations: [{ ...firstFalseEvidence, facts: { measures: ['warning', 'account-sealed'] } }] },
      ASOF,
    );
    expect(offered.findings[0]?.measures).toEqual(['warning']);
  });

  it('the CLI fails with one line naming the measure', async () => {
    const file = join(dir, 'sealed.json');
    await writeFile(file, JSON.stringify(sealedOnFirst));
    const error = await standingCommand(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^standing: .*sealed\.json: invalid input at violations\[0\]\.facts\.measures\[0\]: measure "account-sealed" is not one/,
    );
    expect(error?.message).not.toContain('\n');
  });

  it('the menu is the version in force when the violation was committed (《淘宝规则》第六十五条, 2016-08-02)', () => {
    const input = (at: string) => ({
      asOf: ASOF,
      violations: [{ id: 'm', rule: 'member-rights-abuse', at, facts: { measures: ['gains-recovered'] } }],
    });
    // "並對濫用會員權利獲得的不當利益…進行返還或收回" arrived with the 2016 article.
    expect(() => parseStandingInput(input('2016-08-01T10:00:00+08:00'))).toThrow(
      'violations[0].facts.measures[0]: measure "gains-recovered" is not one of rule "member-rights-abuse"',
    );
    expect(parseStandingInput(input('2016-08-02T10:00:00+08:00')).violations).toHaveLength(1);
  });

  it('a measure in no table is still "unknown"', () => {
    const raw = { ...sealedOnFirst, violations: [{ ...firstFalseEvidence, facts: { measures: ['jail'] } }] };
    expect(() => parseStandingInput(raw)).toThrow('violations[0].facts.measures[0]: unknown measure "jail"');
  });

  it('every measure a rule applies by itself is on its own menu, in every rulebook', () => {
    for (const rulebook of [defaultRulebook, xianyuRulebook]) expect(checkRulebook(rulebook)).toEqual([]);
    const rule = defaultRulebook.rules.find((r) => r.id === 'false-appeal-evidence');
    expect(rule && [...measureMenu(rule)]).toEqual(['warning']);
    const broken: Rulebook = {
      ...defaultRulebook,
      rules: defaultRulebook.rules.map((r) =>
        r.id === 'false-appeal-evidence'
          ? {
              ...r,
              versions: r.versions.map((version) => ({
                ...version,
                cases: version.cases.map((c) => ({ ...c, measures: { fixed: ['account-sealed'] } })),
              })),
            }
          : r,
      ),
    };
    expect(checkRulebook(broken)).toContain(
      'rules.false-appeal-evidence@1970-01-01.cases[0]: measure "account-sealed" is not on the rule\'s menu',
    );
  });
});
