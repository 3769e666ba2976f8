import type { Role } from './roles';

/**
 * Roles one admin cannot grant alone: a senior reviewer approves four-eyes decisions, a lead
 * and an admin hand out work and rights. Were one admin able to create both people a
 * four-eyes decision needs, four eyes would be two. A second admin approves such a grant.
 */
export const DUAL_CONTROL_ROLES: readonly Role[] = ['senior_reviewer', 'lead', 'admin'];

export function needsSecondAdmin(role: Role): boolean {
  return DUAL_CONTROL_ROLES.includes(role);
}
