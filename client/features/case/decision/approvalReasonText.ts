/**
 * Four-eyes reasons (shared/decisions/fourEyes.ts) in the staff's language:
 * `serious-points`, `seals`, `waive-serious`, and `measure:<id>` with the measure's label.
 */
export function approvalReasonText(
  reason: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  measureLabel: (id: string) => string,
): string {
  if (reason.startsWith('measure:'))
    return t('fourEyes.reason.measure', { measure: measureLabel(reason.slice('measure:'.length)) });
  return t(`fourEyes.reason.${reason}`, { defaultValue: reason });
}
