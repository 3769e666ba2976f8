import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseChange } from '../../server/events/changeBus';
import { signIn } from '../support/apiClient';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

/** Opens the `cases.changes` subscription as a browser's EventSource would, and collects its events. */
async function subscribe(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/trpc/cases.changes`, {
    headers: { accept: 'text/event-stream', cookie },
    signal: controller.signal,
  });
  const received: CaseChange[] = [];
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += chunk.value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '));
          if (data && !event.includes('event: ')) received.push(JSON.parse(data.slice(6)) as CaseChange);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return { response, received, close: () => controller.abort(), pump };
}

describe('live queue updates (SSE)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const staff = await createStaff(server.db, [
      { username: 'watcher', role: 'reviewer' },
      { username: 'claimer', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'q', { members: [...staff.values()] });
    await insertTriagedCases(server.db, 'q', 3);
  });
  afterAll(() => server.stop());

  it('tells an open queue view about a claim within a second, without polling', async () => {
    const watcher = await signIn(server.url, 'watcher', TEST_PASSWORD);
    const cookie = `verdict_session=${watcher.cookies.get('verdict_session')}`;
    const stream = await subscribe(server.url, cookie);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');

    const claimer = await signIn(server.url, 'claimer', TEST_PASSWORD);
    const started = Date.now();
    const claimed = await claimer.trpc.queue.next.mutate({});
    await expect.poll(() => stream.received.length, { timeout: 1000, interval: 20 }).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stream.received[0]).toMatchObject({ caseId: claimed?.caseId, action: 'claimed', status: 'assigned' });
    stream.close();
    await stream.pump;
  });

  it('refuses the subscription to anyone not signed in', async () => {
    const response = await fetch(`${server.url}/trpc/cases.changes`, { headers: { accept: 'text/event-stream' } });
    const text = await response.text();
    expect(text).toContain('UNAUTHORIZED');
  });
});
