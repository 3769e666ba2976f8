import { useTranslation } from 'react-i18next';
import { ruleNameOf } from '../../lib/platforms';

/** "Penalise · Fake transactions": a verdict's decision and rule in the reader's language. */
export function useVerdictText() {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const ruleName = (rule: string) => {
    const name = ruleNameOf(rule);
    return name ? (english ? name.en : name.zh) : rule;
  };
  const decisionName = (decision: string) =>
    decision === 'apply' || decision === 'waive' || decision === 'dismiss'
      ? t(`qaGold.decisions.${decision}`)
      : decision;
  return {
    ruleName,
    decisionName,
    verdict: (v: { decision: string; rule?: string | null }) =>
      v.rule && v.decision !== 'dismiss'
        ? `${decisionName(v.decision)} · ${ruleName(v.rule)}`
        : decisionName(v.decision),
  };
}

/** Facts typed as JSON text: an object, or undefined when the text is not one. Blank: none. */
export function parseFacts(text: string): Record<string, unknown> | undefined | null {
  if (!text.trim()) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
