import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerView, MeasureView, RulebookView } from '../../../shared/api/rulebook';

interface RulebookLookup {
  view: RulebookView;
  measures: ReadonlyMap<string, MeasureView>;
  ledgers: ReadonlyMap<string, LedgerView>;
}

const RulebookContext = createContext<RulebookLookup | null>(null);

/** Makes the loaded rulebook and its lookup tables available to every part of the page. */
export function RulebookProvider({ view, children }: { view: RulebookView; children: ReactNode }) {
  const value = useMemo(
    () => ({
      view,
      measures: new Map(view.measures.map((m) => [m.id, m])),
      ledgers: new Map(view.ledgers.map((l) => [l.id, l])),
    }),
    [view],
  );
  return <RulebookContext.Provider value={value}>{children}</RulebookContext.Provider>;
}

export function useRulebook(): RulebookLookup {
  const value = useContext(RulebookContext);
  if (!value) throw new Error('useRulebook outside RulebookProvider');
  return value;
}

/**
 * Picks the staff's language from rulebook text. Rule, ledger and measure names are rulebook data
 * carrying both languages, so they are not in the i18next catalogues.
 */
export function useLocalized(): (text: { zh: string; en: string }) => string {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (text) => (english ? text.en : text.zh);
}

/** A rule's name in the staff's language, or its id when the rulebook has no such rule. */
export function useRuleName(): (id: string) => string {
  const { view } = useRulebook();
  const localized = useLocalized();
  return (id) => {
    const rule = view.rules.find((r) => r.id === id);
    return rule ? localized(rule.name) : id;
  };
}
