import type { Transaction } from 'kysely';
import type { AlertSubmitInput } from '../../shared/api/alerts';
import { DeskError } from '../../shared/errors/deskError';
import { maskPhone } from '../../shared/pii/mask';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { securityAlertsRepo } from '../db/repositories/securityAlerts.repo';
import type { ServiceContext } from './serviceContext';

export interface AlertIntakeResult {
  alertId: number;
  duplicate: boolean;
}

/** `alerts.submit`: one alert in, in one transaction with its audit event. */
export async function submitAlert(ctx: ServiceContext, input: AlertSubmitInput): Promise<AlertIntakeResult> {
  return ctx.db.transaction().execute((trx) => intakeAlert(trx, ctx.audit, input, ctx.clock.now()));
}

/**
 * Files one alert inside the caller's transaction (the demo seeds through here too): the same
 * external id again returns the alert on file; a new one starts pending, audited as `alert.received`.
 */
export async function intakeAlert(
  trx: Transaction<Database>,
  audit: AuditContext,
  input: AlertSubmitInput,
  now: Date,
): Promise<AlertIntakeResult> {
  const repeat = await securityAlertsRepo.findByExternalId(trx, input.externalId);
  if (repeat) return { alertId: repeat.id, duplicate: true };
  const alertId = await securityAlertsRepo.insertOnce(trx, {
    external_id: input.externalId,
    subject_id: input.subjectId,
    shop_name: input.shopName ?? null,
    account_id: input.accountId,
    account_kind: input.accountKind,
    nickname: input.nickname,
    phone: input.phone ?? null,
    phone_masked: input.phone ? maskPhone(input.phone) : null,
    level: input.level,
    type: input.type,
    detected_at: new Date(input.detectedAt).toISOString(),
    details: input.details,
    suggestion: input.suggestion,
    status: 'pending',
    resolution: null,
    handled_by: null,
    handled_at: null,
    note: null,
    batch_id: null,
    submitted_by: `${audit.actor.type}:${audit.actor.id ?? '-'}`,
    created_at: now.toISOString(),
  });
  if (alertId === null) {
    // Another request filed the same external id between our look-up and insert.
    const raced = await securityAlertsRepo.findByExternalId(trx, input.externalId);
    if (!raced) throw new DeskError('CONFLICT', 'alert_changed', 'the alert changed during intake; submit again');
    return { alertId: raced.id, duplicate: true };
  }
  // The phone number stays out of the audit trail: the trail is exported and kept for years.
  await recordEvent(
    trx,
    audit,
    {
      action: 'alert.received',
      target: { type: 'security_alert', id: alertId },
      data: {
        externalId: input.externalId,
        subjectId: input.subjectId,
        accountId: input.accountId,
        accountKind: input.accountKind,
        level: input.level,
        type: input.type,
        detectedAt: input.detectedAt,
      },
    },
    now,
  );
  return { alertId, duplicate: false };
}
