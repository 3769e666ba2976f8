import type { RuleVersionView } from '../../../shared/api/rulebook';

export type VersionStatus = 'current' | 'past' | 'upcoming';

/**
 * Whether a version is in force on `today` (a platform-local YYYY-MM-DD date). Dates in that
 * form compare correctly as strings.
 */
export function versionStatus(version: RuleVersionView, today: string): VersionStatus {
  if (version.effectiveFrom > today) return 'upcoming';
  if (version.inForceUntil !== null && version.inForceUntil < today) return 'past';
  return 'current';
}
