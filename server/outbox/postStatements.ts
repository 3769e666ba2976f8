/** What one call to the Transparency Database came to. */
export type PostResult =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'no_answer'; error: string }
  | { kind: 'interrupted' };

/**
 * One `POST {statements: [...]}` to the multiple-statements endpoint with the platform's bearer
 * token (the database's documented headers). The time limit and the shutdown are a timer and a
 * listener held here, aborting one controller, until the call settles.
 */
export async function postStatements(args: {
  endpoint: string;
  token: string;
  statements: unknown[];
  timeoutMs: number;
  shutdown: AbortSignal;
}): Promise<PostResult> {
  if (args.shutdown.aborted) return { kind: 'interrupted' };
  const controller = new AbortController();
  let stopped: 'timeout' | 'shutdown' | null = null;
  const stop = (why: 'timeout' | 'shutdown') => {
    stopped ??= why;
    controller.abort();
  };
  const timer = setTimeout(() => stop('timeout'), args.timeoutMs);
  const onShutdown = () => stop('shutdown');
  args.shutdown.addEventListener('abort', onShutdown, { once: true });
  try {
    const res = await fetch(args.endpoint, {
      method: 'POST',
      redirect: 'manual',
      signal: controller.signal,
      headers: {
        authorization: `Bearer ${args.token}`,
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'Verdict-DSA/1',
      },
      body: JSON.stringify({ statements: args.statements }),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { kind: 'answered', status: res.status, body };
  } catch (err) {
    if (stopped === 'shutdown') return { kind: 'interrupted' };
    if (stopped === 'timeout') return { kind: 'no_answer', error: 'timeout' };
    const cause = (err as { cause?: { code?: string } }).cause;
    return { kind: 'no_answer', error: `network: ${cause?.code ?? 'unreachable'}` };
  } finally {
    clearTimeout(timer);
    args.shutdown.removeEventListener('abort', onShutdown);
  }
}
