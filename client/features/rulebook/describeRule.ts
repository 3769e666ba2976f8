/**
 * Words a rulebook's structured parts (conditions, points, durations) in the staff's language.
 * Pure functions of the data and `t`, so every tier reads the same way wherever it is shown.
 */
import type { TFunction } from 'i18next';
import type { TierView } from '../../../shared/api/rulebook';
import type { Condition } from '../../../shared/rulebook/types';

type ConditionValue = string | number | boolean;
type FromFact = { fromFact: string; default: number };

function value(t: TFunction, v: ConditionValue): string {
  if (typeof v === 'boolean') return v ? t('rulebook.condition.yes') : t('rulebook.condition.no');
  return String(v);
}

function occurrence(t: TFunction, { atLeast, atMost }: { atLeast?: number; atMost?: number }): string {
  if (atLeast !== undefined && atMost !== undefined) {
    return atLeast === atMost
      ? t('rulebook.condition.occurrenceExactly', { n: atLeast })
      : t('rulebook.condition.occurrenceRange', { from: atLeast, to: atMost });
  }
  if (atLeast !== undefined) return t('rulebook.condition.occurrenceAtLeast', { n: atLeast });
  if (atMost === 1) return t('rulebook.condition.occurrenceExactly', { n: 1 });
  return t('rulebook.condition.occurrenceUpTo', { n: atMost });
}

export function describeCondition(t: TFunction, condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => describeNested(t, c)).join(t('rulebook.condition.and'));
  if ('any' in condition) return condition.any.map((c) => describeNested(t, c)).join(t('rulebook.condition.or'));
  if ('not' in condition) return t('rulebook.condition.not', { condition: describeCondition(t, condition.not) });
  if ('occurrence' in condition) return occurrence(t, condition.occurrence);
  if ('tagged' in condition) {
    const { tag, atLeast, includeCurrent } = condition.tagged;
    return t(includeCurrent ? 'rulebook.condition.taggedWithThis' : 'rulebook.condition.tagged', {
      n: atLeast,
      tag,
    });
  }
  if ('setting' in condition) {
    return t('rulebook.condition.equals', {
      fact: t(`rulebookSettings.${condition.setting}.name`),
      value: t(`rulebookSettings.${condition.setting}.${condition.equals}`),
    });
  }
  if ('equals' in condition)
    return t('rulebook.condition.equals', { fact: condition.fact, value: value(t, condition.equals) });
  if ('atLeast' in condition)
    return t('rulebook.condition.atLeast', { fact: condition.fact, value: condition.atLeast });
  return t('rulebook.condition.below', { fact: condition.fact, value: condition.below });
}

/** Parenthesised when mixing "and" with "or", so the reading stays unambiguous. */
function describeNested(t: TFunction, condition: Condition): string {
  const text = describeCondition(t, condition);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}

/** The condition of a tier; a tier without one applies whenever no earlier tier did. */
export function describeWhen(t: TFunction, when: TierView['when'], isOnlyTier: boolean): string {
  if (when) return describeCondition(t, when);
  return isOnlyTier ? t('rulebook.condition.always') : t('rulebook.condition.otherwise');
}

export function describePoints(t: TFunction, points: TierView['points']): string {
  if (typeof points === 'number') return t('rulebook.points.fixed', { points });
  if ('perUnit' in points) return t('rulebook.points.perUnit', { unit: points.perUnit, each: points.each });
  return t('rulebook.points.fromFact', { default: points.default });
}

/** How long a punishment lasts: days, reviewer-chosen days, or permanent (`null`). */
export function describeDays(t: TFunction, days: number | FromFact | null): string {
  if (days === null) return t('rulebook.days.permanent');
  if (typeof days === 'number') return t('rulebook.days.count', { days });
  return t('rulebook.days.fromFact', { fact: days.fromFact, default: days.default });
}
