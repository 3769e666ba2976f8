/**
 * Which platform judges a history (the `standing` contract): the `platform` it names, or else the
 * platform its rule ids belong to — `unfair-competition` Kuaishou's, `improper-info-use` 1688's,
 * `xianyu-*` Xianyu's, the rest Taobao's. A subject trades on one platform, so a history whose
 * rules belong to several is refused, naming the first violation that does not fit: judging it by
 * one rulebook would move that platform's ledgers with another platform's findings.
 */
import { DEFAULT_PLATFORM, PLATFORM_IDS, PLATFORM_NAMES, type PlatformId, platformOfRule } from './platforms';

/** What is wrong, at which input path (`['violations', 2, 'rule']`). */
export interface PlatformProblem {
  path: (string | number)[];
  message: string;
}

export type PlatformResolution = { platform: PlatformId; problem?: undefined } | { problem: PlatformProblem };

/** Loose shape: this also reads raw JSON before it is validated. */
interface HistoryLike {
  platform?: unknown;
  violations?: unknown;
}

function ruleAt(violations: readonly unknown[], index: number): string | undefined {
  const v = violations[index];
  if (typeof v !== 'object' || v === null) return undefined;
  const rule = (v as { rule?: unknown }).rule;
  return typeof rule === 'string' ? rule : undefined;
}

const nameOf = (platform: PlatformId) => `a ${PLATFORM_NAMES[platform].en} rule (platform ${platform})`;

/**
 * The platform of a history. Unknown rules decide nothing (the platform's rulebook reports them
 * as unknown); a history with no known rule and no `platform` is Taobao's.
 */
export function platformOfHistory(history: HistoryLike): PlatformResolution {
  const violations = Array.isArray(history.violations) ? history.violations : [];
  if (history.platform !== undefined) {
    const named = history.platform;
    if (typeof named !== 'string' || !(PLATFORM_IDS as readonly string[]).includes(named)) {
      return { problem: { path: ['platform'], message: `expected one of ${PLATFORM_IDS.join(', ')}` } };
    }
    const platform = named as PlatformId;
    for (let i = 0; i < violations.length; i++) {
      const rule = ruleAt(violations, i);
      const owner = rule === undefined ? undefined : platformOfRule(rule);
      if (owner !== undefined && owner !== platform) {
        return {
          problem: {
            path: ['violations', i, 'rule'],
            message: `rule "${rule}" is ${nameOf(owner)}, not ${nameOf(platform)}: the history names platform ${platform}, whose rulebook alone judges it`,
          },
        };
      }
    }
    return { platform };
  }
  let first: { index: number; rule: string; platform: PlatformId } | undefined;
  for (let i = 0; i < violations.length; i++) {
    const rule = ruleAt(violations, i);
    const owner = rule === undefined ? undefined : platformOfRule(rule);
    if (rule === undefined || owner === undefined) continue;
    if (!first) first = { index: i, rule, platform: owner };
    else if (owner !== first.platform) {
      return {
        problem: {
          path: ['violations', i, 'rule'],
          message:
            `rule "${rule}" is ${nameOf(owner)}, but violations[${first.index}] ("${first.rule}") is ${nameOf(first.platform)}: ` +
            'a history mixing platforms is refused; judge each platform separately or name "platform"',
        },
      };
    }
  }
  return { platform: first?.platform ?? DEFAULT_PLATFORM };
}
