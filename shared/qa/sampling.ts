import type { QaDecision } from './verdict';

export const SAMPLE_REASONS = ['rule', 'seal', 'serious_waiver', 'random'] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

/** A queue's QA sampling policy (docs/QA.md). */
export interface SamplingPolicy {
  /** Share of effective decisions sampled at random, 0–100. */
  percent: number;
  alwaysRules: readonly string[];
  alwaysSeals: boolean;
  alwaysSeriousWaivers: boolean;
}

/** What sampling needs to know of a decision that has just taken effect. */
export interface EffectiveDecision {
  kind: QaDecision;
  /** The case's rule (a dismissal judges none, but the case is still about one). */
  rule: string;
  /** The finding seals an account that was not sealed (apply only). */
  seals: boolean;
  /** A waiver of points on the serious-violations ledger. */
  seriousWaiver: boolean;
}

/**
 * Why this decision is sampled, or null when it is not. The always-rules come first, so a
 * decision a lead asked to see every time is never left to chance; `random` draws a number in
 * [0, 1) only when nothing else samples it, and samples when it falls under `percent`.
 */
export function sampleReason(
  policy: SamplingPolicy,
  decision: EffectiveDecision,
  random: () => number,
): SampleReason | null {
  if (policy.alwaysRules.includes(decision.rule)) return 'rule';
  if (policy.alwaysSeals && decision.kind === 'apply' && decision.seals) return 'seal';
  if (policy.alwaysSeriousWaivers && decision.kind === 'waive' && decision.seriousWaiver) return 'serious_waiver';
  if (policy.percent <= 0) return null;
  return random() * 100 < policy.percent ? 'random' : null;
}
