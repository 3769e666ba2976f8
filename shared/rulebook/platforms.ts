/**
 * The platforms the desk judges, each by its own rulebook. A subject trades on one platform
 * (given at intake, `taobao` when not said), and every finding about it is judged by that
 * platform's rulebook only: no finding moves another platform's ledger.
 *
 * This module is the one place that maps platform ↔ rulebook ↔ rule ids; the server's
 * `rulebooks.forSubject`, the `standing` CLI and the client all ask here.
 */
import { alibaba1688Rulebook } from './alibaba1688Rulebook';
import { defaultRulebook } from './defaultRulebook';
import { kuaishouRulebook } from './kuaishouRulebook';
import type { LocalizedText, Rulebook } from './types';
import { xianyuRulebook } from './xianyuRulebook';

export const PLATFORM_IDS = ['taobao', 'xianyu', '1688', 'kuaishou'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** A subject whose platform was never said trades on Taobao (and so did every subject before platforms). */
export const DEFAULT_PLATFORM: PlatformId = 'taobao';

export const PLATFORM_NAMES: Readonly<Record<PlatformId, LocalizedText>> = {
  taobao: { zh: '淘宝', en: 'Taobao' },
  xianyu: { zh: '闲鱼', en: 'Xianyu' },
  '1688': { zh: '1688', en: '1688' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
};

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}

/** The rulebook of each platform: its own ledgers, nodes, year end, measures and rules. */
const RULEBOOKS: Readonly<Record<PlatformId, Rulebook>> = {
  taobao: defaultRulebook,
  xianyu: xianyuRulebook,
  '1688': alibaba1688Rulebook,
  kuaishou: kuaishouRulebook,
};

/** Rule id → platform; the rulebooks' rule ids are disjoint (checked in test/unit/rulebook/platforms.test.ts). */
const PLATFORM_OF_RULE: ReadonlyMap<string, PlatformId> = new Map(
  PLATFORM_IDS.flatMap((platform) => RULEBOOKS[platform].rules.map((rule) => [rule.id, platform] as const)),
);

export function rulebookOf(platform: PlatformId): Rulebook {
  return RULEBOOKS[platform];
}

/** The platform whose rulebook defines `ruleId` as its own, or undefined for an unknown rule. */
export function platformOfRule(ruleId: string): PlatformId | undefined {
  return PLATFORM_OF_RULE.get(ruleId);
}

/** The rule ids a subject of `platform` can be found in breach of (the reviewer's menu). */
export function ruleIdsOf(platform: PlatformId): string[] {
  return rulebookOf(platform).rules.map((r) => r.id);
}
