import { useTranslation } from 'react-i18next';
import { platformOfRule, rulebookOf } from '../../../shared/rulebook/platforms';
import { formatList } from '../../lib/formatList';
import { measureOf } from '../../lib/platforms';
import type { Worth } from './VerdictWorth';

/**
 * A verdict's parts in words outside any one rulebook's page (the adjudication list spans every
 * platform): ledger names from the rule's own platform, measure labels, fact names and values.
 */
export function useVerdictText() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const local = (text: { zh: string; en: string }) => (english ? text.en : text.zh);
  const ledgerName = (rule: string | null, ledger: string) => {
    const platform = rule ? platformOfRule(rule) : undefined;
    const policy = platform
      ? (rulebookOf(platform).ledgers as Record<string, { name: { zh: string; en: string } }>)[ledger]
      : undefined;
    return policy ? local(policy.name) : ledger;
  };
  const measureName = (id: string) => {
    const m = measureOf(id);
    return m ? local(m.label) : id;
  };
  return {
    points: (rule: string | null, worth: Worth | null) =>
      worth
        ? t('preview.points', { points: worth.points, ledger: ledgerName(rule, worth.ledger) })
        : t('qa.adjudication.noPoints'),
    measures: (worth: Worth | null) =>
      worth && worth.measures.length > 0
        ? formatList(worth.measures.map(measureName), i18n.language)
        : t('qa.adjudication.noMeasures'),
    factName: (rule: string | null, name: string) =>
      t([`factByRule.${rule ?? ''}.${name}`, `fact.${name}`], { defaultValue: name }),
    factValue: (value: unknown): string => {
      if (typeof value === 'boolean') return t(value ? 'qa.adjudication.yes' : 'qa.adjudication.no');
      if (Array.isArray(value))
        return formatList(
          value.map((v) => (measureOf(String(v)) ? measureName(String(v)) : String(v))),
          i18n.language,
        );
      if (typeof value === 'string') return t(`factValue.${value}`, { defaultValue: value });
      return String(value);
    },
  };
}
