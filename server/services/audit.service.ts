import type { z } from 'zod';
import type {
  AuditEventItem,
  AuditFacets,
  AuditListOutput,
  AuditVerifyOutput,
  auditListInput,
} from '../../shared/api/audit';
import { DeskError } from '../../shared/errors/deskError';
import { type Anchor, readAnchors } from '../audit/anchors';
import { reconcileTables } from '../audit/reconcileTables';
import { verifyChain } from '../audit/verifyChain';
import type { Executor } from '../db/database';
import { type AuditEventRecord, type AuditRowFilter, auditEventsRepo } from '../db/repositories/auditEvents.repo';
import type { AuditEventRow } from '../db/tables/auditEvents.table';

type ListInput = z.output<typeof auditListInput>;

/** Reading the trail needs only storage: these use cases write nothing, so record nothing. */
interface ReadContext {
  db: Executor;
}

export function parseActorKey(key: string): { type: string; id: string | null } {
  if (key === 'system') return { type: 'system', id: null };
  const [type = '', id = ''] = key.split(':');
  return { type, id };
}

function actorKeyOf(row: Pick<AuditEventRow, 'actor_type' | 'actor_id'>): string {
  return row.actor_id === null ? row.actor_type : `${row.actor_type}:${row.actor_id}`;
}

/** Times arrive with any offset; stored times are UTC ISO text, so compare like with like. */
const utc = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);

function decodeCursor(cursor: string): number {
  if (/^\d{1,15}$/.test(cursor)) return Number(cursor);
  throw new DeskError('BAD_REQUEST', 'invalid_cursor', 'cursor is not one this server issued', { field: 'cursor' });
}

export async function listAuditEvents(ctx: ReadContext, input: ListInput): Promise<AuditListOutput> {
  const filter: AuditRowFilter = {
    actor: input.actor ? parseActorKey(input.actor) : undefined,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    batchId: input.batchId,
    from: utc(input.from),
    to: utc(input.to),
  };
  const beforeSeq = input.cursor ? decodeCursor(input.cursor) : undefined;
  const [rows, total] = await Promise.all([
    auditEventsRepo.list(ctx.db, filter, { beforeSeq, limit: input.limit + 1 }),
    auditEventsRepo.count(ctx.db, filter),
  ]);
  const page = rows.slice(0, input.limit);
  const names = await namesOnPage(ctx.db, page);
  const last = page.at(-1);
  return {
    items: page.map((row) =>
      toItem(row, names(row.actor_type, row.actor_id), row.target_type ? names(row.target_type, row.target_id) : null),
    ),
    total,
    nextCursor: rows.length > input.limit && last ? String(last.seq) : null,
  };
}

/** Staff and token names for the actors and targets on one page: two queries, whatever its size. */
async function namesOnPage(db: Executor, page: AuditEventRecord[]) {
  const idsOf = (type: string) =>
    [
      ...new Set(
        page.flatMap((r) => [
          ...(r.actor_type === type && r.actor_id ? [Number(r.actor_id)] : []),
          ...(r.target_type === type && r.target_id ? [Number(r.target_id)] : []),
        ]),
      ),
    ].filter(Number.isSafeInteger);
  const [users, tokens] = await Promise.all([
    auditEventsRepo.userNames(db, idsOf('user')),
    auditEventsRepo.tokenNames(db, idsOf('token')),
  ]);
  return (type: string, id: string | null): string | null => {
    const byType = type === 'user' ? users : type === 'token' ? tokens : undefined;
    return (id !== null && byType?.get(Number(id))) || null;
  };
}

function toItem(row: AuditEventRecord, actorName: string | null, targetName: string | null): AuditEventItem {
  return {
    seq: row.seq,
    at: row.at,
    actor: { key: actorKeyOf(row), type: row.actor_type, id: row.actor_id, name: actorName },
    action: row.action,
    target: row.target_type ? { type: row.target_type, id: row.target_id, name: targetName } : null,
    data: row.payload,
    requestId: row.request_id,
    batchId: row.batch_id,
    ip: row.ip,
    userAgent: row.user_agent,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** What the filters can choose from, read with index jumps rather than table scans. */
export async function auditFacets(ctx: ReadContext): Promise<AuditFacets> {
  const [actions, targetTypes, userIds, tokenIds, system] = await Promise.all([
    auditEventsRepo.distinctActions(ctx.db),
    auditEventsRepo.distinctTargetTypes(ctx.db),
    auditEventsRepo.distinctActorIds(ctx.db, 'user'),
    auditEventsRepo.distinctActorIds(ctx.db, 'token'),
    auditEventsRepo.hasSystemEvents(ctx.db),
  ]);
  const [names, tokenNames] = await Promise.all([
    auditEventsRepo.userNames(ctx.db, userIds.map(Number).filter(Number.isInteger)),
    auditEventsRepo.tokenNames(ctx.db, tokenIds.map(Number).filter(Number.isInteger)),
  ]);
  return {
    actions,
    targetTypes,
    actors: [
      ...userIds.map((id) => ({ key: `user:${id}`, name: names.get(Number(id)) ?? `user ${id}` })),
      ...tokenIds.map((id) => ({ key: `token:${id}`, name: tokenNames.get(Number(id)) ?? `token ${id}` })),
      ...(system ? [{ key: 'system', name: 'system' }] : []),
    ],
  };
}

/** The whole chain, re-hashed, and checked against the anchors kept outside the database. */
export async function verifyAuditTrail(
  ctx: ReadContext,
  anchorFile: string | null,
  /** Anchors from elsewhere (signed ones); they win over the file's at the same seq. */
  extraAnchors: readonly Anchor[] = [],
): Promise<AuditVerifyOutput> {
  const anchors = anchorFile ? await readAnchors(anchorFile) : [];
  const chain = await verifyChain(ctx.db, { anchors: [...anchors, ...extraAnchors] });
  // The chain proves the trail; the reconciliation proves the tables agree with it.
  const tables = await reconcileTables(ctx.db);
  return {
    ...chain,
    ok: chain.ok && tables.mismatchCount === 0,
    mismatches: tables.mismatches,
    mismatchCount: tables.mismatchCount,
  };
}
