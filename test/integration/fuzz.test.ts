import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database';
import { DEMO_PASSWORD } from '../../server/demo/seedDemo';
import { appRouter } from '../../server/trpc/appRouter';
import { signIn } from '../support/apiClient';
import { createStaff, TEST_PASSWORD } from '../support/factories';
import { startTestServer, type TestServer } from '../support/testServer';

const REQUESTS = 10_000;

/** mulberry32: the same hostile inputs on every run, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'x'.repeat(70_000),
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  "'; DROP TABLE cases; --",
  '" UNION SELECT password_hash FROM users --',
  '\u0000\u0001\u0002',
  '../../../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string, taken literally on purpose
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '🤖💥‮evil',
  '案件'.repeat(5000),
  '1e309',
  '-1',
  'null',
  '__proto__',
  // Lone surrogates: refused with 400 (they once made audit hashing throw, or were stored as U+FFFD).
  '\ud800',
  'ok\udfffok',
];
const KEYS = [
  'id',
  'caseId',
  'version',
  'decision',
  'reason',
  'facts',
  'username',
  'password',
  'externalId',
  'source',
  'subject',
  'rule',
  'cursor',
  'limit',
  'queue',
  'status',
  'statement',
  'evidence',
  'userId',
  'queueId',
  'decisionId',
  'cases',
  'subjectId',
  'asOf',
  'note',
  'match',
  'position',
  'reportId',
  'otherCaseId',
  'sort',
  'assignee',
  'format',
];

function hostileValue(random: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const roll = random();
  if (roll < 0.3) return pick(HOSTILE_STRINGS);
  if (roll < 0.45) return pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, true, false, null]);
  if (roll < 0.55 || depth > 3) return pick([[], {}, [null], ['a', 1, {}]]);
  if (roll < 0.62) {
    // Deep nesting.
    let nested: unknown = 'bottom';
    for (let i = 0; i < 2000; i++) nested = random() < 0.5 ? [nested] : { a: nested };
    return nested;
  }
  if (roll < 0.68) return Array.from({ length: 5000 }, (_, i) => i);
  if (roll < 0.76)
    return JSON.parse(
      '{"__proto__": {"isAdmin": true, "role": "admin"}, "constructor": {"prototype": {"polluted": 1}}}',
    );
  const obj: Record<string, unknown> = {};
  const n = 1 + Math.floor(random() * 5);
  for (let i = 0; i < n; i++) obj[pick(KEYS)] = hostileValue(random, depth + 1);
  return obj;
}

/** Everything a request could have changed, as one digest (sessions excepted: signing in is allowed). */
async function storedState(db: Db): Promise<string> {
  const hash = createHash('sha256');
  const tables = [
    'users',
    'subjects',
    'cases',
    'reports',
    'evidence',
    'audit_events',
    'queues',
    'queue_members',
    'routing_rules',
    'decisions',
    'violations',
    'notices',
    'appeals',
    'integration_tokens',
    'reporters',
  ] as const;
  for (const table of tables) {
    // Failed sign-ins are recorded by design (checked separately below the requests).
    const rows =
      table === 'audit_events'
        ? await db.selectFrom(table).selectAll().where('action', '!=', 'auth.login_failed').execute()
        : await db.selectFrom(table).selectAll().execute();
    const stable = rows.map((r) => {
      const { last_login_at: _l, last_used_at: _u, ...rest } = r as Record<string, unknown>;
      return rest;
    });
    stable.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    hash.update(`${table}:${JSON.stringify(stable)}`);
  }
  return hash.digest('hex');
}

describe('hostile input never hurts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { demo: true });
    await createStaff(server.db, [{ username: 'fuzzer', role: 'reviewer' }]);
  });
  afterAll(() => server.stop());

  it(`${REQUESTS} malformed or hostile requests across every procedure: no 5xx, server alive, nothing stored changed`, async () => {
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    ).filter(
      // Signing out ends the fuzzing session; starting a TOTP enrolment rightly stores a new
      // pending secret on every call. Neither takes input anyway.
      ([path]) => !path.startsWith('auth.logout') && path !== 'auth.totpStart',
    );
    const sessions = [
      '',
      // A reviewer in no queue: `queue.next` with any well-formed input would rightly claim a case.
      `verdict_session=${(await signIn(server.url, 'fuzzer', TEST_PASSWORD)).cookies.get('verdict_session')}`,
      `verdict_session=${(await signIn(server.url, 'admin', DEMO_PASSWORD)).cookies.get('verdict_session')}`,
      `verdict_session=${(await signIn(server.url, 'auditor', DEMO_PASSWORD)).cookies.get('verdict_session')}`,
    ];
    const before = await storedState(server.db);
    const beforeSeq = Number(
      (
        await server.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    const random = prng(8_080);
    const statuses = new Map<number, number>();
    const fiveHundreds: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const [path = '', procedure] = procedures[i % procedures.length] ?? [];
      const cookie = sessions[Math.floor(random() * sessions.length)] ?? '';
      const headers: Record<string, string> = { 'x-verdict-csrf': '1', ...(cookie ? { cookie } : {}) };
      const value = hostileValue(random);
      let response: Response;
      const mode = random();
      if (procedure?._def.type === 'mutation' || mode < 0.1) {
        // Mostly JSON; sometimes broken JSON, a wrong content type, or a body over the limit.
        const body =
          mode < 0.03
            ? '{"unterminated": '
            : mode < 0.05
              ? 'x'.repeat(1_100_000)
              : mode >= 0.07 && mode < 0.09
                ? // 10,000 levels: more than JSON.stringify itself survives, so written out.
                  `{"facts":${'[{"a":'.repeat(5000)}1${'}]'.repeat(5000)}}`
                : JSON.stringify(value);
        response = await fetch(`${server.url}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': mode < 0.07 && mode >= 0.05 ? 'text/plain' : 'application/json' },
          body,
        });
      } else {
        const input = mode < 0.15 ? '%E0%A4%A' : encodeURIComponent(JSON.stringify(value));
        response = await fetch(`${server.url}/trpc/${path}?input=${input}`, {
          headers,
          signal: procedure?._def.type === 'subscription' ? AbortSignal.timeout(200) : undefined,
        }).catch(() => new Response(null, { status: 299 }));
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500)
        fiveHundreds.push(`${path} ${response.status} ${JSON.stringify(value).slice(0, 120)}`);
      await response.body?.cancel().catch(() => {});
    }
    expect(fiveHundreds.slice(0, 10)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const after = await server.db
      .selectFrom('audit_events')
      .select(['seq', 'action', 'actor_id', 'data'])
      .where('seq', '>', beforeSeq)
      .execute();
    // A hostile name that happens to be well formed is a failed sign-in, and the desk records every
    // failed sign-in (that is its defence working); nothing else may be written.
    const written = after.filter((e) => e.action !== 'auth.login_failed');
    expect(written.map((e) => `${e.action} ${e.data?.slice(0, 200)}`)).toEqual([]);
    expect(await storedState(server.db)).toBe(before);
    // It did reach the validators, not only the front door.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
  }, 240_000);
});
