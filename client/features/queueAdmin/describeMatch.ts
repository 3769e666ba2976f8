import type { TFunction } from 'i18next';
import type { RoutingMatch } from '../../../shared/cases/routing';
import { platformName, ruleNameOf } from '../../lib/platforms';

/**
 * A routing rule's conditions as phrases, one per condition ("Violation: A or B").
 * Every listed value is an alternative, hence a disjunction; no condition matches every case.
 */
export function describeMatch(match: RoutingMatch, t: TFunction, language: string): string[] {
  const anyOf = (values: string[]) => new Intl.ListFormat(language, { type: 'disjunction' }).format(values);
  const phrases: string[] = [];
  if (match.platforms?.length) {
    const names = match.platforms.map((p) => platformName(p, language));
    phrases.push(t('platforms.routing.condition', { list: anyOf(names) }));
  }
  if (match.rules?.length) {
    // A stored rule id no rulebook has any longer is shown as it is.
    const english = language.startsWith('en');
    const names = match.rules.map((r) => {
      const name = ruleNameOf(r);
      return t(`rule.${r}`, { defaultValue: name ? (english ? name.en : name.zh) : r });
    });
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
