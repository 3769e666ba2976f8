import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { OUTBOX_EVENT_TYPES } from '../../shared/api/outbox';
import { createApiClient, signIn } from '../support/apiClient';
import { type DeskProcess, freePort, startDeskProcess } from '../support/deskProcess';
import { createIntegrationToken, createQueue, createStaff, TEST_PASSWORD } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { startWebhookReceiver } from '../support/webhookReceiver';

const chance = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/**
 * The crash test: the desk runs as a real process on SQLite, is killed with SIGKILL while a
 * delivery is on the wire, and is started again on the same database. Every message must then
 * reach the receiver — some twice, which its idempotency key absorbs — and each subject's in order.
 */
describe('the desk killed with -9 in the middle of a delivery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-kill-'));
  const databaseUrl = `sqlite:${join(dir, 'desk.sqlite')}`;
  const desks: DeskProcess[] = [];
  afterAll(async () => {
    for (const desk of desks) await desk.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every message exactly once after de-duplication, in order per subject', async () => {
    const handle = openDatabase(databaseUrl);
    const port = String(await freePort());
    const env = {
      DATABASE_URL: databaseUrl,
      DESK_DEMO: '0',
      PORT: port,
      DESK_AUDIT_ANCHOR_FILE: 'off',
      DESK_LOGIN_ATTEMPTS_PER_5MIN: '1000',
      DESK_OUTBOX_POLL_MS: '25',
      DESK_OUTBOX_BASE_DELAY_MS: '30',
      DESK_OUTBOX_MAX_DELAY_MS: '200',
      DESK_OUTBOX_MAX_ATTEMPTS: '50',
      DESK_OUTBOX_TIMEOUT_MS: '400',
      DESK_OUTBOX_LEASE_MS: '1500',
      DESK_OUTBOX_ALLOW_HOSTS: '127.0.0.1',
    };
    let desk: DeskProcess | undefined;
    let kill: Promise<void> | null = null;
    const receiver = await startWebhookReceiver({
      // Some first attempts fail or hang; the 15th request ever brings the desk down under it.
      behaviour: (r) => {
        const roll = chance(`${r.key}/${r.attempt}`);
        return r.attempt > 1 || roll > 0.35 ? 'ok' : roll < 0.1 ? 'timeout' : 'fail';
      },
      onRequest: () => {
        if (receiver.requests.length >= 14 && !kill && desk) kill = desk.kill();
      },
    });
    try {
      await migrateToLatest(handle.db);
      const staff = await createStaff(handle.db, [
        { username: 'rev', role: 'reviewer' },
        { username: 'admin', role: 'admin' },
      ]);
      await createQueue(handle.db, 'general', { routeRules: [], members: [...staff.values()] });
      const token = await createIntegrationToken(handle.db, 'intake', ['intake']);

      desk = await startDeskProcess(env);
      desks.push(desk);
      const admin = await signIn(desk.url, 'admin', TEST_PASSWORD);
      // Paused while the decisions are made, so the kill surely lands mid-stream.
      const { endpoint, secret } = await admin.trpc.outbox.endpoints.create.mutate({
        url: receiver.url,
        eventTypes: [...OUTBOX_EVENT_TYPES],
        enabled: false,
      });
      receiver.options.secret = secret;
      const flow = {
        intake: createApiClient(desk.url, { authorization: `Bearer ${token}` }),
        reviewer: await signIn(desk.url, 'rev', TEST_PASSWORD),
      };
      const subjects = ['K-1', 'K-2', 'K-3', 'K-4'];
      for (const round of [1, 2]) {
        await Promise.all(
          subjects.map((s) => applyFinding(flow, s, { transactions: 120, items: [`${s}-item-${round}`] })),
        );
      }
      const messages = await handle.db
        .selectFrom('outbox_messages')
        .select(['id', 'idempotency_key', 'subject_id'])
        .orderBy('id')
        .execute();
      expect(messages.length).toBeGreaterThan(40);

      await admin.trpc.outbox.endpoints.update.mutate({ id: endpoint.id, enabled: true });
      await receiver.waitFor(() => kill !== null, 15_000, 'the kill');
      await kill;
      const beforeRestart = receiver.messages.length;
      expect(beforeRestart).toBeLessThan(messages.length);

      desk = await startDeskProcess(env);
      desks.push(desk);
      await receiver.waitFor(() => receiver.messages.length === messages.length, 30_000, 'every message');

      expect(receiver.messages.map((m) => m.key).sort()).toEqual(messages.map((m) => m.idempotency_key).sort());
      for (const s of subjects) {
        expect(receiver.orderOf(s)).toEqual(messages.filter((m) => m.subject_id === s).map((m) => m.id));
      }
      // At least once: the request the kill interrupted (and every timed-out one) came again.
      expect(receiver.duplicates()).toBeGreaterThan(0);
      await desk.stop();
      const open = await handle.db
        .selectFrom('outbox_deliveries')
        .select('id')
        .where('status', '<>', 'delivered')
        .execute();
      expect(open).toEqual([]);
    } finally {
      await receiver.close();
      await handle.close();
    }
  });
});
