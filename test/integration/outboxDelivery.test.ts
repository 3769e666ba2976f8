import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { verifySignature } from '../../server/outbox/signature';
import { startServer } from '../../server/server';
import { OUTBOX_EVENT_TYPES } from '../../shared/api/outbox';
import { createApiClient, signIn } from '../support/apiClient';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/** Fast settings so retries and dead letters happen within a test. */
const OUTBOX_ENV = {
  DESK_OUTBOX_POLL_MS: '20',
  DESK_OUTBOX_BASE_DELAY_MS: '40',
  DESK_OUTBOX_MAX_DELAY_MS: '200',
  DESK_OUTBOX_MAX_ATTEMPTS: '3',
  DESK_OUTBOX_TIMEOUT_MS: '300',
  DESK_OUTBOX_LEASE_MS: '2000',
  DESK_OUTBOX_SCHEDULER_MS: '600000',
  // The receiver listens on loopback, which the desk otherwise refuses to call.
  DESK_OUTBOX_ALLOW_HOSTS: '127.0.0.1',
};

/** A number in [0, 1) fixed by the text: failures that are random-looking but reproducible. */
const chance = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

describe.each(BACKENDS)('webhook delivery on %s', (backend) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let admin: ReturnType<typeof createApiClient>;
  let flow: { intake: ReturnType<typeof createApiClient>; reviewer: ReturnType<typeof createApiClient> };

  const messageCount = async (subjects: string[]) =>
    Number(
      (
        await server.db
          .selectFrom('outbox_messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('subject_id', 'in', subjects)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sequencesOf = async (subjectId: string) =>
    (
      await server.db
        .selectFrom('outbox_messages')
        .select('id')
        .where('subject_id', '=', subjectId)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
  const arrivedFor = (subjects: string[]) => receiver.messages.filter((m) => subjects.includes(m.subjectId)).length;
  /** The receiver records a message before it answers: wait for the desk to settle the attempt too. */
  const settled = async (subjects: string[]) => {
    for (let i = 0; i < 200; i++) {
      const open = await server.db
        .selectFrom('outbox_deliveries')
        .select('id')
        .where('subject_id', 'in', subjects)
        .where('status', '<>', 'delivered')
        .execute();
      if (open.length === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`deliveries of ${subjects.join(', ')} did not settle`);
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer(backend, { env: OUTBOX_ENV });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'admin', role: 'admin' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    flow = { intake, reviewer: await signIn(server.url, 'rev', TEST_PASSWORD) };
    admin = await signIn(server.url, 'admin', TEST_PASSWORD);
    const { secret } = await admin.trpc.outbox.endpoints.create.mutate({
      url: receiver.url,
      eventTypes: [...OUTBOX_EVENT_TYPES],
    });
    receiver.options.secret = secret;
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('audits every change to endpoints, and never shows or records a secret after creation', async () => {
    const created = await admin.trpc.outbox.endpoints.create.mutate({
      url: 'https://enforcement.example.test/hooks',
      description: '店铺处置系统',
      eventTypes: ['notice.issued'],
      enabled: false,
    });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    const id = created.endpoint.id;
    await admin.trpc.outbox.endpoints.update.mutate({ id, eventTypes: ['measure.started', 'measure.ended'] });
    const rotated = await admin.trpc.outbox.endpoints.rotateSecret.mutate({ id });
    expect(rotated.secret).not.toBe(created.secret);
    const listed = await admin.trpc.outbox.endpoints.list.query();
    expect(listed.find((e) => e.id === id)).toMatchObject({
      eventTypes: ['measure.started', 'measure.ended'],
      enabled: false,
    });
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(await admin.trpc.outbox.endpoints.remove.mutate({ id })).toEqual({ droppedDeliveries: 0 });
    expect((await admin.trpc.outbox.endpoints.list.query()).map((e) => e.id)).not.toContain(id);

    const events = await server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'data'])
      .where('target_type', '=', 'outbox_endpoint')
      .where('target_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'outbox.endpoint_created',
      'outbox.endpoint_updated',
      'outbox.endpoint_secret_rotated',
      'outbox.endpoint_removed',
    ]);
    expect(events.every((e) => e.actor_type === 'user' && !String(e.data).includes('whsec_'))).toBe(true);
    expect(
      (
        await errorOf(
          flow.reviewer.trpc.outbox.endpoints.create.mutate({ url: receiver.url, eventTypes: ['notice.issued'] }),
        )
      ).data?.code,
    ).toBe('FORBIDDEN');
  });

  it('signs each delivery so the receiver can check it, and a replayed request is refused', async () => {
    await applyFinding(flow, 'S-SIG');
    const expected = await messageCount(['S-SIG']);
    await receiver.waitFor(() => arrivedFor(['S-SIG']) === expected, 10_000, 'S-SIG');
    const request = receiver.raw.find((r) => r.body.includes('"S-SIG"'));
    if (!request) throw new Error('no request captured');
    const body = JSON.parse(request.body) as { id: string; type: string };
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'verdict-event': body.type,
      'verdict-idempotency-key': body.id,
      'verdict-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });
    const header = String(request.headers['verdict-signature']);
    expect(verifySignature(String(receiver.options.secret), header, request.body, new Date())).toBe('ok');
    expect(verifySignature('whsec_wrong', header, request.body, new Date())).toBe('mismatch');

    // Ten minutes later the same bytes are a replay: refused on the timestamp alone.
    const rejectedBefore = receiver.rejected.length;
    receiver.options.now = () => new Date(Date.now() + 10 * 60_000);
    try {
      expect(await receiver.replay(request)).toBe(400);
    } finally {
      receiver.options.now = undefined;
    }
    // A body altered in transit fails the HMAC even with a fresh timestamp.
    expect(await receiver.replay({ ...request, body: request.body.replace('S-SIG', 'S-SIX') })).toBe(401);
    expect(receiver.rejected.slice(rejectedBefore).map((r) => r.reason)).toEqual(['stale', 'bad signature']);
  });

  it('retries a failing delivery with growing back-off until it succeeds, keeping attempts out of the audit trail', async () => {
    receiver.options.behaviour = (r) => (r.subjectId === 'S-RETRY' && r.attempt < 3 ? 'fail' : 'ok');
    try {
      await applyFinding(flow, 'S-RETRY');
      const expected = await messageCount(['S-RETRY']);
      await receiver.waitFor(() => arrivedFor(['S-RETRY']) === expected, 15_000, 'S-RETRY');
    } finally {
      receiver.options.behaviour = undefined;
    }
    expect(receiver.orderOf('S-RETRY')).toEqual(await sequencesOf('S-RETRY'));
    await settled(['S-RETRY']);
    const deliveries = await server.db
      .selectFrom('outbox_deliveries')
      .selectAll()
      .where('subject_id', '=', 'S-RETRY')
      .orderBy('message_id')
      .execute();
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts === 3)).toBe(true);

    // Each delivery's attempts are on the outbox page, not in the audit trail.
    const first = deliveries[0];
    if (!first) throw new Error('no delivery');
    const attempts = await admin.trpc.outbox.deliveries.attempts.query({ id: first.id });
    expect(attempts.map((a) => [a.attempt, a.result, a.httpStatus, a.error])).toEqual([
      [1, 'retry', 500, 'http_status 500'],
      [2, 'retry', 500, 'http_status 500'],
      [3, 'delivered', 204, null],
    ]);
    // Back-off: at least half of 40 ms, then of 80 ms, between the attempts.
    const times = attempts.map((a) => new Date(a.startedAt).getTime());
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(20);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(40);

    const audited = await server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'data'])
      .where('target_type', '=', 'outbox_delivery')
      .where(
        'target_id',
        'in',
        deliveries.map((d) => String(d.id)),
      )
      .orderBy('seq')
      .execute();
    // One event per delivery, its outcome: none per attempt.
    expect(audited.map((e) => e.action)).toEqual(deliveries.map(() => 'outbox.delivery_succeeded'));
    expect(JSON.parse(String(audited[0]?.data))).toMatchObject({ attempts: 3, httpStatus: 204, error: null });
    const perAttempt = await server.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'outbox.delivery_attempted')
      .execute();
    expect(perAttempt).toEqual([]);
  });

  it('dead-letters a delivery after the last attempt, holds its subject back, and "retry now" sends it all in order', async () => {
    let down = true;
    receiver.options.behaviour = (r) => (down && r.subjectId === 'S-DEAD' ? 'fail' : 'ok');
    try {
      await applyFinding(flow, 'S-DEAD');
      await applyFinding(flow, 'S-LIVE');
      const dead = async () =>
        server.db
          .selectFrom('outbox_deliveries')
          .selectAll()
          .where('subject_id', '=', 'S-DEAD')
          .where('status', '=', 'dead')
          .execute();
      const live = await messageCount(['S-LIVE']);
      await receiver.waitFor(() => arrivedFor(['S-LIVE']) === live, 10_000, 'S-LIVE');
      for (let i = 0; i < 200 && (await dead()).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      const [letter] = await dead();
      if (!letter) throw new Error('no dead letter');
      expect(letter).toMatchObject({ attempts: 3, last_status: 500, last_error: 'http_status 500' });
      const deadLettered = await server.db
        .selectFrom('audit_events')
        .select(['action', 'actor_type'])
        .where('target_type', '=', 'outbox_delivery')
        .where('target_id', '=', String(letter.id))
        .execute();
      expect(deadLettered).toEqual([{ action: 'outbox.delivery_dead_lettered', actor_type: 'system' }]);
      expect((await admin.trpc.outbox.deliveries.attempts.query({ id: letter.id })).map((a) => a.result)).toEqual([
        'retry',
        'retry',
        'dead',
      ]);

      // The subject's later messages wait behind it; another subject's went through meanwhile.
      const page = await admin.trpc.outbox.deliveries.list.query({ subjectId: 'S-DEAD' });
      expect(page.items.filter((d) => d.status === 'pending').every((d) => d.blocked && d.attempts === 0)).toBe(true);
      expect(page.items.filter((d) => d.status === 'dead').map((d) => d.id)).toEqual([letter.id]);
      expect((await admin.trpc.outbox.deliveries.counts.query()).dead).toBeGreaterThanOrEqual(1);
      expect(arrivedFor(['S-DEAD'])).toBe(0);

      down = false;
      await admin.trpc.outbox.deliveries.retry.mutate({ id: letter.id });
      const expected = await messageCount(['S-DEAD']);
      await receiver.waitFor(() => arrivedFor(['S-DEAD']) === expected, 10_000, 'S-DEAD');
      expect(receiver.orderOf('S-DEAD')).toEqual(await sequencesOf('S-DEAD'));
      expect((await errorOf(admin.trpc.outbox.deliveries.retry.mutate({ id: letter.id }))).data?.reason).toBe(
        'delivery_already_delivered',
      );
      const retried = await server.db
        .selectFrom('audit_events')
        .select('actor_type')
        .where('action', '=', 'outbox.delivery_retried')
        .execute();
      expect(retried).toEqual([{ actor_type: 'user' }]);
    } finally {
      receiver.options.behaviour = undefined;
    }
  });

  it('keeps each subject in order through failures and timeouts, with a second instance delivering too', async () => {
    const second = await startServer(
      loadConfig({
        ...OUTBOX_ENV,
        PORT: '0',
        DATABASE_URL: server.databaseUrl,
        DESK_DEMO: '0',
        DESK_AUDIT_ANCHOR_FILE: 'off',
      }),
      { logger: pino({ level: 'silent' }) },
    );
    // A request fails or hangs on its first attempt for about half the messages, on its second
    // for a fifth, and always succeeds on the third.
    receiver.options.behaviour = (r) => {
      const roll = chance(`${r.key}/${r.attempt}`);
      if (r.attempt === 1 && roll < 0.4) return roll < 0.1 ? 'timeout' : 'fail';
      if (r.attempt === 2 && roll < 0.2) return 'fail';
      return 'ok';
    };
    const subjects = ['S-ORD-1', 'S-ORD-2', 'S-ORD-3', 'S-ORD-4'];
    try {
      for (const round of [1, 2]) {
        await Promise.all(
          subjects.map((s) => applyFinding(flow, s, { transactions: 120, items: [`${s}-item-${round}`] })),
        );
      }
      const expected = await messageCount(subjects);
      await receiver.waitFor(() => arrivedFor(subjects) === expected, 20_000, 'the S-ORD subjects');
      for (const s of subjects) expect(receiver.orderOf(s)).toEqual(await sequencesOf(s));
      const requests = receiver.requests.filter((r) => subjects.includes(r.subjectId));
      // Timed-out requests were processed and then sent again: duplicates the key lets the receiver drop.
      expect(requests.length).toBeGreaterThan(expected);
      expect(new Set(requests.map((r) => r.key)).size).toBe(expected);
    } finally {
      receiver.options.behaviour = undefined;
      await second.close();
    }
  });
});
