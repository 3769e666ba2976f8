import type { z } from 'zod';
import { RULE_IDS, type RuleId } from '../../../shared/api/intake';
import type { routingMatchInput } from '../../../shared/api/queues';
import type { ReportSource, SubjectKind } from '../../../shared/cases/enums';
import type { RoutingRule } from '../../../shared/cases/routing';
import type { PlatformId } from '../../../shared/rulebook/platforms';
import { rulesOffPlatforms } from '../../lib/platforms';

/** Conditions as `queues.saveRoutingRule` accepts them: only rule ids the rulebook has. */
export type RoutingMatchInput = z.infer<typeof routingMatchInput>;

/** What the routing-rule dialog edits; an empty list means "any". */
export interface RoutingFormValues {
  queueId: string;
  platforms: PlatformId[];
  rules: string[];
  subjectKinds: SubjectKind[];
  sources: ReportSource[];
  minSeverity: number | null;
  enabled: boolean;
}

export type RoutingFormErrors = Partial<Record<'queueId' | 'rules', string>>;

export function routingFormOf(rule: RoutingRule | null, defaultQueueId: string): RoutingFormValues {
  return {
    queueId: rule?.queueId ?? defaultQueueId,
    platforms: rule?.match.platforms ?? [],
    rules: rule?.match.rules ?? [],
    subjectKinds: rule?.match.subjectKinds ?? [],
    sources: rule?.match.sources ?? [],
    minSeverity: rule?.match.minSeverity ?? null,
    enabled: rule?.enabled ?? true,
  };
}

const knownRule = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);

/** Rule ids in the form that the current rulebook no longer has (the server would refuse them). */
export function unknownRules(values: RoutingFormValues): string[] {
  return values.rules.filter((r) => !knownRule(r));
}

/**
 * Known rule ids in the form that no chosen platform judges by: with both conditions the rule
 * could never match (a subject is judged by its own platform's rules only).
 */
export function offPlatformRules(values: RoutingFormValues): string[] {
  return rulesOffPlatforms(values.rules.filter(knownRule), values.platforms);
}

/** Errors by field (i18n keys), or the match to save; conditions left empty are left out (= any). */
export function validateRoutingForm(
  values: RoutingFormValues,
  queueIds: ReadonlySet<string>,
): { errors: RoutingFormErrors; match?: RoutingMatchInput } {
  const errors: RoutingFormErrors = {};
  if (!queueIds.has(values.queueId)) errors.queueId = 'queues.routing.form.queueRequired';
  if (unknownRules(values).length) errors.rules = 'queues.routing.form.unknownRules';
  else if (offPlatformRules(values).length) errors.rules = 'platforms.routing.rulesOffPlatform';
  if (Object.keys(errors).length) return { errors };
  const match: RoutingMatchInput = {};
  if (values.platforms.length) match.platforms = values.platforms;
  if (values.rules.length) match.rules = values.rules.filter(knownRule);
  if (values.subjectKinds.length) match.subjectKinds = values.subjectKinds;
  if (values.sources.length) match.sources = values.sources;
  if (values.minSeverity !== null) match.minSeverity = values.minSeverity;
  return { errors, match };
}
