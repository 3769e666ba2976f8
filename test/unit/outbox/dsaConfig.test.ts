import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { loadDsaConfig } from '../../../server/outbox/dsaConfig';

const ENDPOINT = 'https://transparency.dsa.ec.europa.eu/api/v1/statements';

describe('DESK_DSA_ENDPOINT and DESK_DSA_TOKEN', () => {
  it('are off by default', () => {
    expect(loadDsaConfig({})).toBeNull();
    expect(loadConfig({}).dsa).toBeNull();
  });

  it('submit when both are set', () => {
    expect(loadDsaConfig({ DESK_DSA_ENDPOINT: ENDPOINT, DESK_DSA_TOKEN: 'X|abc' })).toEqual({
      endpoint: ENDPOINT,
      token: 'X|abc',
    });
  });

  it('refuse to start with only one of them, naming the missing one', () => {
    expect(() => loadConfig({ DESK_DSA_ENDPOINT: ENDPOINT })).toThrow(/DESK_DSA_TOKEN is not/);
    expect(() => loadConfig({ DESK_DSA_TOKEN: 'X|abc' })).toThrow(/DESK_DSA_ENDPOINT is not/);
    expect(() => loadConfig({ DESK_DSA_ENDPOINT: ' ', DESK_DSA_TOKEN: 'X|abc' })).toThrow(/DESK_DSA_ENDPOINT is not/);
  });

  it('send the token over HTTPS only (plain HTTP to this machine, for a stub)', () => {
    const token = { DESK_DSA_TOKEN: 'X|abc' };
    expect(() => loadDsaConfig({ ...token, DESK_DSA_ENDPOINT: 'not a url' })).toThrow(/must be a URL/);
    expect(() => loadDsaConfig({ ...token, DESK_DSA_ENDPOINT: 'http://dsa.example.test/api/v1/statements' })).toThrow(
      /https/,
    );
    expect(loadDsaConfig({ ...token, DESK_DSA_ENDPOINT: 'http://127.0.0.1:9/api/v1/statements' })?.endpoint).toBe(
      'http://127.0.0.1:9/api/v1/statements',
    );
  });
});
