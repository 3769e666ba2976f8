/**
 * A changed value of the diff in words: measure ids by their names, ledgers by theirs, `null`
 * days as permanent, a new node or version in one line; never the raw code.
 */
import type { TFunction } from 'i18next';
import type { LocalizedText, Rulebook } from '../../../../shared/rulebook/types';
import { splitPath } from './issuePlaces';

type Localize = (text: LocalizedText) => string;

function isLocalized(value: unknown): value is LocalizedText {
  return Boolean(
    value && typeof value === 'object' && 'zh' in value && 'en' in value && Object.keys(value).length === 2,
  );
}

function measureName(localized: Localize, rulebooks: readonly Rulebook[], id: string): string | undefined {
  for (const rulebook of rulebooks) {
    const measure = rulebook.measures[id];
    if (measure) return localized(measure.label);
  }
  return undefined;
}

function days(t: TFunction, value: unknown): string {
  if (value === null) return t('rulebookAuthoring.ledger.permanent');
  if (typeof value === 'number') return t('rulebook.days.count', { days: value });
  return String(value);
}

/**
 * `path` is where the value sits (its last key says what it is); `rulebooks` are the draft and the
 * current rulebook, to name measures and ledgers either side has.
 */
export function describeValue(
  t: TFunction,
  localized: Localize,
  rulebooks: readonly Rulebook[],
  path: string,
  value: unknown,
): string {
  if (value === undefined) return t('rulebookAuthoring.diff.empty');
  const parts = splitPath(path);
  const last = [...parts].reverse().find((p) => typeof p === 'string');
  if (last === 'days' || (last === 'punishment' && value === null)) return days(t, value);
  if (value === null) return t('rulebookAuthoring.diff.empty');
  if (typeof value === 'boolean')
    return value ? t('rulebookAuthoring.diff.sealedYes') : t('rulebookAuthoring.diff.sealedNo');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (last === 'outcome') return t(`rulebook.outcome.${value}`, { defaultValue: value });
    if (last === 'counting') return t(`rulebookAuthoring.rule.countingValues.${value}`, { defaultValue: value });
    if (last === 'ledger') {
      for (const rulebook of rulebooks) {
        const ledger = rulebook.ledgers[value];
        if (ledger) return localized(ledger.name);
      }
    }
    if (last === 'kind') return t(`rulebookAuthoring.ledger.kinds.${value}`, { defaultValue: value });
    return measureName(localized, rulebooks, value) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('rulebookAuthoring.diff.empty');
    return value.map((v) => describeValue(t, localized, rulebooks, `${path}[0]`, v)).join('、');
  }
  if (isLocalized(value)) return localized(value);
  const object = value as Record<string, unknown>;
  // A node punishment: its total, measures and duration.
  if (typeof object.points === 'number' && Array.isArray(object.measures) && 'days' in object) {
    return t('rulebookAuthoring.diff.newNode', {
      points: object.points,
      measures: describeValue(t, localized, rulebooks, `${path}.measures`, object.measures),
      days: days(t, object.days),
    });
  }
  // A whole rule version.
  if (typeof object.effectiveFrom === 'string' && Array.isArray(object.cases)) {
    return t('rulebookAuthoring.diff.newVersion', { date: object.effectiveFrom });
  }
  if (typeof object.fromFact === 'string' && typeof object.default === 'number') {
    return t('rulebook.points.fromFact', { default: object.default });
  }
  if (typeof object.each === 'number') return `${t('rulebookAuthoring.rule.perUnitEach')} ${object.each}`;
  // Anything else the forms do not edit (a condition, a new fact) reads as compact JSON.
  return JSON.stringify(value);
}
