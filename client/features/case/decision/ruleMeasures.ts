import type { RuleView } from '../../../../shared/api/rulebook';

/**
 * The measures a reviewer may choose for a finding of `rule`: those its versions list (the
 * rule's own menu, in the rulebook's order), never another rule's or another platform's. A
 * rule that lists none leaves the whole rulebook's measures.
 */
export function ruleMeasureIds(
  rule: Pick<RuleView, 'versions'> | undefined,
  rulebookMeasureIds: readonly string[],
): string[] {
  const own = new Set(rule?.versions.flatMap((v) => v.measures) ?? []);
  if (own.size === 0) return [...rulebookMeasureIds];
  return [
    ...rulebookMeasureIds.filter((id) => own.has(id)),
    ...[...own].filter((id) => !rulebookMeasureIds.includes(id)),
  ];
}
