import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type AlertHandling, accountActionAllowed, alertsHandledBy } from '../../shared/alerts/cascade';
import type { AccountAction, AlertResolution, AlertStatus } from '../../shared/alerts/enums';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { securityAlertsRepo } from '../db/repositories/securityAlerts.repo';
import { actingUserId, type ServiceContext } from './serviceContext';

type Trx = Transaction<Database>;

export interface AlertsHandled {
  batchId: string;
  handledIds: number[];
}

/** Who handles, when, and the batch id every alert and audit event of this request shares. */
export interface Handler {
  audit: AuditContext;
  userId: number;
  now: Date;
  batchId: string;
}

function handlerOf(ctx: ServiceContext): Handler {
  return handlerAs(ctx.audit, actingUserId(ctx), ctx.clock.now());
}

/**
 * "Verified, no risk" on the chosen alerts (one, or many at once): all or nothing, in one
 * transaction, one batch id on every audit event, like bulk decisions. The account's other
 * pending alerts stay pending.
 */
export async function markAlertsNoRisk(ctx: ServiceContext, input: { ids: number[]; note?: string }) {
  const handler = handlerOf(ctx);
  return ctx.db.transaction().execute((trx) => markNoRiskIn(trx, handler, input));
}

/**
 * Acting on the account an alert is about (disable or delete the sub-account, force a password
 * change): every pending alert of that account is handled with it, and the action is audited.
 */
export async function actOnAlertAccount(
  ctx: ServiceContext,
  input: { alertId: number; action: AccountAction; note?: string },
) {
  const handler = handlerOf(ctx);
  return ctx.db.transaction().execute((trx) => actOnAccountIn(trx, handler, input));
}

export async function markNoRiskIn(
  trx: Trx,
  handler: Handler,
  input: { ids: number[]; note?: string },
): Promise<AlertsHandled> {
  const ids = [...new Set(input.ids)];
  const rows = await securityAlertsRepo.findMany(trx, ids);
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw notFound('alert', missing);
  const done = rows.find((r) => r.status !== 'pending');
  if (done) throw alreadyHandled(done.id);
  const handling: AlertHandling = { kind: 'no_risk', alertIds: ids };
  const handled = alertsHandledBy(handling, rows.map(toRef));
  await markHandled(trx, handler, handled, 'no_risk', input.note);
  for (const id of handled) await recordHandled(trx, handler, id, 'no_risk', false, input.note);
  return { batchId: handler.batchId, handledIds: handled };
}

export async function actOnAccountIn(
  trx: Trx,
  handler: Handler,
  input: { alertId: number; action: AccountAction; note?: string },
): Promise<AlertsHandled> {
  const alert = await securityAlertsRepo.find(trx, input.alertId);
  if (!alert) throw notFound('alert', input.alertId);
  if (!accountActionAllowed(input.action, alert.account_kind)) {
    throw new DeskError('BAD_REQUEST', 'main_account_not_removable', 'only a sub-account can be disabled or deleted', {
      field: 'action',
    });
  }
  const pending = await securityAlertsRepo.pendingOfAccount(trx, alert.subject_id, alert.account_id);
  const handling: AlertHandling = {
    kind: 'account_action',
    action: input.action,
    subjectId: alert.subject_id,
    accountId: alert.account_id,
  };
  const handled = alertsHandledBy(handling, pending.map(toRef));
  await markHandled(trx, handler, handled, input.action, input.note);
  // The action on the account is the event; each alert's own event points back to it by batch id.
  await recordEvent(
    trx,
    handler.audit,
    {
      action: 'alert.account_actioned',
      target: { type: 'shop_account', id: `${alert.subject_id}/${alert.account_id}` },
      data: {
        action: input.action,
        subjectId: alert.subject_id,
        accountId: alert.account_id,
        accountKind: alert.account_kind,
        fromAlertId: alert.id,
        alertIds: handled,
        note: input.note || null,
      },
    },
    handler.now,
  );
  for (const id of handled) await recordHandled(trx, handler, id, input.action, true, input.note);
  return { batchId: handler.batchId, handledIds: handled };
}

async function markHandled(
  trx: Trx,
  handler: Handler,
  ids: number[],
  resolution: AlertResolution,
  note: string | undefined,
) {
  const changed = await securityAlertsRepo.markHandled(trx, ids, {
    resolution,
    handledBy: handler.userId,
    at: handler.now.toISOString(),
    note: note || null,
    batchId: handler.batchId,
  });
  // Someone handled one of them since we read it: roll back rather than half-apply.
  if (changed !== ids.length) throw alreadyHandled(ids[0] ?? 0);
}

function recordHandled(
  trx: Trx,
  handler: Handler,
  id: number,
  resolution: AlertResolution,
  byAccountAction: boolean,
  note: string | undefined,
) {
  return recordEvent(
    trx,
    handler.audit,
    {
      action: 'alert.handled',
      target: { type: 'security_alert', id },
      data: { resolution, byAccountAction, note: note || null },
    },
    handler.now,
  );
}

const alreadyHandled = (id: number) =>
  new DeskError('CONFLICT', 'alert_already_handled', `alert ${id} is already handled; reload the list`, { id });

const toRef = (r: { id: number; subject_id: string; account_id: string; status: AlertStatus }) => ({
  id: r.id,
  subjectId: r.subject_id,
  accountId: r.account_id,
  status: r.status,
});

/** A handler for callers with their own transaction and staff member (the demo seed). */
export function handlerAs(audit: AuditContext, userId: number, now: Date): Handler {
  const batchId = randomUUID();
  return { audit: { ...audit, batchId }, userId, now, batchId };
}
