import type { z } from 'zod';
import type { EndpointView, endpointInput, endpointUpdateInput, OutboxEventType } from '../../shared/api/outbox';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { outboxRepo } from '../db/repositories/outbox.repo';
import type { OutboxEndpointRow } from '../db/tables/outbox.table';
import { type OutboxAddressPolicy, refuseWebhookUrl, type UrlRefusal } from '../outbox/addressPolicy';
import { generateEndpointSecret } from '../outbox/signature';
import { actingUserId, type ServiceContext } from './serviceContext';

type CreateInput = z.output<typeof endpointInput>;
type UpdateInput = z.output<typeof endpointUpdateInput>;

/** What the audit trail and the page see of an endpoint: never its secret. */
function describe(row: OutboxEndpointRow) {
  return {
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as OutboxEventType[],
    enabled: Boolean(row.enabled),
  };
}

async function view(db: Executor, row: OutboxEndpointRow): Promise<EndpointView> {
  return {
    id: row.id,
    ...describe(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts: await outboxRepo.countsByStatus(db, row.id),
  };
}

export async function listEndpoints(ctx: ServiceContext): Promise<EndpointView[]> {
  const rows = await outboxRepo.listEndpoints(ctx.db);
  return Promise.all(rows.map((r) => view(ctx.db, r)));
}

/** Refuses a URL that points into the desk's own network, or carries credentials (field `url`). */
function guardUrl(addresses: OutboxAddressPolicy, url: string): void {
  const refusal = refuseWebhookUrl(addresses, url);
  if (refusal) throw new DeskError('BAD_REQUEST', refusal, URL_REFUSALS[refusal], { field: 'url' });
}

const URL_REFUSALS: Record<UrlRefusal, string> = {
  webhook_url_credentials: 'a webhook URL must not carry a user name or password',
  webhook_url_internal_host: 'a webhook URL must name a public host (this one is local or internal)',
  webhook_url_blocked_address: 'a webhook URL must not point to a private, loopback, link-local or reserved address',
};

/** Registers a webhook; its signing secret is generated here and returned this once. */
export async function createEndpoint(ctx: ServiceContext, input: CreateInput, addresses: OutboxAddressPolicy) {
  guardUrl(addresses, input.url);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const secret = generateEndpointSecret();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await outboxRepo.insertEndpoint(trx, {
      url: input.url,
      description: input.description,
      event_types: JSON.stringify([...new Set(input.eventTypes)]),
      secret,
      enabled: input.enabled ? 1 : 0,
      created_by: actingUserId(ctx),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    });
    const row = await loadEndpoint(trx, id);
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'outbox.endpoint_created', target: { type: 'outbox_endpoint', id }, data: describe(row) },
      now,
    );
    return { endpoint: await view(trx, row), secret };
  });
}

export async function updateEndpoint(
  ctx: ServiceContext,
  input: UpdateInput,
  addresses: OutboxAddressPolicy,
): Promise<EndpointView> {
  if (input.url !== undefined) guardUrl(addresses, input.url);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadEndpoint(trx, input.id);
    await outboxRepo.updateEndpoint(trx, input.id, {
      ...(input.url !== undefined && { url: input.url }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.eventTypes !== undefined && { event_types: JSON.stringify([...new Set(input.eventTypes)]) }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? 1 : 0 }),
      updated_at: now.toISOString(),
    });
    const after = await loadEndpoint(trx, input.id);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'outbox.endpoint_updated',
        target: { type: 'outbox_endpoint', id: input.id },
        data: { before: describe(before), after: describe(after) },
      },
      now,
    );
    return view(trx, after);
  });
}

/** A new secret, effective for the next attempt; the old one stops working at once. */
export async function rotateEndpointSecret(ctx: ServiceContext, input: { id: number }) {
  const now = ctx.clock.now();
  const secret = generateEndpointSecret();
  return ctx.db.transaction().execute(async (trx) => {
    await loadEndpoint(trx, input.id);
    await outboxRepo.updateEndpoint(trx, input.id, { secret, updated_at: now.toISOString() });
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'outbox.endpoint_secret_rotated', target: { type: 'outbox_endpoint', id: input.id } },
      now,
    );
    return { endpoint: await view(trx, await loadEndpoint(trx, input.id)), secret };
  });
}

/** Stops all sending to it; what it was sent stays on record, what it was not is dropped. */
export async function removeEndpoint(
  ctx: ServiceContext,
  input: { id: number },
): Promise<{ droppedDeliveries: number }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadEndpoint(trx, input.id);
    const dropped = await outboxRepo.dropUndelivered(trx, input.id);
    await outboxRepo.updateEndpoint(trx, input.id, { enabled: 0, deleted_at: at, updated_at: at });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'outbox.endpoint_removed',
        target: { type: 'outbox_endpoint', id: input.id },
        data: { ...describe(row), droppedDeliveries: dropped },
      },
      now,
    );
    return { droppedDeliveries: dropped };
  });
}

async function loadEndpoint(db: Executor, id: number): Promise<OutboxEndpointRow> {
  const row = await outboxRepo.endpoint(db, id);
  if (!row) throw notFound('outbox_endpoint', id);
  return row;
}
