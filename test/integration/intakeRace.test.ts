import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import { importReports } from '../../server/services/bulkIntake.service';
import { createIntegrationToken, createQueue, reportInput, systemContext } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const SUBJECTS = 40;
const REPORTS = 160;

describe.each(BACKENDS)('parallel intake on %s', (backend) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { DESK_INTAKE_PER_SECOND: '100000' } });
    await createQueue(server.db, 'general', { routeRules: [], position: 99 });
    token = await createIntegrationToken(server.db, 'detector', ['intake']);
  });
  afterAll(() => server.stop());

  /** Posts one report over HTTP and returns the status (a client error is as good as a 5xx for this test). */
  async function submit(report: ReturnType<typeof reportInput>) {
    const response = await fetch(`${server.url}/trpc/reports.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-verdict-csrf': '1' },
      body: JSON.stringify(report),
    });
    return response.status;
  }

  // The four reports about one subject go out side by side, so they meet in the database.
  const reportsAbout = (prefix: string, rule: string) =>
    Array.from({ length: REPORTS }, (_, i) => {
      const subject = Math.floor((i * SUBJECTS) / REPORTS);
      return reportInput({
        externalId: `${prefix}-${rule}-${i}`,
        subject: { id: `${prefix}-${subject}`, kind: 'merchant', name: `店铺${subject}` },
        rule,
      });
    });

  async function expectOneOpenCaseEach(prefix: string, rule: string, expectedReports: number) {
    const cases = await server.db
      .selectFrom('cases')
      .select(['id', 'subject_id', 'report_count'])
      .where('subject_id', 'like', `${prefix}-%`)
      .where('rule', '=', rule)
      .where('is_open', '=', 1)
      .execute();
    expect(cases).toHaveLength(SUBJECTS);
    expect(new Set(cases.map((c) => c.subject_id)).size).toBe(SUBJECTS);
    const reports = await server.db
      .selectFrom('reports')
      .select(['case_id'])
      .where('subject_id', 'like', `${prefix}-%`)
      .where('rule', '=', rule)
      .execute();
    expect(reports).toHaveLength(expectedReports);
    const caseIds = new Set(cases.map((c) => c.id));
    expect(reports.every((r) => caseIds.has(r.case_id))).toBe(true);
    expect(cases.reduce((sum, c) => sum + c.report_count, 0)).toBe(expectedReports);
  }

  it('files 160 parallel reports about 40 new subjects into one open case each, with no 5xx', async () => {
    const statuses = await Promise.all(reportsAbout('NEW', 'fake-transaction').map(submit));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await expectOneOpenCaseEach('NEW', 'fake-transaction', REPORTS);
    const subjects = await server.db.selectFrom('subjects').select('id').where('id', 'like', 'NEW-%').execute();
    expect(subjects).toHaveLength(SUBJECTS);
  });

  it('files 160 parallel reports about 40 existing subjects under another rule into one open case each', async () => {
    const statuses = await Promise.all(reportsAbout('NEW', 'counterfeit').map(submit));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await expectOneOpenCaseEach('NEW', 'counterfeit', REPORTS);
  });

  it('answers the same report sent twice in parallel once, as a repeat', async () => {
    const report = reportInput({ externalId: 'twice', subject: { id: 'TWICE-1', kind: 'merchant' } });
    const responses = await Promise.all([report, report, report].map(submit));
    expect(responses).toEqual([200, 200, 200]);
    const rows = await server.db.selectFrom('reports').select('id').where('external_id', '=', 'twice').execute();
    expect(rows).toHaveLength(1);
  });

  it('merges bulk imports running beside reports.submit into the same open cases', async () => {
    const second = openDatabase(server.databaseUrl);
    try {
      const all = reportsAbout('BULK', 'fake-transaction');
      const quarter = (n: number) => all.filter((_, i) => i % 4 === n);
      const [, , statuses] = await Promise.all([
        importReports(systemContext(second.db), quarter(0)),
        importReports(systemContext(server.db), quarter(1)),
        Promise.all([...quarter(2), ...quarter(3)].map(submit)),
      ]);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      await expectOneOpenCaseEach('BULK', 'fake-transaction', REPORTS);
    } finally {
      await second.close();
    }
  });
});
