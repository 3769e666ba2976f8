import { describe, expect, it } from 'vitest';
import { loadOidcConfig, loadPasswordSignIn } from '../../../server/auth/oidcConfig';
import { identityOf } from '../../../server/auth/oidcIdentity';
import { type AccountCandidate, matchAccount } from '../../../shared/auth/oidcAccount';
import { claimValues, mappedRole, parseRoleMap } from '../../../shared/auth/oidcRoles';

describe('the role map (DESK_OIDC_ROLE_MAP)', () => {
  it('reads value:role pairs in order; a value may hold colons', () => {
    expect(parseRoleMap(' ts-leads:lead, urn:corp:groups:ts:reviewer ,')).toEqual([
      { value: 'ts-leads', role: 'lead' },
      { value: 'urn:corp:groups:ts', role: 'reviewer' },
    ]);
    expect(parseRoleMap(undefined)).toEqual([]);
  });

  it('refuses unknown roles, missing values and a value mapped twice', () => {
    expect(() => parseRoleMap('ts:superuser')).toThrow(/superuser/);
    expect(() => parseRoleMap(':lead')).toThrow(/:lead/);
    expect(() => parseRoleMap('lead')).toThrow(/lead/);
    expect(() => parseRoleMap('g:lead,g:reviewer')).toThrow(/mapped twice/);
  });

  it('gives the first mapping, in the operator’s order, that the person holds', () => {
    const map = parseRoleMap('ts-leads:lead,ts-reviewers:reviewer');
    expect(mappedRole(map, ['ts-reviewers', 'ts-leads'])).toBe('lead');
    expect(mappedRole(map, ['ts-reviewers'])).toBe('reviewer');
    expect(mappedRole(map, ['TS-LEADS', 'other'])).toBeNull();
  });

  it('reads the claim as a list, a space-separated string, or nothing', () => {
    expect(claimValues(['a', 'b', 3, '', null])).toEqual(['a', 'b']);
    expect(claimValues('a  b')).toEqual(['a', 'b']);
    expect(claimValues({ a: 1 })).toEqual([]);
    expect(claimValues(undefined)).toEqual([]);
  });
});

describe('matching a provider identity to an account', () => {
  const subject = 'https://idp x';
  const bound: AccountCandidate = { id: 1, oidcSubject: subject };
  const free: AccountCandidate = { id: 2, oidcSubject: null };
  const other: AccountCandidate = { id: 3, oidcSubject: null };

  it('prefers the bound subject, whatever username or email now say', () => {
    expect(matchAccount(subject, { bySubject: bound, byUsername: free })).toMatchObject({
      kind: 'matched',
      by: 'subject',
    });
  });
  it('takes an account already bound to this subject, found by any lookup (a parallel first sign-in)', () => {
    expect(matchAccount(subject, { byUsername: bound })).toMatchObject({ user: bound, by: 'subject' });
  });
  it('matches an unbound account by username, then by email', () => {
    expect(matchAccount(subject, { byUsername: free, byEmail: free })).toMatchObject({ user: free, by: 'username' });
    expect(matchAccount(subject, { byEmail: free })).toMatchObject({ user: free, by: 'email' });
    expect(matchAccount(subject, {})).toEqual({ kind: 'none' });
  });
  it('refuses an account bound to another provider account, and two accounts at once', () => {
    expect(matchAccount('https://idp someone-else', { byUsername: bound })).toEqual({
      kind: 'refused',
      reason: 'oidc_account_mismatch',
      userId: 1,
    });
    expect(matchAccount(subject, { byUsername: free, byEmail: other })).toMatchObject({
      reason: 'oidc_account_ambiguous',
    });
  });
});

describe('the provider identity', () => {
  it('lower-cases username and email and ignores an email the provider did not verify', () => {
    const claims = { iss: 'https://idp', sub: 'x1', preferred_username: 'Wang.Fang', email: 'W@Corp.example' };
    expect(identityOf({ ...claims, email_verified: true, groups: ['g'] }, 'groups')).toEqual({
      issuer: 'https://idp',
      subject: 'x1',
      username: 'wang.fang',
      email: 'w@corp.example',
      displayName: null,
      roleValues: ['g'],
    });
    expect(identityOf({ ...claims, email_verified: 'true' }, null)).toMatchObject({ email: null, roleValues: [] });
  });
});

describe('the provider configuration', () => {
  const base = {
    DESK_OIDC_ISSUER: 'https://login.corp.example/realms/staff',
    DESK_OIDC_CLIENT_ID: 'desk',
    DESK_OIDC_CLIENT_SECRET: 's3cret',
    DESK_PUBLIC_URL: 'https://desk.corp.example/',
  };
  it('is off without an issuer, and then passwords must stay on', () => {
    expect(loadOidcConfig({})).toBeNull();
    expect(() => loadPasswordSignIn({ DESK_PASSWORD_SIGNIN: '0' }, null)).toThrow(/nobody could sign in/);
  });
  it('derives the callback address and checks every variable by name', () => {
    expect(loadOidcConfig(base)).toMatchObject({
      redirectUri: 'https://desk.corp.example/api/auth/oidc/callback',
      scope: 'openid email profile',
      createUsers: false,
    });
    expect(() => loadOidcConfig({ ...base, DESK_OIDC_CLIENT_SECRET: '' })).toThrow(/go together/);
    expect(() => loadOidcConfig({ ...base, DESK_OIDC_ISSUER: 'http://idp.corp.example' })).toThrow(/https/);
    expect(loadOidcConfig({ ...base, DESK_OIDC_ISSUER: 'http://127.0.0.1:4000' })).not.toBeNull();
    expect(() => loadOidcConfig({ ...base, DESK_PUBLIC_URL: '' })).toThrow(/DESK_PUBLIC_URL/);
    expect(() => loadOidcConfig({ ...base, DESK_OIDC_ROLE_MAP: 'g:lead' })).toThrow(/DESK_OIDC_ROLE_CLAIM/);
    expect(() => loadOidcConfig({ ...base, DESK_OIDC_CREATE_USERS: '1' })).toThrow(/DESK_OIDC_ROLE_MAP/);
    expect(() => loadOidcConfig({ DESK_OIDC_ROLE_MAP: 'g:lead' })).toThrow(/DESK_OIDC_ISSUER/);
    expect(() => loadPasswordSignIn({ DESK_PASSWORD_SIGNIN: 'no' }, null)).toThrow(/0 or 1/);
  });
});
