import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/appRouter';

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

/** Signs in as a staff member and returns a client holding their session. */
export async function signIn(baseUrl: string, username: string, password: string) {
  const client = createApiClient(baseUrl);
  await client.trpc.auth.login.mutate({ username, password });
  return client;
}
