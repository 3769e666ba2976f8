import type { z } from 'zod';
import type { AlertView, alertListInput } from '../../shared/api/alerts';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { securityAlertsRepo } from '../db/repositories/securityAlerts.repo';
import type { ServiceContext } from './serviceContext';

/** One page of the pending or handled list (optionally of one shop), and how many there are. */
export async function listAlerts(
  db: Executor,
  input: z.output<typeof alertListInput>,
): Promise<{ items: AlertView[]; total: number }> {
  const filter = { status: input.status, subjectId: input.subjectId };
  const [rows, total] = await Promise.all([
    securityAlertsRepo.list(db, { ...filter, offset: input.page * input.pageSize, limit: input.pageSize }),
    securityAlertsRepo.count(db, filter),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      subjectId: r.subject_id,
      subjectPlatform: r.subject_platform,
      shopName: r.shop_name,
      accountId: r.account_id,
      accountKind: r.account_kind,
      nickname: r.nickname,
      phoneMasked: r.phone_masked,
      level: r.level,
      type: r.type,
      detectedAt: r.detected_at,
      details: r.details,
      suggestion: r.suggestion,
      status: r.status,
      resolution: r.resolution,
      handledBy: r.handled_by && r.handled_by_name ? { id: r.handled_by, name: r.handled_by_name } : null,
      handledAt: r.handled_at,
      note: r.note,
      batchId: r.batch_id,
      createdAt: r.created_at,
    })),
  };
}

/** How many alerts wait and how many are done, for the tabs (optionally of one shop). */
export async function alertCounts(db: Executor, subjectId?: string): Promise<{ pending: number; handled: number }> {
  const [pending, handled] = await Promise.all([
    securityAlertsRepo.count(db, { status: 'pending', subjectId }),
    securityAlertsRepo.count(db, { status: 'handled', subjectId }),
  ]);
  return { pending, handled };
}

/** The account phone in clear, for a stated reason; the reveal is on the audit trail first. */
export async function revealAlertPhone(
  ctx: ServiceContext,
  input: { id: number; reason: string },
): Promise<{ value: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await securityAlertsRepo.find(trx, input.id);
    if (!alert) throw notFound('alert', input.id);
    if (!alert.phone) throw new DeskError('NOT_FOUND', 'pii_not_on_file', `no phone on file for alert ${input.id}`);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'pii.revealed',
        target: { type: 'security_alert', id: input.id },
        data: { field: 'phone', reason: input.reason, subjectId: alert.subject_id },
      },
      now,
    );
    return { value: alert.phone };
  });
}
