/**
 * Strings of the per-platform screens (platform filters, routing by platform, the rulebook's
 * platform tabs). Platform names themselves are data: PLATFORM_NAMES in shared/rulebook/platforms.ts.
 */
export const platformsZh = {
  label: '平台',
  any: '全部平台',
  choose: '选择平台的规则库',
  rulebookOf: '{{platform}}规则库',
  judgedBy: '按{{platform}}规则评定',
  ruleNotOnPlatform: '本案的违规类型“{{rule}}”不是{{platform}}的规则，不能按{{platform}}的规则处理。',
  routing: {
    platforms: '平台',
    condition: '平台：{{list}}',
    rulesOffPlatform: '这些违规类型不属于所选平台：{{list}}，请移除或增选其平台',
  },
};

export const platformsEn: typeof platformsZh = {
  label: 'Platform',
  any: 'All platforms',
  choose: "Choose a platform's rulebook",
  rulebookOf: '{{platform}} rulebook',
  judgedBy: "By {{platform}}'s rules",
  ruleNotOnPlatform:
    "This case's violation “{{rule}}” is not one of {{platform}}'s rules: it cannot be decided under {{platform}}'s rules.",
  routing: {
    platforms: 'Platform',
    condition: 'Platform: {{list}}',
    rulesOffPlatform:
      'These violations are not rules of the chosen platforms: {{list}}. Remove them or add their platform',
  },
};
