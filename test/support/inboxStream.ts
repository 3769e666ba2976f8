import type { createApiClient } from './apiClient';

type Client = ReturnType<typeof createApiClient>;

/** Opens `inbox.changes` as the browser's EventSource would, and counts the pings it gets. */
export async function inboxStream(url: string, client: Client) {
  const controller = new AbortController();
  const response = await fetch(`${url}/trpc/inbox.changes`, {
    headers: { accept: 'text/event-stream', cookie: `verdict_session=${client.cookies.get('verdict_session')}` },
    signal: controller.signal,
  });
  const stream = { pings: 0, close: () => controller.abort() };
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        stream.pings += chunk.value.split('\n').filter((l) => l.startsWith('data: {"at"')).length;
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return stream;
}
