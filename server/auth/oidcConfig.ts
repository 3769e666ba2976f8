import { parseRoleMap, type RoleMapping } from '../../shared/auth/oidcRoles';

/** Sign-in through the company's OpenID Connect provider (DESK_OIDC_*), when configured. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<origin of DESK_PUBLIC_URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  scope: string;
  /** The ID token or userinfo claim holding the person's groups or roles (null: roles are the desk's). */
  roleClaim: string | null;
  roleMap: RoleMapping[];
  /** Create an account for a person the role map gives a role, instead of refusing them. */
  createUsers: boolean;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function url(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL (got "${value}")`);
  }
}

/**
 * Reads DESK_OIDC_* and DESK_PUBLIC_URL; null when no provider is configured. Everything is
 * checked here so that a half-configured provider stops the desk at start with the variable's name.
 */
export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const { DESK_OIDC_ISSUER: issuer, DESK_OIDC_CLIENT_ID: clientId, DESK_OIDC_CLIENT_SECRET: secret } = env;
  if (!issuer && !clientId && !secret) {
    if (env.DESK_OIDC_ROLE_MAP || env.DESK_OIDC_CREATE_USERS === '1')
      throw new Error('DESK_OIDC_ROLE_MAP and DESK_OIDC_CREATE_USERS need DESK_OIDC_ISSUER');
    return null;
  }
  if (!issuer || !clientId || !secret)
    throw new Error('DESK_OIDC_ISSUER, DESK_OIDC_CLIENT_ID and DESK_OIDC_CLIENT_SECRET go together');
  const issuerUrl = url(issuer, 'DESK_OIDC_ISSUER');
  // Tokens and codes travel to the provider: in clear only to a provider on this machine (tests, a local proxy).
  if (issuerUrl.protocol !== 'https:' && !LOOPBACK.test(issuerUrl.hostname))
    throw new Error('DESK_OIDC_ISSUER must be https:// (plain http only on loopback)');
  if (!env.DESK_PUBLIC_URL) throw new Error('DESK_OIDC_ISSUER needs DESK_PUBLIC_URL (the address staff open)');
  const publicUrl = url(env.DESK_PUBLIC_URL, 'DESK_PUBLIC_URL');
  const roleClaim = env.DESK_OIDC_ROLE_CLAIM?.trim() || null;
  const roleMap = parseRoleMap(env.DESK_OIDC_ROLE_MAP);
  if (roleMap.length && !roleClaim) throw new Error('DESK_OIDC_ROLE_MAP needs DESK_OIDC_ROLE_CLAIM');
  const createUsers = env.DESK_OIDC_CREATE_USERS === '1';
  if (createUsers && !roleMap.length) throw new Error('DESK_OIDC_CREATE_USERS=1 needs DESK_OIDC_ROLE_MAP');
  return {
    issuer: issuerUrl,
    clientId,
    clientSecret: secret,
    redirectUri: `${publicUrl.origin}${OIDC_CALLBACK_PATH}`,
    scope: env.DESK_OIDC_SCOPES?.trim() || 'openid email profile',
    roleClaim,
    roleMap,
    createUsers,
  };
}

/** DESK_PASSWORD_SIGNIN=0 turns the desk's own passwords off; only with a provider to sign in through. */
export function loadPasswordSignIn(env: NodeJS.ProcessEnv, oidc: OidcConfig | null): boolean {
  const value = env.DESK_PASSWORD_SIGNIN ?? '1';
  if (value !== '0' && value !== '1') throw new Error(`DESK_PASSWORD_SIGNIN must be 0 or 1 (got "${value}")`);
  if (value === '0' && !oidc) throw new Error('DESK_PASSWORD_SIGNIN=0 needs DESK_OIDC_ISSUER: nobody could sign in');
  return value === '1';
}
