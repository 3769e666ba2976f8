import { ROLES, type Role } from './roles';

/** One `claim value → desk role` pair of DESK_OIDC_ROLE_MAP, in the order the operator wrote them. */
export interface RoleMapping {
  value: string;
  role: Role;
}

/**
 * Parses DESK_OIDC_ROLE_MAP, e.g. `ts-leads:lead,ts-reviewers:reviewer`. A value may itself
 * hold colons (a group's DN or URN): the role is what follows the last one. Throws on an
 * unknown role or a value named twice, so a typo stops the desk at start, not at sign-in.
 */
export function parseRoleMap(text: string | undefined): RoleMapping[] {
  const entries = (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  return entries.map((entry) => {
    const cut = entry.lastIndexOf(':');
    const value = cut > 0 ? entry.slice(0, cut).trim() : '';
    const role = entry.slice(cut + 1).trim();
    if (!value || !(ROLES as readonly string[]).includes(role))
      throw new Error(`DESK_OIDC_ROLE_MAP: "${entry}" must be <claim value>:<role>, role one of ${ROLES.join(', ')}`);
    if (seen.has(value)) throw new Error(`DESK_OIDC_ROLE_MAP: "${value}" is mapped twice`);
    seen.add(value);
    return { value, role: role as Role };
  });
}

/**
 * The role claim's values: providers send one string, a list of strings, or (some) a
 * space-separated string. Anything else (numbers, objects) counts as no value.
 */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/**
 * The desk role the claim grants: the first mapping (in the operator's order) whose value the
 * person holds, so the operator decides which wins when someone is in several groups; null
 * when none matches. Values compare exactly: group names are case-sensitive at most providers.
 */
export function mappedRole(map: readonly RoleMapping[], values: readonly string[]): Role | null {
  const held = new Set(values);
  return map.find((m) => held.has(m.value))?.role ?? null;
}
