/** Submission to the EU DSA Transparency Database (docs/DSA.md "Configuration"). */
export interface DsaConfig {
  /** The multiple-statements endpoint, e.g. https://transparency.dsa.ec.europa.eu/api/v1/statements */
  endpoint: string;
  /** The platform's API token (sent as `Authorization: Bearer …`). */
  token: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * DESK_DSA_ENDPOINT and DESK_DSA_TOKEN: both (submission on) or neither (off, the default). One
 * without the other is a mistake refused at start-up, by name, rather than a desk that silently
 * never submits. The token travels only over HTTPS (plain HTTP only to this machine, for a stub).
 */
export function loadDsaConfig(env: NodeJS.ProcessEnv): DsaConfig | null {
  const endpoint = env.DESK_DSA_ENDPOINT?.trim() ?? '';
  const token = env.DESK_DSA_TOKEN?.trim() ?? '';
  if (!endpoint && !token) return null;
  if (!endpoint) throw new Error('DESK_DSA_TOKEN is set but DESK_DSA_ENDPOINT is not: set both, or neither');
  if (!token) throw new Error('DESK_DSA_ENDPOINT is set but DESK_DSA_TOKEN is not: set both, or neither');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`DESK_DSA_ENDPOINT must be a URL (got "${endpoint}")`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new Error('DESK_DSA_ENDPOINT must be an https:// URL (plain http only to localhost)');
  return { endpoint: url.toString(), token };
}
