import type { FindingPreview, FourEyesPolicy } from '../rulebook';

export type ApprovalReason = 'serious-points' | 'seals' | `measure:${string}` | 'waive-serious';

/**
 * Why a decision needs a second person's approval under the rulebook's four-eyes policy
 * (`Rulebook.fourEyes`); empty when it may take effect at once.
 */
export function approvalReasons(
  kind: 'apply' | 'waive',
  preview: Pick<FindingPreview, 'ledger' | 'points' | 'seals' | 'punishments' | 'finding'>,
  policy: FourEyesPolicy,
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
