import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { signIn } from '../support/apiClient';
import { createQueue, createStaff, insertTriagedCases, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const REVIEWERS = 16;
const CALLS_EACH = 150;
const CASES = 1500;

// Two reviewers must never hold the same case: 16 of them race for 1,500 cases over HTTP (150 calls
// each keeps all 16 in flight together the whole time; more calls only repeat the same race).
describe.each(BACKENDS)('the claim race on %s', (backend) => {
  let server: TestServer;
  let reviewerIds: number[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    const staff = await createStaff(
      server.db,
      Array.from({ length: REVIEWERS }, (_, i) => ({ username: `racer${i}`, role: 'reviewer' as const })),
    );
    reviewerIds = [...staff.values()];
    await createQueue(server.db, 'race', { members: reviewerIds });
    await insertTriagedCases(server.db, 'race', CASES);
  });
  afterAll(() => server.stop());

  it(`${REVIEWERS} reviewers × ${CALLS_EACH} queue.next calls: every case assigned exactly once`, async () => {
    const clients = await Promise.all(reviewerIds.map((_, i) => signIn(server.url, `racer${i}`, TEST_PASSWORD)));
    const claimedBy = await Promise.all(
      clients.map(async (client) => {
        const mine: number[] = [];
        for (let call = 0; call < CALLS_EACH; call++) {
          const next = await client.trpc.queue.next.mutate({});
          if (next) mine.push(next.caseId);
        }
        return mine;
      }),
    );
    const all = claimedBy.flat();
    expect(new Set(all).size).toBe(all.length); // no case handed out twice
    expect(all.length).toBe(CASES); // and none left behind
    const rows = await server.db
      .selectFrom('cases')
      .select(['id', 'assignee_id', 'status'])
      .where('queue', '=', 'race')
      .execute();
    expect(rows.every((r) => r.status === 'assigned')).toBe(true);
    // The database agrees with what each reviewer was told.
    const owner = new Map(rows.map((r) => [r.id, r.assignee_id]));
    claimedBy.forEach((ids, i) => {
      for (const id of ids) expect(owner.get(id)).toBe(reviewerIds[i]);
    });
    const claims = await server.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'case.claimed')
      .executeTakeFirstOrThrow();
    expect(Number(claims.n)).toBe(CASES);
    expect((await verifyChain(server.db)).ok).toBe(true);
  }, 180_000);
});
