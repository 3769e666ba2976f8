import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ReporterView, reportersMuteInput, reportersUnmuteInput } from '../../shared/api/messages';
import { REPORTER_LOCALES, type ReporterLocale } from '../../shared/api/messages';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { reporterScore } from '../../shared/messages/reporterScore';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { reportersRepo } from '../db/repositories/reporters.repo';
import type { ReportersTable } from '../db/tables/caseExtras.table';
import { actingUserId, type ServiceContext } from './serviceContext';

type ReporterRow = Selectable<ReportersTable>;

function toView(r: ReporterRow, names: Map<number, string>): ReporterView {
  return {
    id: r.id,
    submitted: r.submitted,
    upheld: r.upheld,
    dismissed: r.dismissed,
    ...reporterScore(r),
    locale: (REPORTER_LOCALES as readonly string[]).includes(r.locale ?? '') ? (r.locale as ReporterLocale) : 'zh-CN',
    muted: r.muted_at
      ? {
          at: r.muted_at,
          by: r.muted_by === null ? null : { id: r.muted_by, name: names.get(r.muted_by) ?? String(r.muted_by) },
          reason: r.mute_reason ?? '',
        }
      : null,
  };
}

async function staffNames(db: Executor, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** The reporters list for leads: the least reliable first; `flaggedOnly` keeps those who file many unfounded reports. */
export async function listReporters(
  db: Executor,
  input: { flaggedOnly?: boolean; limit: number },
): Promise<ReporterView[]> {
  const rows = await reportersRepo.list(db, input.flaggedOnly ? 5000 : input.limit);
  const names = await staffNames(
    db,
    rows.map((r) => r.muted_by),
  );
  const views = rows.map((r) => toView(r, names));
  return (input.flaggedOnly ? views.filter((v) => v.flagged) : views).slice(0, input.limit);
}

export async function getReporter(db: Executor, id: string): Promise<ReporterView> {
  const r = await reportersRepo.find(db, id);
  if (!r) throw notFound('reporter', id);
  return toView(r, await staffNames(db, [r.muted_by]));
}

/**
 * `reporters.mute` (leads, audited as `reporter.muted`): the reporter's new reports are still
 * taken in, flagged and ranked lower in triage; reports already filed keep their place.
 */
export async function muteReporter(ctx: ServiceContext, input: z.infer<typeof reportersMuteInput>) {
  const userId = actingUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reportersRepo.find(trx, input.reporterId);
    if (!r) throw notFound('reporter', input.reporterId);
    if (r.muted_at) throw new DeskError('CONFLICT', 'reporter_already_muted', `${r.id} is muted already`);
    await reportersRepo.setMute(trx, r.id, {
      muted_at: now.toISOString(),
      muted_by: userId,
      mute_reason: input.reason,
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'reporter.muted',
        target: { type: 'reporter', id: r.id },
        data: { reporterId: r.id, reason: input.reason },
      },
      now,
    );
  });
  return getReporter(ctx.db, input.reporterId);
}

/** `reporters.unmute` (leads, audited as `reporter.unmuted`): from now on their reports rank as anyone's. */
export async function unmuteReporter(ctx: ServiceContext, input: z.infer<typeof reportersUnmuteInput>) {
  actingUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await reportersRepo.find(trx, input.reporterId);
    if (!r) throw notFound('reporter', input.reporterId);
    if (!r.muted_at) throw new DeskError('CONFLICT', 'reporter_not_muted', `${r.id} is not muted`);
    await reportersRepo.setMute(trx, r.id, null);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'reporter.unmuted',
        target: { type: 'reporter', id: r.id },
        data: { reporterId: r.id, reason: input.reason ?? null },
      },
      now,
    );
  });
  return getReporter(ctx.db, input.reporterId);
}
