import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { type CaseChange, ChangeBus } from '../../server/events/changeBus';
import { type RunningServer, startServer } from '../../server/server';
import { WRITER_THREAD_NICE } from '../../server/writer/messages';
import { WriterThread } from '../../server/writer/writerThread';
import { DeskError } from '../../shared/errors/deskError';
import { createApiClient, signIn } from '../support/apiClient';
import {
  createIntegrationToken,
  createQueue,
  createStaff,
  insertTriagedCases,
  reportInput,
  TEST_PASSWORD,
} from '../support/factories';
import { procStatFields } from '../support/procStat';

/** Each thread of this process by its id, with its nice value (Linux keeps one per thread). */
function threadNiceValues(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    nices.set(Number(tid), Number(procStatFields(`/proc/self/task/${tid}/stat`)[16]));
  }
  return nices;
}

// The writer thread is SQLite's (PostgreSQL refuses the setting), so this file runs on SQLite only.
describe('the writer thread (DESK_SQLITE_WRITER_THREAD=1)', () => {
  let dir: string;
  let url: string;
  let staff: Map<string, number>;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verdict-writer-'));
    url = `sqlite:${join(dir, 'desk.sqlite')}`;
    const handle = openDatabase(url);
    await migrateToLatest(handle.db);
    staff = await createStaff(handle.db, [
      ...Array.from({ length: 16 }, (_, i) => ({ username: `r${i}`, role: 'reviewer' as const })),
      { username: 'solo', role: 'reviewer' as const },
    ]);
    await createQueue(handle.db, 'general', { members: [...staff.values()], routeRules: [] });
    await insertTriagedCases(handle.db, 'general', 40);
    token = await createIntegrationToken(handle.db, 'platform', ['intake']);
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a use case on its own connection, brings back its errors as they were thrown, and its changes to this bus', async () => {
    const bus = new ChangeBus();
    const writer = await WriterThread.start({ databaseUrl: url, paceCacheMs: 0, rulebookPollMs: 3000 }, bus);
    const heard: CaseChange[] = [];
    const listening = (async () => {
      for await (const change of bus.subscribe(AbortSignal.timeout(30_000))) {
        heard.push(change);
        break;
      }
    })().catch(() => {});
    try {
      const audit = {
        actor: { type: 'user' as const, id: String(staff.get('solo')) },
        requestId: 'w-1',
        ip: null,
        userAgent: null,
      };
      const claimed = await writer.run('claimNext', audit, {});
      expect(claimed).toEqual({ caseId: expect.any(Number) });
      await listening;
      expect(heard[0]).toMatchObject({ caseId: claimed?.caseId, status: 'assigned', assigneeId: staff.get('solo') });
      // A stale version: the DeskError the use case threw, with its code, reason and details.
      const refused = await writer
        .run('decideCase', audit, { id: claimed?.caseId ?? 0, version: 0, decision: 'dismiss', reason: '证据不足' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DeskError);
      expect(refused).toMatchObject({ code: 'CONFLICT' });
      // On Linux the writer thread, and only it, yields the CPU to the HTTP thread.
      // (Unless this whole process already runs at that nice value or lower priority.)
      const nices = process.platform === 'linux' ? threadNiceValues() : new Map<number, number>();
      if ((nices.get(process.pid) ?? WRITER_THREAD_NICE) < WRITER_THREAD_NICE)
        expect([...nices.values()].filter((n) => n === WRITER_THREAD_NICE)).toHaveLength(1);
    } finally {
      await writer.stop();
    }
  });

  describe('behind a desk over HTTP', () => {
    let server: RunningServer;
    beforeAll(async () => {
      const config = loadConfig({
        PORT: '0',
        DATABASE_URL: url,
        DESK_DEMO: '0',
        DESK_SQLITE_READERS: '2',
        DESK_SQLITE_WRITER_THREAD: '1',
        DESK_AUDIT_ANCHOR_FILE: 'off',
        DESK_LOGIN_ATTEMPTS_PER_5MIN: '1000',
      });
      server = await startServer(config, { logger: pino({ level: 'silent' }) });
    });
    afterAll(() => server?.close());

    it('16 reviewers claim and decide at once: no case twice, each reads back their own decision', async () => {
      const reviewers = await Promise.all(
        Array.from({ length: 16 }, (_, i) => signIn(server.url, `r${i}`, TEST_PASSWORD)),
      );
      const claims = await Promise.all(reviewers.map((r) => r.trpc.queue.next.mutate({})));
      const ids = claims.map((c) => c?.caseId);
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      expect(new Set(ids).size).toBe(16);
      await Promise.all(
        reviewers.map(async (r, i) => {
          const id = ids[i] as number;
          const before = await r.trpc.cases.get.query({ id });
          const decided = await r.trpc.cases.decide.mutate({
            id,
            version: before.version,
            decision: 'dismiss',
            reason: '证据不足，不予处罚',
          });
          // Read from the HTTP thread's connections right after the writer thread's commit.
          const after = await r.trpc.cases.get.query({ id });
          expect(after.status).toBe(decided.status);
          expect(after.version).toBeGreaterThan(before.version);
        }),
      );
    });

    it('takes reports in from an integration, the same report twice as one, and a bad one refused as before', async () => {
      const platform = createApiClient(server.url, { authorization: `Bearer ${token}` });
      const input = reportInput({ subject: { id: 'W-1', kind: 'merchant', name: '线程测试商家' } });
      const [first, again] = await Promise.all([
        platform.trpc.reports.submit.mutate(input),
        platform.trpc.reports.submit.mutate(input),
      ]);
      expect(again).toEqual(first);
      const refused = await platform.trpc.reports.submit
        .mutate(reportInput({ rule: 'counterfeit', subject: { id: 'W-2', kind: 'merchant', platform: 'kuaishou' } }))
        .catch((e: { data?: { reason?: string } }) => e.data?.reason);
      expect(refused).toBe('rule_not_on_platform');
    });
  });
});
