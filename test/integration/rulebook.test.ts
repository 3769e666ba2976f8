import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { defaultRulebook, RIGHTS_ABUSE_SPLIT_DATE, ruleIdsOf } from '../../shared/rulebook';
import { createApiClient, signIn } from '../support/apiClient';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('the rulebook over the API on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true });
  });
  afterAll(() => server.stop());

  it('lists every rule of the rulebook with its versions, effective dates and measures', async () => {
    const client = await signIn(server.url, 'admin', DEMO_PASSWORD);
    const rulebook = await client.trpc.rulebook.get.query();

    expect(rulebook.id).toBe(defaultRulebook.id);
    // Taobao's page: its own rules (the 1688 and Kuaishou rules are on their platforms' pages).
    expect(rulebook.platform).toBe('taobao');
    expect(rulebook.rules.map((r) => r.id)).toEqual(ruleIdsOf('taobao'));
    for (const rule of rulebook.rules) {
      expect(rule.versions.length, rule.id).toBeGreaterThan(0);
      expect(rule.name.zh, rule.id).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.name.en, rule.id).toMatch(/[a-z]/i);
    }

    // Seed 001: 12 general points before 2016-08-02, 48 serious points from that day.
    const registration = rulebook.rules.find((r) => r.id === 'improper-registration');
    expect(registration?.name).toEqual({ zh: '不当注册', en: 'Improper registration' });
    expect(registration?.versions).toMatchObject([
      { sinceRecordsBegin: true, inForceUntil: '2016-08-01', ledger: 'general', tiers: [{ points: 12 }] },
      { effectiveFrom: RIGHTS_ABUSE_SPLIT_DATE, inForceUntil: null, ledger: 'serious', tiers: [{ points: 48 }] },
    ]);
    expect(RIGHTS_ABUSE_SPLIT_DATE).toBe('2016-08-02');

    // Measures carry both labels; every measure a rule names is in the table.
    const measureIds = new Set(rulebook.measures.map((m) => m.id));
    expect(rulebook.measures.find((m) => m.id === 'account-sealed')).toEqual({
      id: 'account-sealed',
      label: { zh: '查封账户', en: 'Account sealed' },
      seals: true,
    });
    for (const version of rulebook.rules.flatMap((r) => r.versions)) {
      for (const id of version.measures) expect(measureIds, id).toContain(id);
    }
  });

  it('describes the node scales, the year end and the search demotion', async () => {
    const client = await signIn(server.url, 'reviewer', DEMO_PASSWORD);
    const { ledgers, searchDemotion } = await client.trpc.rulebook.get.query();
    const byId = Object.fromEntries(ledgers.map((l) => [l.id, l]));

    const serious = byId.serious?.nodes;
    expect(serious?.kind === 'thresholds' && serious.nodes.map((n) => [n.points, n.days])).toEqual([
      [12, 7],
      [24, 14],
      [36, 21],
      [48, null],
    ]);
    expect(byId.general?.nodes).toMatchObject({ kind: 'every', step: 12, days: 7 });
    expect(byId.counterfeit?.yearEnd).toEqual({
      keepAtOrAbove: 48,
      carryOver: { atOrAbove: 24, points: 24, clearIfAddedBelow: 24 },
    });
    expect(byId.counterfeit?.strikes).toMatchObject({ limit: 3, measures: ['account-sealed'] });
    expect(searchDemotion).toEqual([
      expect.objectContaining({ ruleId: 'fake-transaction', days: 30, measure: 'search-demotion' }),
    ]);
  });

  it('is open to every role, even the least privileged', async () => {
    for (const username of ['triager', 'auditor']) {
      const client = await signIn(server.url, username, DEMO_PASSWORD);
      const rulebook = await client.trpc.rulebook.get.query();
      expect(rulebook.rules.length, username).toBe(ruleIdsOf('taobao').length);
    }
  });

  it('requires a signed-in staff member', async () => {
    const anonymous = createApiClient(server.url);
    const error = await anonymous.trpc.rulebook.get.query().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error instanceof TRPCClientError && error.data?.code).toBe('UNAUTHORIZED');
  });
});
