/**
 * The rulebook as the admin page reads it (`rulebook.get`). It mirrors the rulebook format of
 * `shared/rulebook/types.ts`, reshaped for display: records become ordered arrays, defaults are
 * resolved (a tier's ledger, absent lists) and absent values are explicit `null`s, so the client
 * never has to know the engine's fallbacks. Conditions keep their structure: the client words them
 * in the staff's language.
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { type Condition, OUTCOMES } from '../rulebook/types';

export const localizedText = z.object({ zh: z.string(), en: z.string() });

/** A platform-local calendar date, on the rulebook's clock (`utcOffsetMinutes`). */
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A key of the rulebook's `ledgers`: each platform keeps its own (Taobao: general, serious, counterfeit). */
const ledgerId = z.string();
const measureIds = z.array(z.string());
const factValue = z.union([z.string(), z.number(), z.boolean()]);

export const conditionView: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: z.string(), equals: factValue }),
    z.object({ fact: z.string(), atLeast: z.number() }),
    z.object({ fact: z.string(), below: z.number() }),
    z.object({ occurrence: z.object({ atLeast: z.number().optional(), atMost: z.number().optional() }) }),
    z.object({ tagged: z.object({ tag: z.string(), atLeast: z.number(), includeCurrent: z.boolean() }) }),
    z.object({ all: z.array(conditionView) }),
    z.object({ any: z.array(conditionView) }),
    z.object({ not: conditionView }),
  ]),
);

const fromFact = z.object({ fromFact: z.string(), default: z.number() });

export const pointsView = z.union([z.number(), z.object({ perUnit: z.string(), each: z.number() }), fromFact]);

export const tierView = z.object({
  /** `null`: applies whenever no earlier tier did. */
  when: conditionView.nullable(),
  basis: localizedText,
  outcome: z.enum(OUTCOMES),
  /** Resolved: the version's ledger unless the tier names another. */
  ledger: ledgerId,
  points: pointsView,
  cap: z.object({ group: z.string(), points: z.number(), withinDays: z.number() }).nullable(),
  measures: z.object({
    fixed: measureIds,
    /** The `measures` fact the reviewer picks further measures in, if any. */
    reviewerFact: z.string().nullable(),
  }),
  tags: z.array(z.string()),
  strike: z.boolean(),
  punishment: z
    .object({
      measures: measureIds,
      /** `null` = permanent. */
      days: z.union([z.number(), fromFact]).nullable(),
      whileLedgerBelow: z.number().nullable(),
    })
    .nullable(),
});
export type TierView = z.infer<typeof tierView>;

export const demotionView = z.object({ itemsFact: z.string(), days: z.number(), measure: z.string() });

export const ruleVersionView = z.object({
  effectiveFrom: localDate,
  /** The rule's seed gives no start date: in force for every violation the desk can hold. */
  sinceRecordsBegin: z.boolean(),
  /** Last platform-local day in force (the day before the next version); `null` = still in force. */
  inForceUntil: localDate.nullable(),
  source: z.string(),
  summary: localizedText,
  ledger: ledgerId,
  tiers: z.array(tierView),
  /** Checked after the tiers; the first match replaces the tier ("serious rule wins"). */
  overrides: z.array(tierView),
  /** The reviewer's menu of measures under this version. */
  measures: measureIds,
  demotion: demotionView.nullable(),
  /** Added to the next node punishment of the charged ledger. */
  nodeMeasures: measureIds,
});
export type RuleVersionView = z.infer<typeof ruleVersionView>;

export const FACT_TYPES = ['integer', 'boolean', 'enum', 'strings', 'measures'] as const;

export const factView = z.object({
  name: z.string(),
  type: z.enum(FACT_TYPES),
  description: localizedText,
  required: z.boolean(),
  requiredWhen: z.object({ fact: z.string(), equals: factValue }).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  values: z.array(z.string()).nullable(),
});
export type FactView = z.infer<typeof factView>;

export const ruleView = z.object({
  id: z.string(),
  name: localizedText,
  platform: z.string(),
  /** Which earlier findings count for "1st, 2nd, 3rd time": the whole history or the year. */
  counting: z.enum(['ever', 'year']),
  facts: z.array(factView),
  /** Oldest first. */
  versions: z.array(ruleVersionView).min(1),
});
export type RuleView = z.infer<typeof ruleView>;

export const measureView = z.object({
  id: z.string(),
  label: localizedText,
  /** Applying it closes the account for good. */
  seals: z.boolean(),
});
export type MeasureView = z.infer<typeof measureView>;

const nodeView = z.object({ points: z.number(), measures: measureIds, days: z.number().nullable() });

export const nodeScaleView = z.discriminatedUnion('kind', [
  /** Fixed thresholds, e.g. serious 12/24/36/48. */
  z.object({ kind: z.literal('thresholds'), nodes: z.array(nodeView) }),
  /** A node every `step` points, e.g. general every 12. */
  z.object({ kind: z.literal('every'), step: z.number(), measures: measureIds, days: z.number().nullable() }),
  z.object({ kind: z.literal('none') }),
]);
export type NodeScaleView = z.infer<typeof nodeScaleView>;

export const yearEndView = z.object({
  /** A total at or above this is kept whole at year end (the account stays sealed). */
  keepAtOrAbove: z.number().nullable(),
  carryOver: z.object({ atOrAbove: z.number(), points: z.number(), clearIfAddedBelow: z.number() }).nullable(),
});
export type YearEndView = z.infer<typeof yearEndView>;

export const ledgerView = z.object({
  id: ledgerId,
  name: localizedText,
  nodes: nodeScaleView,
  yearEnd: yearEndView,
  strikes: z.object({ limit: z.number(), measures: measureIds, counting: z.enum(['ever', 'year']) }).nullable(),
});
export type LedgerView = z.infer<typeof ledgerView>;

/** One rule version that demotes the items involved in search. */
export const searchDemotionView = demotionView.extend({ ruleId: z.string(), effectiveFrom: localDate });
export type SearchDemotionView = z.infer<typeof searchDemotionView>;

/** How long a subject may appeal: a default, and the rules that set their own window. */
export const appealPolicyView = z.object({
  defaultDays: z.number(),
  byRule: z.array(z.object({ ruleId: z.string(), days: z.number() })),
});
export type AppealPolicyView = z.infer<typeof appealPolicyView>;

/** Which decisions wait for a second person before they take effect. */
export const fourEyesView = z.object({
  seriousPoints: z.boolean(),
  sealing: z.boolean(),
  measures: measureIds,
  waiveSerious: z.boolean(),
});
export type FourEyesView = z.infer<typeof fourEyesView>;

export const rulebookView = z.object({
  id: z.string(),
  name: localizedText,
  /** Platform time, minutes from UTC: every date here is on that clock, and the client shows times on it. */
  utcOffsetMinutes: z.number(),
  /** In the rulebook's order. */
  rules: z.array(ruleView),
  measures: z.array(measureView),
  /** The platform's ledgers in its order (Taobao: general, serious, counterfeit). */
  ledgers: z.array(ledgerView),
  searchDemotion: z.array(searchDemotionView),
  appeals: appealPolicyView,
  fourEyes: fourEyesView,
});
export type RulebookView = z.infer<typeof rulebookView>;

/** `rulebook.get`: one platform's rulebook (Taobao's when no platform is asked for). */
export const rulebookGetInput = z.object({ platform: z.enum(PLATFORM_IDS).optional() }).optional();

/** `rulebook.get`'s output: the view, naming the platform whose rulebook it is. */
export const platformRulebookView = rulebookView.extend({ platform: z.enum(PLATFORM_IDS) });
export type PlatformRulebookView = z.infer<typeof platformRulebookView>;

/** `rulebook.platforms`: the platforms the desk judges, with their names and own rule ids. */
export const platformListOutput = z.array(
  z.object({ id: z.enum(PLATFORM_IDS), name: localizedText, ruleIds: z.array(z.string()) }),
);
export type PlatformListOutput = z.infer<typeof platformListOutput>;
