import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_EVENT_TYPES } from '../../shared/api/outbox';
import { createApiClient, signIn } from '../support/apiClient';
import { freePort } from '../support/deskProcess';
import { errorOf } from '../support/errors';
import { createIntegrationToken, createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

/**
 * Webhook URLs and SSRF. No request here leaves 127.0.0.1: refusals at creation send nothing,
 * and the delivery-time checks use loopback names and addresses the desk must not call.
 */
describe.each(BACKENDS)('webhook addresses on %s', (backend) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let admin: ReturnType<typeof createApiClient>;
  let flow: { intake: ReturnType<typeof createApiClient>; reviewer: ReturnType<typeof createApiClient> };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer(backend, {
      env: {
        DESK_OUTBOX_POLL_MS: '20',
        DESK_OUTBOX_MAX_ATTEMPTS: '1',
        DESK_OUTBOX_TIMEOUT_MS: '2000',
        // Only 127.0.0.2 (where nothing listens) is allowed: 127.0.0.1 and localhost are not.
        DESK_OUTBOX_ALLOW_HOSTS: '127.0.0.2',
      },
    });
    const staff = await createStaff(server.db, [
      { username: 'rev', role: 'reviewer' },
      { username: 'admin', role: 'admin' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [...staff.values()] });
    flow = {
      intake: createApiClient(server.url, {
        authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
      }),
      reviewer: await signIn(server.url, 'rev', TEST_PASSWORD),
    };
    admin = await signIn(server.url, 'admin', TEST_PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('refuses internal, odd-spelled and credentialed URLs at creation and on update, with field url', async () => {
    const refused = [
      ['http://169.254.169.254/latest/meta-data/', 'webhook_url_blocked_address'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'webhook_url_internal_host'],
      ['http://10.1.2.3/hook', 'webhook_url_blocked_address'],
      ['http://[::1]:22/', 'webhook_url_blocked_address'],
      ['http://2130706433/', 'webhook_url_blocked_address'],
      ['http://0177.0.0.1/', 'webhook_url_blocked_address'],
      ['http://0x7f000001/', 'webhook_url_blocked_address'],
      ['http://[::ffff:169.254.169.254]/', 'webhook_url_blocked_address'],
      ['http://localhost:8080/', 'webhook_url_internal_host'],
      ['https://admin:pw@hooks.example.com/', 'webhook_url_credentials'],
    ] as const;
    for (const [url, reason] of refused) {
      const err = await errorOf(admin.trpc.outbox.endpoints.create.mutate({ url, eventTypes: ['notice.issued'] }));
      expect([url, err.data?.code, err.data?.reason, err.data?.field]).toEqual([url, 'BAD_REQUEST', reason, 'url']);
    }
    const { endpoint } = await admin.trpc.outbox.endpoints.create.mutate({
      url: 'https://hooks.example.com/verdict',
      eventTypes: ['notice.issued'],
      enabled: false,
    });
    const err = await errorOf(
      admin.trpc.outbox.endpoints.update.mutate({ id: endpoint.id, url: 'http://192.168.0.1/hook' }),
    );
    expect([err.data?.reason, err.data?.field]).toEqual(['webhook_url_blocked_address', 'url']);
    expect((await admin.trpc.outbox.endpoints.list.query()).map((e) => e.url)).toEqual([
      'https://hooks.example.com/verdict',
    ]);
    await admin.trpc.outbox.endpoints.remove.mutate({ id: endpoint.id });
  });

  it('checks the address again at delivery, after DNS, and reports only a closed set of errors', async () => {
    const port = new URL(receiver.url).port;
    // Allowed by DESK_OUTBOX_ALLOW_HOSTS, but nothing listens there: an honest "refused".
    const closed = await admin.trpc.outbox.endpoints.create.mutate({
      url: `http://127.0.0.2:${await freePort()}/hook`,
      eventTypes: [...OUTBOX_EVENT_TYPES],
    });
    // Stored before the rule existed (or by hand): a name that resolves to loopback, and a literal.
    const at = new Date().toISOString();
    const stored = async (url: string) =>
      (
        await server.db
          .insertInto('outbox_endpoints')
          .values({
            url,
            description: '',
            event_types: JSON.stringify(OUTBOX_EVENT_TYPES),
            secret: 'whsec_test',
            enabled: 1,
            created_by: null,
            created_at: at,
            updated_at: at,
            deleted_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const byName = await stored(`http://localhost:${port}/hooks/verdict`);
    const byLiteral = await stored(`http://127.0.0.1:${port}/hooks/verdict`);

    await applyFinding(flow, 'S-SSRF');
    const dead = async () =>
      server.db
        .selectFrom('outbox_deliveries')
        .select(['endpoint_id', 'last_error', 'last_status'])
        .where('subject_id', '=', 'S-SSRF')
        .where('status', '=', 'dead')
        .execute();
    for (let i = 0; i < 400 && (await dead()).length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    const errors = Object.fromEntries((await dead()).map((d) => [d.endpoint_id, [d.last_error, d.last_status]]));
    expect(errors).toEqual({
      [closed.endpoint.id]: ['refused', null],
      [byName]: ['blocked_address', null],
      [byLiteral]: ['blocked_address', null],
    });
    expect(receiver.requests).toEqual([]);
    expect(receiver.rejected).toEqual([]);
    // Removing an endpoint drops its undelivered deliveries together with their recorded attempts.
    const { droppedDeliveries } = await admin.trpc.outbox.endpoints.remove.mutate({ id: closed.endpoint.id });
    expect(droppedDeliveries).toBeGreaterThan(0);
  });
});
