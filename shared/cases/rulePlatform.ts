import { DeskError } from '../errors/deskError';
import { PLATFORM_NAMES, type PlatformId, platformOfRule } from '../rulebook/platforms';

/**
 * A subject is found in breach only of its own platform's rules: a Kuaishou creator is never
 * judged under Taobao's counterfeit rule, nor a Taobao shop under Kuaishou's unfair-competition
 * rule. Intake, `cases.decide` and `cases.preview` refuse anything else with the same 400.
 */
export function assertRuleOnPlatform(rule: string, platform: PlatformId): void {
  if (platformOfRule(rule) === platform) return;
  throw new DeskError(
    'BAD_REQUEST',
    'rule_not_on_platform',
    `${rule} is not a rule of ${PLATFORM_NAMES[platform].en} (${platform})`,
    { field: 'rule', platform },
  );
}

/** An existing subject keeps its platform: a report naming another one is refused, never moves it. */
export function assertSamePlatform(subjectId: string, stored: PlatformId, reported: PlatformId): void {
  if (stored === reported) return;
  throw new DeskError(
    'BAD_REQUEST',
    'platform_mismatch',
    `subject ${subjectId} trades on ${PLATFORM_NAMES[stored].en} (${stored}), not ${reported}`,
    { field: 'subject.platform', platform: stored },
  );
}
