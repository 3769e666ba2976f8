import type { FindingPreview } from '../rulebook';

/**
 * Four-eyes: which decisions wait for a second person before they take effect. The policy
 * is data so an admin can tighten or loosen it; the default follows the brief: any points on
 * the serious ledger, sealing, removal from the platform, liquidated damages, and every
 * waiver of a serious violation.
 */
export interface FourEyesPolicy {
  seriousPoints: boolean;
  sealing: boolean;
  /** Measures that always need a second person. */
  measures: string[];
  waiveSerious: boolean;
}

export const DEFAULT_FOUR_EYES: FourEyesPolicy = {
  seriousPoints: true,
  sealing: true,
  measures: ['platform-removal', 'liquidated-damages', 'account-banned', 'account-closed'],
  waiveSerious: true,
};

export type ApprovalReason = 'serious-points' | 'seals' | `measure:${string}` | 'waive-serious';

/** Why a decision needs approval; empty when it may take effect at once. */
export function approvalReasons(
  kind: 'apply' | 'waive',
  preview: Pick<FindingPreview, 'ledger' | 'points' | 'seals' | 'punishments' | 'finding'>,
  policy: FourEyesPolicy = DEFAULT_FOUR_EYES,
): ApprovalReason[] {
  const serious = preview.ledger === 'serious' && preview.points > 0;
  if (kind === 'waive') return policy.waiveSerious && serious ? ['waive-serious'] : [];
  const reasons: ApprovalReason[] = [];
  if (policy.seriousPoints && serious) reasons.push('serious-points');
  if (policy.sealing && preview.seals) reasons.push('seals');
  const measures = new Set([...preview.finding.measures, ...preview.punishments.flatMap((p) => p.measures)]);
  for (const m of policy.measures) if (measures.has(m)) reasons.push(`measure:${m}`);
  return reasons;
}
