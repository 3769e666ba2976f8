import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../server/audit/verifyChain';
import { systemClock } from '../../server/clock';
import { DEMO_CASE_COUNT, seedDemoData } from '../../server/demo/seedDemo';
import { ROLES } from '../../shared/auth/roles';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(BACKENDS)('demo data on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { demo: true });
  });
  afterAll(() => server.stop());

  it('seeds a user for every main staff role and returns their logins', async () => {
    const users = await server.db.selectFrom('users').select(['username', 'role']).execute();
    const roles = new Set(users.map((u) => u.role));
    for (const role of ['admin', 'lead', 'reviewer', 'appeals_officer', 'auditor'] as const)
      expect(roles).toContain(role);
    expect([...roles].every((r) => ROLES.includes(r))).toBe(true);
    expect(server.demoLogins?.map((l) => l.username).sort()).toEqual(users.map((u) => u.username).sort());
  });

  it('seeds Chinese cases across the violation families, each with its report', async () => {
    const cases = await server.db
      .selectFrom('cases')
      .innerJoin('subjects', 'subjects.id', 'cases.subject_id')
      .select(['cases.rule', 'cases.summary', 'subjects.name'])
      .execute();
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    expect(new Set(cases.map((c) => c.rule)).size).toBe(8);
    expect(cases.every((c) => /[\u4e00-\u9fff]/.test(c.summary) && /[\u4e00-\u9fff]/.test(c.name ?? ''))).toBe(true);
    const reports = await server.db.selectFrom('reports').select('case_id').execute();
    expect(new Set(reports.map((r) => r.case_id)).size).toBe(DEMO_CASE_COUNT);
  });

  it('does not seed twice, and leaves an intact audit chain', async () => {
    await seedDemoData({ db: server.db, clock: systemClock });
    const cases = await server.db.selectFrom('cases').select('id').execute();
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    const chain = await verifyChain(server.db);
    expect(chain.ok).toBe(true);
    expect(chain.count).toBeGreaterThan(0);
  });
});
