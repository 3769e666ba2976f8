import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mismatch } from '../../shared/audit/expectedState';
import { createApiClient, signIn } from '../support/apiClient';
import { createIntegrationToken, createQueue, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { applyFinding } from '../support/outboxFlow';
import { runDesk } from '../support/runDesk';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

type Client = ReturnType<typeof createApiClient>;

/**
 * Someone with database access edits business rows directly (triggers guard only the audit
 * trail; these tables are plain). The hash chain stays intact; reconciling the tables with
 * what the trail says names the table, row and field.
 */
describe.each(BACKENDS)('audit verify reconciles the business tables with the trail on %s', (backend) => {
  let server: TestServer;
  let auditor: Client;
  const ids = {
    applied: 0,
    reversed: 0,
    dismissed: 0,
    dismissedCase: 0,
    reviewer: 0,
    triager: 0,
    disabled: 0,
    promoted: 0,
  };
  const verify = () => auditor.trpc.audit.verify.query({});

  beforeAll(async () => {
    server = await startTestServer(backend, { env: { DESK_AUDIT_ANCHOR_FILE: 'off' } });
    const staff = await createStaff(server.db, [
      { username: 'rc.rev', role: 'reviewer' },
      { username: 'rc.officer', role: 'appeals_officer' },
      { username: 'rc.admin', role: 'admin' },
      { username: 'rc.admin2', role: 'admin' },
      { username: 'rc.aud', role: 'auditor' },
      { username: 'rc.triager', role: 'triager' },
      { username: 'rc.gone', role: 'reviewer' },
      { username: 'rc.promoted', role: 'reviewer' },
    ]);
    await createQueue(server.db, 'general', { routeRules: [], members: [staff.get('rc.rev') ?? 0] });
    const intake = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'intake', ['intake'])}`,
    });
    const portal = createApiClient(server.url, {
      authorization: `Bearer ${await createIntegrationToken(server.db, 'portal', ['appeals'])}`,
    });
    const reviewer = await signIn(server.url, 'rc.rev', TEST_PASSWORD);
    const officer = await signIn(server.url, 'rc.officer', TEST_PASSWORD);
    const admin = await signIn(server.url, 'rc.admin', TEST_PASSWORD);
    auditor = await signIn(server.url, 'rc.aud', TEST_PASSWORD);

    ids.applied = (await applyFinding({ intake, reviewer }, 'M-RC1')).decisionId;
    const appealed = await applyFinding({ intake, reviewer }, 'M-RC2');
    ids.reversed = appealed.decisionId;
    const { appealId } = await portal.trpc.appeals.submit.mutate({ caseId: appealed.caseId, statement: '交易真实' });
    await officer.trpc.appeals.decide.mutate({ id: appealId, decision: 'approve', reason: '证据不足，撤销处罚' });
    const { caseId } = await intake.trpc.reports.submit.mutate(
      reportInput({ subject: { id: 'M-RC3', kind: 'merchant' } }),
    );
    ids.dismissedCase = caseId;
    ids.reviewer = staff.get('rc.rev') ?? 0;
    const c = await reviewer.trpc.cases.get.query({ id: caseId });
    ids.dismissed = (
      await reviewer.trpc.cases.decide.mutate({
        id: caseId,
        version: c.version,
        decision: 'dismiss',
        reason: '证据不足',
      })
    ).decisionId;
    ids.triager = staff.get('rc.triager') ?? 0;
    ids.disabled = staff.get('rc.gone') ?? 0;
    ids.promoted = staff.get('rc.promoted') ?? 0;
    await admin.trpc.users.setDisabled.mutate({ userId: ids.disabled, disabled: true });
    await admin.trpc.users.setRole.mutate({ userId: ids.promoted, role: 'senior_reviewer' });
    // Dual control: a promotion to senior reviewer takes effect on a second admin's approval.
    const secondAdmin = await signIn(server.url, 'rc.admin2', TEST_PASSWORD);
    const [grant] = await secondAdmin.trpc.users.grants.query();
    await secondAdmin.trpc.users.decideGrant.mutate({ grantId: grant?.id ?? 0, approve: true });
  }, 60_000);
  afterAll(() => server?.stop());

  it('finds the untouched desk consistent', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, mismatches: [], mismatchCount: 0 });
    const violations = await server.db.selectFrom('violations').select(['id', 'reversed_at']).orderBy('id').execute();
    expect(violations.map((v) => [v.id, v.reversed_at !== null])).toEqual([
      [`V${ids.applied}`, false],
      [`V${ids.reversed}`, true],
    ]);
  });

  const tampers: [string, () => [string, string, Mismatch]][] = [
    [
      'a decision turned from apply into dismiss',
      () => [
        `UPDATE decisions SET kind = 'dismiss' WHERE id = ${ids.applied}`,
        `UPDATE decisions SET kind = 'apply' WHERE id = ${ids.applied}`,
        { table: 'decisions', id: String(ids.applied), field: 'kind', expected: 'apply', actual: 'dismiss' },
      ],
    ],
    [
      'a dismissal given a rule',
      () => [
        `UPDATE decisions SET rule = 'counterfeit' WHERE id = ${ids.dismissed}`,
        `UPDATE decisions SET rule = NULL WHERE id = ${ids.dismissed}`,
        { table: 'decisions', id: String(ids.dismissed), field: 'rule', expected: null, actual: 'counterfeit' },
      ],
    ],
    [
      'an effective decision marked sent back',
      () => [
        `UPDATE decisions SET status = 'sent_back' WHERE id = ${ids.applied}`,
        `UPDATE decisions SET status = 'effective' WHERE id = ${ids.applied}`,
        { table: 'decisions', id: String(ids.applied), field: 'status', expected: 'effective', actual: 'sent_back' },
      ],
    ],
    [
      'a violation marked reversed',
      () => [
        `UPDATE violations SET reversed_at = '2026-01-01T00:00:00.000Z', reversed_by = 'appeal:999' WHERE id = 'V${ids.applied}'`,
        `UPDATE violations SET reversed_at = NULL, reversed_by = NULL WHERE id = 'V${ids.applied}'`,
        { table: 'violations', id: `V${ids.applied}`, field: 'reversed', expected: 'false', actual: 'true' },
      ],
    ],
    [
      'a reversed violation put back on record',
      () => [
        `UPDATE violations SET reversed_at = NULL WHERE id = 'V${ids.reversed}'`,
        `UPDATE violations SET reversed_at = '2026-01-01T00:00:00.000Z' WHERE id = 'V${ids.reversed}'`,
        { table: 'violations', id: `V${ids.reversed}`, field: 'reversed', expected: 'true', actual: 'false' },
      ],
    ],
    [
      'a triager made admin',
      () => [
        `UPDATE users SET role = 'admin' WHERE id = ${ids.triager}`,
        `UPDATE users SET role = 'triager' WHERE id = ${ids.triager}`,
        { table: 'users', id: String(ids.triager), field: 'role', expected: 'triager', actual: 'admin' },
      ],
    ],
    [
      'a promotion undone',
      () => [
        `UPDATE users SET role = 'reviewer' WHERE id = ${ids.promoted}`,
        `UPDATE users SET role = 'senior_reviewer' WHERE id = ${ids.promoted}`,
        { table: 'users', id: String(ids.promoted), field: 'role', expected: 'senior_reviewer', actual: 'reviewer' },
      ],
    ],
    [
      'a disabled account enabled again',
      () => [
        `UPDATE users SET disabled_at = NULL WHERE id = ${ids.disabled}`,
        `UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ${ids.disabled}`,
        { table: 'users', id: String(ids.disabled), field: 'disabled', expected: 'true', actual: 'false' },
      ],
    ],
    [
      'a dismissed case reopened',
      () => [
        `UPDATE cases SET status = 'triaged' WHERE id = ${ids.dismissedCase}`,
        `UPDATE cases SET status = 'dismissed' WHERE id = ${ids.dismissedCase}`,
        { table: 'cases', id: String(ids.dismissedCase), field: 'status', expected: 'dismissed', actual: 'triaged' },
      ],
    ],
    [
      "a case handed to someone else without the trail's knowledge",
      () => [
        `UPDATE cases SET assignee_id = ${ids.triager} WHERE id = ${ids.dismissedCase}`,
        `UPDATE cases SET assignee_id = ${ids.reviewer} WHERE id = ${ids.dismissedCase}`,
        {
          table: 'cases',
          id: String(ids.dismissedCase),
          field: 'assignee',
          expected: String(ids.reviewer),
          actual: String(ids.triager),
        },
      ],
    ],
    [
      'an account slipped in',
      () => [
        `INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (9999, 'ghost', 'ghost', 'admin', 'x', '2026-01-01T00:00:00.000Z')`,
        'DELETE FROM users WHERE id = 9999',
        { table: 'users', id: '9999', field: '(row)', expected: 'absent', actual: 'present' },
      ],
    ],
  ];

  it.each(tampers)('names %s by table, row and field', async (_name, make) => {
    const [tamper, restore, expected] = make();
    await sql.raw(tamper).execute(server.db);
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, mismatchCount: 1, mismatches: [expected] });
      // The chain itself is intact: only the reconciliation sees the edit.
      expect(result.firstBad).toBeUndefined();
    } finally {
      await sql.raw(restore).execute(server.db);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('makes the CLI print each mismatch and exit 1 with one line', async () => {
    await sql.raw(`UPDATE users SET role = 'admin' WHERE id = ${ids.triager}`).execute(server.db);
    try {
      const run = await runDesk(['audit', 'verify'], {
        env: { DATABASE_URL: server.databaseUrl, DESK_AUDIT_ANCHOR_FILE: 'off' },
      });
      expect(run.code).toBe(1);
      expect(run.stdout.trim()).toBe(`users ${ids.triager} role: the trail says triager, the table holds admin`);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/business tables differ from the audit trail in 1 place\(s\), first users/);
    } finally {
      await sql.raw(`UPDATE users SET role = 'triager' WHERE id = ${ids.triager}`).execute(server.db);
    }
  }, 30_000);
});
