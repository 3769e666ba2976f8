/**
 * Validation of the engine's input (docs/CONTRACTS.md): `{asOf, violations: [{id, rule, at, facts}], reversed?}`.
 * The facts of each violation are checked against the fact declarations of its rule in the
 * rulebook, so the CLI, the API and the decision panel reject the same things with the same words.
 * Unknown facts are rejected: a misspelt flag (`largescale`) would otherwise silently change a verdict.
 */
import { z } from 'zod';
import { compileRulebook, versionInForce } from './compile';
import { defaultRulebook } from './defaultRulebook';
import { platformOfHistory } from './historyPlatform';
import { PLATFORM_IDS, PLATFORM_NAMES, platformOfRule, rulebookOf } from './platforms';
import { parseInstant } from './time';
import type { FactSpec, Rulebook, RuleDefinition, StandingInput } from './types';

/** `['violations', 2, 'facts', 'items']` → `violations[2].facts.items`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per issue: `violations[0].facts.transactions: expected an integer ≥ 0`. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = formatPath(issue.path);
    return issue.keys.map((k) => `${where === '' ? k : `${where}.${k}`}: ${issue.message}`).join('; ');
  }
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** Invalid engine input; `message` is one line naming the first offending field. */
export class StandingInputError extends Error {
  readonly issues: readonly z.core.$ZodIssue[];
  readonly path: string;

  constructor(issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    super(first ? formatIssue(first) : 'invalid input');
    this.name = 'StandingInputError';
    this.issues = issues;
    this.path = first ? formatPath(first.path) : '';
  }
}

function factSchema(spec: FactSpec, rulebook: Rulebook): z.ZodType {
  switch (spec.type) {
    case 'integer': {
      const bounds = spec.max === undefined ? `≥ ${spec.min ?? 0}` : `between ${spec.min ?? 0} and ${spec.max}`;
      const message = `expected an integer ${bounds}`;
      let schema = z.number({ error: message }).int({ error: message });
      if (spec.min !== undefined) schema = schema.min(spec.min, { error: message });
      if (spec.max !== undefined) schema = schema.max(spec.max, { error: message });
      return spec.required ? schema : schema.optional();
    }
    case 'boolean':
      return z.boolean({ error: 'expected true or false' }).optional();
    case 'enum': {
      const schema = z.enum(spec.values as [string, ...string[]], {
        error: `expected one of ${spec.values.join(', ')}`,
      });
      return spec.required ? schema : schema.optional();
    }
    case 'strings': {
      const schema = z.array(z.string({ error: 'expected a string' }), { error: 'expected an array of strings' });
      return spec.required ? schema : schema.optional();
    }
    case 'measures':
      return z
        .array(
          z.string({ error: 'expected a measure id' }).refine((m) => Object.hasOwn(rulebook.measures, m), {
            error: (issue) => `unknown measure ${JSON.stringify(issue.input)}`,
          }),
          { error: 'expected an array of measure ids' },
        )
        .optional();
  }
}

/** Zod schema of one rule's facts, generated from its declarations. */
export function factsSchema(
  rule: RuleDefinition,
  rulebook: Rulebook = defaultRulebook,
): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(rule.facts)) shape[name] = factSchema(spec, rulebook);
  const known = Object.keys(rule.facts);
  const takes = known.length === 0 ? 'takes no facts' : `takes ${known.join(', ')}`;
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `unknown fact for rule "${rule.id}" (it ${takes})` : undefined,
    })
    .superRefine((facts, ctx) => {
      for (const [name, spec] of Object.entries(rule.facts)) {
        if (spec.type !== 'integer' || !spec.requiredWhen || facts[name] !== undefined) continue;
        const { fact, equals } = spec.requiredWhen;
        if (facts[fact] === equals) {
          ctx.addIssue({ code: 'custom', path: [name], message: `required when ${fact} is ${String(equals)}` });
        }
      }
    }) as z.ZodType<Record<string, unknown>>;
}

/** Zod schema of the engine input for a rulebook. */
export function createStandingInputSchema(rulebook: Rulebook = defaultRulebook): z.ZodType<StandingInput> {
  const compiled = compileRulebook(rulebook);
  const offset = rulebook.utcOffsetMinutes;
  const ruleIds = rulebook.rules.map((r) => r.id);
  const factSchemas = new Map(rulebook.rules.map((r) => [r.id, factsSchema(r, rulebook)]));
  const instant = z
    .string({ error: 'expected an ISO 8601 date-time string' })
    .refine((s) => parseInstant(s, offset) !== null, {
      error: (issue) =>
        `expected an ISO 8601 date-time such as 2024-01-01T10:00:00+08:00, got ${JSON.stringify(issue.input)}`,
    });
  const violation = z.object(
    {
      id: z.string({ error: 'expected a non-empty string' }).min(1, { error: 'expected a non-empty string' }),
      rule: z.string({ error: 'expected a rule id' }),
      at: instant,
      recordedAt: instant.optional(),
      facts: z.record(z.string(), z.unknown(), { error: 'expected an object' }).default({}),
    },
    { error: 'expected an object {id, rule, at, facts}' },
  );
  return z
    .object(
      {
        platform: z.enum(PLATFORM_IDS, { error: `expected one of ${PLATFORM_IDS.join(', ')}` }).optional(),
        asOf: instant,
        violations: z.array(violation, { error: 'expected an array of violations' }),
        reversed: z
          .array(z.string({ error: 'expected a violation id' }), { error: 'expected an array of violation ids' })
          .optional(),
      },
      { error: 'expected an object {asOf, violations, reversed?}' },
    )
    .superRefine((input, ctx) => {
      if (input.platform !== undefined && input.platform !== rulebook.platform) {
        ctx.addIssue({
          code: 'custom',
          path: ['platform'],
          message: `the history names platform ${input.platform}, but it is judged by platform ${rulebook.platform}'s rulebook`,
        });
      }
      const seen = new Set<string>();
      input.violations.forEach((v, index) => {
        if (seen.has(v.id))
          ctx.addIssue({
            code: 'custom',
            path: ['violations', index, 'id'],
            message: `duplicate violation id "${v.id}"`,
          });
        seen.add(v.id);
        const rule = compiled.rules.get(v.rule);
        const facts = factSchemas.get(v.rule);
        if (!rule || !facts) {
          const owner = platformOfRule(v.rule);
          ctx.addIssue({
            code: 'custom',
            path: ['violations', index, 'rule'],
            message:
              owner === undefined
                ? `unknown rule "${v.rule}"; expected one of ${ruleIds.join(', ')}`
                : `rule "${v.rule}" is a ${PLATFORM_NAMES[owner].en} rule (platform ${owner}), not one of platform ${rulebook.platform}'s; expected one of ${ruleIds.join(', ')}`,
          });
          return;
        }
        const parsed = facts.safeParse(v.facts);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
            for (const key of keys) {
              const path = ['violations', index, 'facts', ...issue.path, ...(key === undefined ? [] : [key])];
              ctx.addIssue({ code: 'custom', path, message: issue.message });
            }
          }
        }
        const atMs = parseInstant(v.at, offset);
        const recordedMs = v.recordedAt === undefined ? null : parseInstant(v.recordedAt, offset);
        if (atMs !== null && recordedMs !== null && recordedMs < atMs) {
          ctx.addIssue({
            code: 'custom',
            path: ['violations', index, 'recordedAt'],
            message: 'a violation cannot go on record before it was committed',
          });
        }
        if (atMs !== null && !versionInForce(rule, atMs)) {
          ctx.addIssue({
            code: 'custom',
            path: ['violations', index, 'at'],
            message: `rule "${v.rule}" is not in force before ${rule.definition.versions[0]?.effectiveFrom ?? 'any date'} (platform time)`,
          });
        }
      });
    }) as unknown as z.ZodType<StandingInput>;
}

/** The schema for the default (Taobao) rulebook. */
export const standingInputSchema = createStandingInputSchema(defaultRulebook);

const schemas = new WeakMap<Rulebook, z.ZodType<StandingInput>>([[defaultRulebook, standingInputSchema]]);

function schemaOf(rulebook: Rulebook): z.ZodType<StandingInput> {
  let schema = schemas.get(rulebook);
  if (!schema) {
    schema = createStandingInputSchema(rulebook);
    schemas.set(rulebook, schema);
  }
  return schema;
}

/**
 * Validates raw input (e.g. parsed JSON); throws `StandingInputError` with a one-line message.
 * Without `rulebook`, the input's `platform` — or, when absent, its rule ids — picks the rulebook
 * (the `standing` contract), and a history mixing platforms is refused naming the first violation
 * that does not fit. The result always names the `platform` that judges it.
 */
export function parseStandingInput(raw: unknown, rulebook?: Rulebook): StandingInput {
  let judgedBy = rulebook;
  if (!judgedBy) {
    const looksLikeHistory = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const resolved = platformOfHistory(looksLikeHistory ? (raw as Record<string, unknown>) : {});
    if (resolved.problem) {
      const { path, message } = resolved.problem;
      throw new StandingInputError([{ code: 'custom', path, message, input: raw } as z.core.$ZodIssue]);
    }
    judgedBy = rulebookOf(resolved.platform);
  }
  const result = schemaOf(judgedBy).safeParse(raw);
  if (!result.success) throw new StandingInputError(result.error.issues);
  return { ...result.data, platform: judgedBy.platform };
}
