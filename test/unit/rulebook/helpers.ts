/** Small builders for rulebook tests: histories read like the seeds' examples. */
import {
  defaultRulebook,
  type Facts,
  type Rulebook,
  type RuleDefinition,
  type Standing,
  standing,
  type Violation,
} from '../../../shared/rulebook';

/**
 * Serious points of any size, for node tests. No Taobao rule lets the reviewer choose serious
 * points (the 1688 rule that once did now charges 1688's own ledger), so the tests add one.
 */
export const SERIOUS_BY_REVIEWER = 'test-serious-by-reviewer';

const seriousByReviewer: RuleDefinition = {
  id: SERIOUS_BY_REVIEWER,
  name: { zh: '测试：审核员选定严重违规扣分', en: 'Test: serious points chosen by the reviewer' },
  platform: 'Taobao',
  counting: 'ever',
  facts: {
    points: { type: 'integer', min: 0, description: { zh: '扣分', en: 'Points' } },
    measures: { type: 'measures', description: { zh: '措施', en: 'Measures' } },
  },
  versions: [
    {
      effectiveFrom: '1970-01-01',
      source: 'test',
      summary: { zh: '测试规则', en: 'Test rule' },
      ledger: 'serious',
      cases: [
        {
          basis: { zh: '测试', en: 'Test' },
          outcome: 'points',
          points: { fromFact: 'points', default: 0 },
          measures: { fromFact: 'measures' },
        },
      ],
      measures: ['public-warning'],
    },
  ],
};

/** Taobao's rulebook plus the test rule above: Taobao histories judge exactly as by `defaultRulebook`. */
export const taobaoForTests: Rulebook = {
  ...defaultRulebook,
  rules: [...defaultRulebook.rules, seriousByReviewer],
};

/** A violation at platform time (UTC+8) `at`, e.g. `2024-01-01T10:00`. */
export function v(id: string, rule: string, at: string, facts: Facts = {}): Violation {
  return { id, rule, at: at.length === 10 ? `${at}T10:00:00+08:00` : `${at}:00+08:00`, facts };
}

/** Serious points chosen by the reviewer, on Taobao's serious ledger. */
export function serious(id: string, at: string, points: number, measures?: string[]): Violation {
  return v(id, SERIOUS_BY_REVIEWER, at, measures ? { points, measures } : { points });
}

export function run(
  violations: Violation[],
  asOf: string,
  options: { reversed?: string[]; rulebook?: Rulebook } = {},
): Standing {
  const asOfIso = asOf.length === 10 ? `${asOf}T23:59:59+08:00` : `${asOf}:00+08:00`;
  return standing({ violations, reversed: options.reversed ?? [] }, asOfIso, options.rulebook ?? taobaoForTests);
}

export function finding(s: Standing, id: string) {
  const f = s.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
}

/** Fake transaction shorthand. */
export function fake(id: string, at: string, transactions: number, extra: Facts = {}): Violation {
  return v(id, 'fake-transaction', at, { transactions, items: [], ...extra });
}
