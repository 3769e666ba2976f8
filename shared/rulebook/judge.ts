/**
 * Judging one violation under the version in force when it was committed: pick the tier
 * (first matching case), then let an override replace it (《淘宝虚假交易认定与处罚细则》: "優先執行第5項").
 * History enters only through the occurrence number and tag counts; caps, nodes and years are
 * the ledgers' business (standing.ts).
 */
import { type CaseContext, matches, measuresOf, pointsOf, unique } from './conditions';
import { RulebookError } from './errors';
import {
  DEFAULT_RULEBOOK_SETTINGS,
  type Facts,
  type Ledger,
  type OutcomeCase,
  type RulebookSettings,
  type RuleVersion,
} from './types';

export interface Judgement {
  case: OutcomeCase;
  ledger: Ledger;
  /** Points the case asks for, before any cap. */
  points: number;
  tags: string[];
  measures: string[];
}

export function judge(
  version: RuleVersion,
  facts: Facts,
  occurrence: number,
  priorTagged: (tag: string) => number,
  path: string,
  settings: RulebookSettings = DEFAULT_RULEBOOK_SETTINGS,
): Judgement {
  const ctx: CaseContext = { facts, occurrence, priorTagged, currentTags: [], settings };
  const tier = version.cases.find((c) => c.when === undefined || matches(c.when, ctx));
  if (!tier)
    throw new RulebookError(path, `no case of the rule's version ${version.effectiveFrom} matches these facts`);
  const tierTags = tier.tags ?? [];
  const override = version.overrides?.find(
    (c) => c.when === undefined || matches(c.when, { ...ctx, currentTags: tierTags }),
  );
  const chosen = override ?? tier;
  const measures = measuresOf(chosen.measures, facts, new Set(version.measures));
  return {
    case: chosen,
    ledger: chosen.ledger ?? version.ledger,
    points: pointsOf(chosen.points, facts),
    tags: unique([...tierTags, ...(override?.tags ?? [])]),
    measures,
  };
}
