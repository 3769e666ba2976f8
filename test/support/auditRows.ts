import { sql } from 'kysely';
import { recordRawEvent } from '../../server/audit/recordEvent';
import type { Db } from '../../server/db/database';
import { isPostgres } from '../../server/db/migrations/helpers';

/**
 * Appends `count` synthetic events after the current head in one SQL statement, for volume
 * tests and benchmarks. They look like real ones (JSON before/after, an IP, a user agent, one
 * second apart from `startAt`) but their hashes are placeholders: the chain does not verify.
 */
export async function fillAuditEvents(db: Db, count: number, startAt = '2026-01-01T00:00:00Z'): Promise<void> {
  const head = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const offset = Number(head?.seq ?? 0);
  const startEpoch = Math.floor(Date.parse(startAt) / 1000);
  const data = '{"after":{"status":"decided"},"before":{"status":"assigned"}}';
  if (isPostgres(db)) {
    await sql`
      INSERT INTO audit_events
        (seq, at, actor_type, actor_id, action, target_type, target_id, data, request_id, batch_id, ip, user_agent, prev_hash, hash)
      SELECT ${offset} + g,
        to_char(to_timestamp(${startEpoch} + g) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'user', (g % 50)::text, 'case.updated', 'case', (g % 9000)::text, ${data},
        'req-' || g, NULL, '10.0.0.1', 'Mozilla/5.0 (X11; Linux x86_64) 审核台',
        lpad(to_hex(${offset} + g - 1), 64, '0'), lpad(to_hex(${offset} + g), 64, '0')
      FROM generate_series(1, ${count}::int) AS g`.execute(db);
    return;
  }
  await sql`
    WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < ${count})
    INSERT INTO audit_events
      (seq, at, actor_type, actor_id, action, target_type, target_id, data, request_id, batch_id, ip, user_agent, prev_hash, hash)
    SELECT ${offset} + x,
      strftime('%Y-%m-%dT%H:%M:%fZ', ${startEpoch} + x, 'unixepoch'),
      'user', CAST(x % 50 AS TEXT), 'case.updated', 'case', CAST(x % 9000 AS TEXT), ${data},
      'req-' || x, NULL, '10.0.0.1', 'Mozilla/5.0 (X11; Linux x86_64) 审核台',
      printf('%064x', ${offset} + x - 1), printf('%064x', ${offset} + x)
    FROM g`.execute(db);
}

/** What an attacker with full database access does first: switch off the append-only triggers. */
export async function dropAuditGuards(db: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(db);
    return;
  }
  await sql`DROP TRIGGER audit_events_no_update`.execute(db);
  await sql`DROP TRIGGER audit_events_no_delete`.execute(db);
}

/** Appends `count` real events (valid hashes) through recordRawEvent, one transaction each. */
export async function appendEvents(db: Db, count: number, at = new Date('2026-11-23T02:00:00Z')): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) =>
      recordRawEvent(
        trx,
        { actor: { type: 'user', id: String((i % 3) + 1) }, requestId: `req-${i}` },
        {
          action: 'test.touched',
          target: { type: 'case', id: 100 + i },
          data: { before: { n: i }, after: { n: i + 1 } },
        },
        new Date(at.getTime() + i * 1000),
      ),
    );
  }
}
