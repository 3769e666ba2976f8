import type { z } from 'zod';
import type { CaseListOutput, caseListInput } from '../../shared/api/caseList';
import { OPEN_CASE_STATUSES } from '../../shared/cases/enums';
import { forecastReach, slaState } from '../../shared/cases/sla';
import { AGE_POINTS_PER_DAY } from '../../shared/cases/triage';
import { DeskError } from '../../shared/errors/deskError';
import type { Executor } from '../db/database';
import { type CaseSort, casesRepo } from '../db/repositories/cases.repo';
import { queuesRepo } from '../db/repositories/queues.repo';
import { queuePaces } from './queuePace';

type Input = z.output<typeof caseListInput>;

interface Cursor {
  value: string | number;
  id: number;
}

/** Cursors are opaque to clients: base64url of the sort, and the last row's sort value and id. */
export function encodeCursor(sort: CaseSort, key: Cursor): string {
  return Buffer.from(JSON.stringify([sort, key.value, key.id])).toString('base64url');
}

export function decodeCursor(sort: CaseSort, cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === sort &&
      (typeof parsed[1] === 'string' || typeof parsed[1] === 'number') &&
      Number.isInteger(parsed[2])
    ) {
      return { value: parsed[1], id: parsed[2] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new DeskError('BAD_REQUEST', 'invalid_cursor', 'cursor is not one this server issued for this sort', {
    field: 'cursor',
  });
}

const SORT_VALUE = { rank: 'rank', slaDueAt: 'sla_due_at', createdAt: 'created_at' } as const;
const DAY_MS = 86_400_000;
/** Totals above this are shown as "10,000+" (see casesRepo.count). */
export const COUNT_CAP = 10_000;

export async function listCases(
  ctx: { db: Executor; clock: { now(): Date } },
  userId: number,
  input: Input,
): Promise<CaseListOutput> {
  const now = ctx.clock.now();
  const statuses = input.status === 'all' ? undefined : input.status === 'open' ? OPEN_CASE_STATUSES : [input.status];
  const queues =
    input.queue === 'mine' ? await queuesRepo.queueIdsOfUser(ctx.db, userId) : input.queue ? [input.queue] : undefined;
  if (queues && queues.length === 0) return { items: [], total: 0, totalCapped: false, nextCursor: null };
  const assigneeId =
    input.assignee === 'me' ? userId : input.assignee === 'unassigned' ? null : (input.assignee ?? undefined);
  const filter = {
    statuses,
    queues,
    rule: input.rule,
    source: input.source,
    subjectKind: input.subjectKind,
    platform: input.platform,
    subjectId: input.subjectId,
    assigneeId,
  };
  const after = input.cursor ? decodeCursor(input.sort, input.cursor) : undefined;
  const [rows, total, paces] = await Promise.all([
    casesRepo.list(ctx.db, { ...filter, sort: input.sort, after, limit: input.limit + 1 }),
    casesRepo.count(ctx.db, filter, COUNT_CAP),
    queuePaces(ctx.db, now),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const openStatuses: readonly string[] = OPEN_CASE_STATUSES;
  return {
    items: page.map((r) => {
      const open = openStatuses.includes(r.status);
      const pace = paces.get(r.queue);
      // In a list, the queue's whole backlog stands in for the case's own place in line.
      const forecast = pace ? forecastReach(pace, pace.open, now) : null;
      const ageDays = Math.max(0, (now.getTime() - new Date(r.created_at).getTime()) / DAY_MS);
      return {
        id: r.id,
        subject: { id: r.subject_id, name: r.subject_name, kind: r.subject_kind, platform: r.subject_platform },
        rule: r.rule,
        status: r.status,
        source: r.source,
        summary: r.summary,
        score: r.priority + Math.round(ageDays * AGE_POINTS_PER_DAY),
        queue: r.queue,
        reportCount: r.report_count,
        assigneeId: r.assignee_id,
        assigneeName: r.assignee_name,
        slaDueAt: r.sla_due_at,
        slaState: slaState(r.sla_due_at, forecast, now, open),
        version: r.version,
        createdAt: r.created_at,
      };
    }),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(input.sort, { value: last[SORT_VALUE[input.sort]] ?? '', id: last.id })
        : null,
  };
}
