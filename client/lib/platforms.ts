/**
 * The platforms as the desk's screens show them: which platform a subject trades on, its name
 * in the staff's language, and the rules each platform's menus offer. Pure: the unit tests read it.
 * Platform, rulebook and rule ids are mapped in one place, shared/rulebook/platforms.ts.
 */
import {
  DEFAULT_PLATFORM,
  isPlatformId,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  type PlatformId,
  platformOfRule,
  rulebookOf,
  ruleIdsOf,
} from '../../shared/rulebook/platforms';
import type { LocalizedText, MeasureDefinition } from '../../shared/rulebook/types';

/**
 * The platform a subject from the API trades on. Every subject the server sends names its
 * platform; one from a server older than platforms does not, and every such subject traded
 * on Taobao.
 */
export function subjectPlatform(subject: object): PlatformId {
  const platform = (subject as { platform?: unknown }).platform;
  return isPlatformId(platform) ? platform : DEFAULT_PLATFORM;
}

/** The platform's name in the staff's language (never its id). */
export function platformName(platform: PlatformId, language: string): string {
  return language.startsWith('en') ? PLATFORM_NAMES[platform].en : PLATFORM_NAMES[platform].zh;
}

/**
 * The rule ids a menu offers: the chosen platforms' own rules, or every platform's when none
 * is chosen ("any platform"), in platform order and each once.
 */
export function ruleIdsFor(platforms: readonly PlatformId[]): string[] {
  const chosen = PLATFORM_IDS.filter((p) => platforms.length === 0 || platforms.includes(p));
  return [...new Set(chosen.flatMap((p) => ruleIdsOf(p)))];
}

/** The rule ids among `ruleIds` that none of `platforms` judges by (none when any platform goes). */
export function rulesOffPlatforms(ruleIds: readonly string[], platforms: readonly PlatformId[]): string[] {
  if (platforms.length === 0) return [];
  const own = new Set(ruleIdsFor(platforms));
  return ruleIds.filter((id) => !own.has(id));
}

/** Whether a case of `ruleId` can be decided for a subject of `platform` (its own rule only). */
export function isRuleOfPlatform(ruleId: string, platform: PlatformId): boolean {
  return ruleIdsOf(platform).includes(ruleId);
}

/** A rule's name as its own platform's rulebook gives it; undefined for an id no rulebook has. */
export function ruleNameOf(ruleId: string): LocalizedText | undefined {
  const platform = platformOfRule(ruleId);
  return platform ? rulebookOf(platform).rules.find((r) => r.id === ruleId)?.name : undefined;
}

/**
 * A measure as the first platform's rulebook that has it defines it, for screens that list the
 * measures of every platform's subjects (the outbox); undefined for an id no rulebook has.
 */
export function measureOf(measureId: string): MeasureDefinition | undefined {
  for (const platform of PLATFORM_IDS) {
    const measure = (rulebookOf(platform).measures as Record<string, MeasureDefinition | undefined>)[measureId];
    if (measure) return measure;
  }
  return undefined;
}

/** A value from the URL or a select as a platform id, or '' (any platform) for anything else. */
export function platformParam(value: string | null | undefined): PlatformId | '' {
  return isPlatformId(value) ? value : '';
}
