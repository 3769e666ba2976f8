/**
 * What each rulebook setting (`RULEBOOK_SETTING_VALUES`) and its values are called in both
 * languages, for the rulebook page's wording of a tier that depends on one.
 */
import type { LocalizedText, RulebookSettingName, RulebookSettings } from './types';

export const SETTING_LABELS: {
  [K in RulebookSettingName]: { name: LocalizedText } & Record<RulebookSettings[K], LocalizedText>;
} = {
  bulkRegistrationSeals: {
    name: { zh: '不当注册的扣分与查封对象', en: 'Whom improper registration charges and seals' },
    'registering-account': {
      zh: '注册者本人（扣48分并查封），批量注册的账户一并查封',
      en: 'The registering member (48 points, sealed), with the accounts it registered',
    },
    'registered-accounts': {
      zh: '仅批量注册而成的账户；对会员采取临时性管控措施',
      en: 'Only the accounts registered in bulk; temporary measures for the member',
    },
  },
};
