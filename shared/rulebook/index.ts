/**
 * The rulebook engine: the platform's rules as versioned data, and a standing for every subject.
 * Pure: no I/O, no Node APIs; used by the server (CLI, API) and the browser client alike.
 */
export {
  alibaba1688Rulebook,
  IMPROPER_INFO_USE_SITUATIONS,
  IMPROPER_INFO_USE_STEPS,
} from './alibaba1688Rulebook';
export { checkRulebook } from './checkRulebook';
export {
  DEFAULT_RULE_IDS,
  type DefaultRuleId,
  defaultRulebook,
  RIGHTS_ABUSE_SPLIT_DATE,
  SINCE_RECORDS_BEGIN,
} from './defaultRulebook';
export { RulebookError } from './errors';
export { type PlatformProblem, type PlatformResolution, platformOfHistory } from './historyPlatform';
export { kuaishouRulebook, UNFAIR_COMPETITION_CAMPAIGN_DATE, UNFAIR_COMPETITION_SCENES } from './kuaishouRulebook';
export { measures as defaultMeasures } from './measures';
export {
  DEFAULT_PLATFORM,
  isPlatformId,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  type PlatformId,
  platformOfRule,
  rulebookOf,
  ruleIdsOf,
} from './platforms';
export {
  type DemotionPreview,
  type FindingChange,
  type FindingPreview,
  type ProposedViolation,
  previewFinding,
} from './preview';
export {
  createStandingInputSchema,
  factsSchema,
  formatIssue,
  formatPath,
  parseStandingInput,
  StandingInputError,
  standingInputSchema,
} from './schema';
export { rulebookForHistory, standing } from './standing';
export {
  formatInstant,
  formatUtcOffset,
  localDate,
  parseInstant,
  platformYear,
  startOfLocalDate,
  startOfPlatformYear,
} from './time';
export * from './types';
export { xianyuRulebook } from './xianyuRulebook';
