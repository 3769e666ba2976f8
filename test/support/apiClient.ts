import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/appRouter';
import { rememberRecoveryCodes, rememberTotpSecret, signInCodeFor, unusedTotpCode } from './signInSteps';

/**
 * A typed tRPC client over real HTTP that keeps cookies like a browser would,
 * so a test can sign in once and act as that staff member.
 */
export function createApiClient(baseUrl: string, headers: Record<string, string> = {}) {
  const cookies = new Map<string, string>();
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const cookieHeader = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(input, {
      ...init,
      headers: {
        ...(init?.headers as Record<string, string>),
        // What the desk's own client sends with every call (the server's CSRF check).
        'x-verdict-csrf': '1',
        ...headers,
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
      },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = setCookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, fetch: fetchWithCookies })] });
  return { trpc, cookies };
}

/**
 * Signs in as a staff member and returns a client holding their session. The steps a session
 * may owe are done for real: an admin without a second factor enrols one (its secret is kept
 * for the next sign-in), an enrolled account answers with the current code. A forced password
 * change is left to the test (the session stays gated), unless `newPassword` is given.
 */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  options: { newPassword?: string } = {},
) {
  const client = createApiClient(baseUrl);
  let { gate } = await client.trpc.auth.login.mutate({ username, password });
  for (let step = 0; gate && step < 3; step++) {
    if (gate === 'totp_code') {
      await client.trpc.auth.totpVerify.mutate({ code: (await signInCodeFor(baseUrl, username)).code });
    } else if (gate === 'totp_enrolment') {
      const { secret } = await client.trpc.auth.totpStart.mutate();
      rememberTotpSecret(baseUrl, username, secret);
      const { recoveryCodes } = await client.trpc.auth.totpConfirm.mutate({
        code: await unusedTotpCode(baseUrl, username),
      });
      rememberRecoveryCodes(baseUrl, username, recoveryCodes);
    } else if (options.newPassword) {
      await client.trpc.auth.changePassword.mutate({ currentPassword: password, newPassword: options.newPassword });
    } else {
      break;
    }
    gate = (await client.trpc.auth.me.query())?.gate ?? null;
  }
  return client;
}
