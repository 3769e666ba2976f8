import type { TFunction } from 'i18next';
import type { RoutingMatch } from '../../../shared/cases/routing';

/**
 * A routing rule's conditions as phrases, one per condition ("Violation: A or B").
 * Every listed value is an alternative, hence a disjunction; no condition matches every case.
 */
export function describeMatch(match: RoutingMatch, t: TFunction, language: string): string[] {
  const anyOf = (values: string[]) => new Intl.ListFormat(language, { type: 'disjunction' }).format(values);
  const phrases: string[] = [];
  if (match.rules?.length) {
    // A stored rule id the rulebook no longer has is shown as it is.
    const names = match.rules.map((r) => t(`rule.${r}`, { defaultValue: r }));
    phrases.push(t('queues.routing.condition.rules', { list: anyOf(names) }));
  }
  if (match.subjectKinds?.length) {
    const kinds = match.subjectKinds.map((k) => t(`subjectKind.${k}`));
    phrases.push(t('queues.routing.condition.subjectKinds', { list: anyOf(kinds) }));
  }
  if (match.sources?.length) {
    const sources = match.sources.map((s) => t(`source.${s}`));
    phrases.push(t('queues.routing.condition.sources', { list: anyOf(sources) }));
  }
  if (match.minSeverity !== undefined) {
    phrases.push(t('queues.routing.condition.minSeverity', { n: match.minSeverity }));
  }
  return phrases.length ? phrases : [t('queues.routing.condition.anything')];
}
