/**
 * The rulebook format (`Rulebook` in types.ts) as a zod schema, so a rulebook that arrives as
 * JSON (a draft saved from the browser, a file given to the `standing` CLI, a row read back from
 * the database) is checked field by field before the engine ever reads it. `parseRulebook` adds
 * the consistency check of checkRulebook.ts: together they are the one check every write of a
 * rulebook passes, and every problem names its field (`rules[2].versions[1].cases[0].points`).
 */
import { z } from 'zod';
import { checkRulebook } from './checkRulebook';
import { PLATFORM_IDS } from './platforms';
import { formatPath } from './schema';
import { OUTCOMES, RULEBOOK_SETTING_VALUES, type Rulebook, type RulebookSettingName } from './types';

/** Generous for any clause a platform writes, small enough that a hostile draft cannot bloat the table. */
const MAX_TEXT = 4000;
const MAX_ID = 80;
const MAX_LIST = 500;

const text = z.string().max(MAX_TEXT);
const id = z
  .string()
  .min(1, { error: 'expected a non-empty id' })
  .max(MAX_ID, { error: `expected at most ${MAX_ID} characters` });
const localized = z.strictObject({ zh: text, en: text });
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'expected a date YYYY-MM-DD',
});
const count = z.number().int({ error: 'expected a whole number' }).min(0, { error: 'expected 0 or more' });
const positive = z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected 1 or more' });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST);
const measureIds = list(id);
const scalar = z.union([z.string().max(MAX_TEXT), z.number(), z.boolean()]);
const factEquals = z.strictObject({ fact: id, equals: scalar });

const factSpec = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('integer'),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    required: z.boolean().optional(),
    requiredWhen: factEquals.optional(),
    description: localized,
  }),
  z.strictObject({ type: z.literal('boolean'), description: localized }),
  z.strictObject({
    type: z.literal('enum'),
    values: list(id).min(1),
    required: z.boolean().optional(),
    description: localized,
  }),
  z.strictObject({ type: z.literal('strings'), required: z.boolean().optional(), description: localized }),
  z.strictObject({ type: z.literal('measures'), description: localized }),
]);

const SETTING_NAMES = Object.keys(RULEBOOK_SETTING_VALUES) as [RulebookSettingName, ...RulebookSettingName[]];

type ConditionInput =
  | { fact: string; equals: string | number | boolean }
  | { fact: string; atLeast: number }
  | { fact: string; below: number }
  | { occurrence: { atLeast?: number; atMost?: number } }
  | { tagged: { tag: string; atLeast: number; includeCurrent: boolean } }
  | { setting: RulebookSettingName; equals: string }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

const condition: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ fact: id, equals: scalar }),
      z.strictObject({ fact: id, atLeast: z.number() }),
      z.strictObject({ fact: id, below: z.number() }),
      z.strictObject({ occurrence: z.strictObject({ atLeast: count.optional(), atMost: count.optional() }) }),
      z.strictObject({ tagged: z.strictObject({ tag: id, atLeast: count, includeCurrent: z.boolean() }) }),
      z.strictObject({ setting: z.enum(SETTING_NAMES), equals: text }),
      z.strictObject({ all: list(condition) }),
      z.strictObject({ any: list(condition) }),
      z.strictObject({ not: condition }),
    ],
    { error: 'expected a condition (fact, occurrence, tagged, setting, all, any or not)' },
  ),
);

const fromFact = z.strictObject({ fromFact: id, default: count });

const outcomeCase = z.strictObject({
  when: condition.optional(),
  basis: localized,
  outcome: z.enum(OUTCOMES),
  ledger: id.optional(),
  points: z.union([count, z.strictObject({ perUnit: id, each: count }), fromFact], {
    error: 'expected points: a whole number, {perUnit, each} or {fromFact, default}',
  }),
  cap: z.strictObject({ group: id, points: count, withinDays: positive }).optional(),
  measures: z.strictObject({ fixed: measureIds.optional(), fromFact: id.optional() }).optional(),
  tags: list(id).optional(),
  strike: z.boolean().optional(),
  punishment: z
    .strictObject({
      measures: measureIds,
      days: z.union([positive, fromFact, z.null()], {
        error: 'expected days: a whole number, {fromFact, default} or null (permanent)',
      }),
      whileLedgerBelow: count.optional(),
    })
    .optional(),
  nodeMeasures: measureIds.optional(),
});

const ruleVersion = z.strictObject({
  effectiveFrom: localDate,
  source: text,
  summary: localized,
  ledger: id,
  cases: list(outcomeCase),
  overrides: list(outcomeCase).optional(),
  measures: measureIds,
  demotion: z.strictObject({ itemsFact: id, days: positive, measure: id }).optional(),
  nodeMeasures: measureIds.optional(),
});

const rule = z.strictObject({
  id,
  name: localized,
  platform: text,
  counting: z.enum(['ever', 'year']),
  facts: z.record(id, factSpec),
  versions: list(ruleVersion),
});

const days = z.union([positive, z.null()], { error: 'expected a whole number of days, or null (permanent)' });

const nodeScale = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('thresholds'),
    nodes: list(z.strictObject({ points: positive, measures: measureIds, days })),
  }),
  z.strictObject({ kind: z.literal('every'), step: positive, measures: measureIds, days }),
  z.strictObject({ kind: z.literal('none') }),
]);

const ledgerPolicy = z.strictObject({
  name: localized,
  nodes: nodeScale,
  yearEnd: z.strictObject({
    keepAtOrAbove: count.optional(),
    carryOver: z.strictObject({ atOrAbove: count, points: count, clearIfAddedBelow: count }).optional(),
  }),
  strikes: z.strictObject({ limit: positive, measures: measureIds, counting: z.enum(['ever', 'year']) }).optional(),
});

/** Exactly the `Rulebook` type: unknown fields are refused (a misspelt key would silently do nothing). */
export const rulebookSchema = z.strictObject({
  id,
  platform: z.enum(PLATFORM_IDS),
  name: localized,
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-720, { error: 'expected minutes between -720 and 840' })
    .max(840, { error: 'expected minutes between -720 and 840' }),
  measures: z.record(id, z.strictObject({ label: localized, seals: z.boolean().optional() })),
  ledgers: z.record(id, ledgerPolicy),
  rules: list(rule),
  appeals: z.strictObject({ defaultDays: positive, byRule: z.record(id, positive) }),
  fourEyes: z.strictObject({
    seriousPoints: z.boolean(),
    sealing: z.boolean(),
    measures: measureIds,
    waiveSerious: z.boolean(),
  }),
  settings: z
    .strictObject({ bulkRegistrationSeals: z.enum(RULEBOOK_SETTING_VALUES.bulkRegistrationSeals) })
    .partial()
    .optional(),
});

// The schema's output must be a `Rulebook` (checked by the compiler, not at run time).
type Parsed = z.infer<typeof rulebookSchema>;
const _isRulebook = (value: Parsed): Rulebook => value;
void _isRulebook;

/** One problem with a rulebook, at its field: `rules[2].versions[1].cases[0].points`. */
export interface RulebookIssue {
  path: string;
  message: string;
}

export type RulebookParse = { ok: true; rulebook: Rulebook } | { ok: false; issues: RulebookIssue[] };

/**
 * checkRulebook words its problems as `rules.<id>@<effectiveFrom>.cases[0]: …`; the editor
 * needs the field itself, so the rule id and the version date become their indexes.
 */
export function issueOfProblem(rulebook: Rulebook, problem: string): RulebookIssue {
  const split = problem.indexOf(': ');
  const where = split < 0 ? '' : problem.slice(0, split);
  const message = split < 0 ? problem : problem.slice(split + 2);
  const ruleAt = /^rules\.([^@]+?)(?:@([^.[]+))?((?:[.[].*)?)$/.exec(where);
  if (!ruleAt) return { path: where, message };
  const [, ruleId, date, rest] = ruleAt;
  // A duplicate id is reported for the later rule: point at the last one with that id.
  const indexes = rulebook.rules.flatMap((r, i) => (r.id === ruleId ? [i] : []));
  const index = message === 'duplicate rule id' ? indexes.at(-1) : indexes[0];
  if (index === undefined) return { path: where, message };
  let path = `rules[${index}]`;
  if (date !== undefined) {
    const version = rulebook.rules[index]?.versions.findIndex((v) => v.effectiveFrom === date) ?? -1;
    path += version < 0 ? '.versions' : `.versions[${version}]`;
  }
  return { path: `${path}${rest ?? ''}`, message };
}

/**
 * The single check on every write of a rulebook: the shape (zod), then consistency
 * (checkRulebook). Problems come back in document order, each at its field.
 */
export function parseRulebook(raw: unknown): RulebookParse {
  const shaped = rulebookSchema.safeParse(raw);
  if (!shaped.success) {
    return {
      ok: false,
      issues: shaped.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
          : [{ path: formatPath(issue.path), message: issue.message }],
      ),
    };
  }
  const rulebook = shaped.data as Rulebook;
  const problems = checkRulebook(rulebook);
  if (problems.length) return { ok: false, issues: problems.map((p) => issueOfProblem(rulebook, p)) };
  return { ok: true, rulebook };
}

/** The first problem as one line, `path: message` (the CLI's and the API's wording). */
export function formatRulebookIssue(issue: RulebookIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
