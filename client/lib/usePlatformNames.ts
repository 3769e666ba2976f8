import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../shared/rulebook/platforms';
import { platformName, ruleNameOf } from './platforms';

/** A platform's name in the staff's language (stable until the language changes). */
export function usePlatformName(): (platform: PlatformId) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((platform: PlatformId) => platformName(platform, language), [language]);
}

/**
 * A rule's name in the staff's language, for lists that show cases of every platform: the
 * translation where there is one, else the name its own platform's rulebook gives it, else its id.
 */
export function useRuleLabel(): (ruleId: string) => string {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return useCallback(
    (ruleId: string) => {
      const name = ruleNameOf(ruleId);
      return t(`rule.${ruleId}`, { defaultValue: name ? (english ? name.en : name.zh) : ruleId });
    },
    [t, english],
  );
}
