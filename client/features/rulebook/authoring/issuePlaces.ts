/**
 * Where in the draft a problem is, in words (`严重违规 › 第 2 个节点 › 持续天数`), for the list of
 * problems above the forms: the path itself (`ledgers.serious.nodes.nodes[1].days`) is for machines.
 */
import type { TFunction } from 'i18next';
import type { LocalizedText, Rulebook } from '../../../../shared/rulebook/types';

/** `ledgers.serious.nodes.nodes[1].days` → `['ledgers', 'serious', 'nodes', 'nodes', 1, 'days']`. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/** The field names the forms show, by the last key of a path. */
const FIELD_KEYS: Record<string, string> = {
  points: 'rulebookAuthoring.rule.points',
  days: 'rulebookAuthoring.ledger.days',
  measures: 'rulebookAuthoring.ledger.measures',
  step: 'rulebookAuthoring.ledger.step',
  keepAtOrAbove: 'rulebookAuthoring.ledger.keepAtOrAbove',
  carryOver: 'rulebookAuthoring.ledger.carryOver',
  atOrAbove: 'rulebookAuthoring.ledger.carryAtOrAbove',
  clearIfAddedBelow: 'rulebookAuthoring.ledger.clearIfAddedBelow',
  limit: 'rulebookAuthoring.ledger.strikeLimit',
  effectiveFrom: 'rulebookAuthoring.rule.effectiveFrom',
  source: 'rulebookAuthoring.rule.source',
  ledger: 'rulebookAuthoring.rule.ledger',
  outcome: 'rulebookAuthoring.rule.outcome',
  counting: 'rulebookAuthoring.rule.counting',
  each: 'rulebookAuthoring.rule.perUnitEach',
  default: 'rulebookAuthoring.rule.fromFactDefault',
  zh: 'rulebookAuthoring.measure.labelZh',
  en: 'rulebookAuthoring.measure.labelEn',
};

export function describePlace(
  t: TFunction,
  localized: (text: LocalizedText) => string,
  rulebook: Rulebook,
  path: string,
  /** Leave out the rule, ledger or measure itself (a heading already names it). */
  withoutHead = false,
): string {
  const parts = splitPath(path);
  const words: string[] = [];
  const [head, second] = parts;
  if (head === 'ledgers' && typeof second === 'string') {
    const ledger = rulebook.ledgers[second];
    words.push(ledger ? localized(ledger.name) : t('rulebookAuthoring.editor.sections.ledgers'));
  } else if (head === 'rules' && typeof second === 'number') {
    const rule = rulebook.rules[second];
    words.push(rule ? localized(rule.name) : t('rulebookAuthoring.editor.sections.rules'));
  } else if (head === 'measures' && typeof second === 'string') {
    const measure = rulebook.measures[second];
    words.push(measure ? localized(measure.label) : t('rulebookAuthoring.editor.sections.measures'));
  } else if (head !== undefined) {
    words.push(t('rulebookAuthoring.diff.otherTitle'));
  }
  if (withoutHead) words.length = 0;
  const rule = head === 'rules' && typeof second === 'number' ? rulebook.rules[second] : undefined;
  parts.forEach((part, i) => {
    const n = parts[i + 1];
    if (typeof n !== 'number') return;
    if (part === 'versions') {
      const version = rule?.versions[n];
      if (version) words.push(t('rulebookAuthoring.rule.versionFrom', { date: version.effectiveFrom }));
    } else if (part === 'nodes') words.push(t('rulebookAuthoring.diff.node', { n: n + 1 }));
    else if (part === 'cases') words.push(t('rulebookAuthoring.diff.tier', { n: n + 1 }));
    else if (part === 'overrides') words.push(t('rulebookAuthoring.diff.override', { n: n + 1 }));
  });
  const last = [...parts].reverse().find((p) => typeof p === 'string');
  const field = typeof last === 'string' ? FIELD_KEYS[last] : undefined;
  if (field && parts.length > 2) words.push(t(field));
  return words.join(' › ');
}
