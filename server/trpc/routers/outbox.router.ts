import { z } from 'zod';
import {
  deliveryAttemptView,
  deliveryCounts as deliveryCountsOutput,
  deliveryListInput,
  deliveryListOutput,
  endpointInput,
  endpointUpdateInput,
  endpointView,
  endpointWithSecret,
} from '../../../shared/api/outbox';
import type { Permission } from '../../../shared/auth/roles';
import { STRICT_ADDRESS_POLICY } from '../../outbox/addressPolicy';
import {
  deliveryAttempts,
  deliveryCounts,
  listDeliveries,
  retryDelivery,
} from '../../services/outboxDeliveries.service';
import {
  createEndpoint,
  listEndpoints,
  removeEndpoint,
  rotateEndpointSecret,
  updateEndpoint,
} from '../../services/outboxEndpoints.service';
import { type Context, serviceContext } from '../context';
import { permittedProcedure, router } from '../trpc';

/** Webhooks reach the marketplace's systems and carry a secret: administrators only. */
const OUTBOX_ADMIN: Permission = 'users.manage';
const id = z.object({ id: z.number().int().positive() });
const addressesOf = (ctx: Context) => ctx.outboxAddresses ?? STRICT_ADDRESS_POLICY;

export const outboxRouter = router({
  endpoints: router({
    list: permittedProcedure(OUTBOX_ADMIN)
      .output(z.array(endpointView))
      .query(({ ctx }) => listEndpoints(serviceContext(ctx))),
    /** Returns the signing secret: the only time it is shown. */
    create: permittedProcedure(OUTBOX_ADMIN)
      .input(endpointInput)
      .output(endpointWithSecret)
      .mutation(({ ctx, input }) => createEndpoint(serviceContext(ctx), input, addressesOf(ctx))),
    update: permittedProcedure(OUTBOX_ADMIN)
      .input(endpointUpdateInput)
      .output(endpointView)
      .mutation(({ ctx, input }) => updateEndpoint(serviceContext(ctx), input, addressesOf(ctx))),
    rotateSecret: permittedProcedure(OUTBOX_ADMIN)
      .input(id)
      .output(endpointWithSecret)
      .mutation(({ ctx, input }) => rotateEndpointSecret(serviceContext(ctx), input)),
    remove: permittedProcedure(OUTBOX_ADMIN)
      .input(id)
      .output(z.object({ droppedDeliveries: z.number() }))
      .mutation(({ ctx, input }) => removeEndpoint(serviceContext(ctx), input)),
  }),
  deliveries: router({
    list: permittedProcedure(OUTBOX_ADMIN)
      .input(deliveryListInput)
      .output(deliveryListOutput)
      .query(({ ctx, input }) => listDeliveries(serviceContext(ctx), input)),
    /** One delivery's HTTP attempts, for the page's per-delivery history. */
    attempts: permittedProcedure(OUTBOX_ADMIN)
      .input(id)
      .output(z.array(deliveryAttemptView))
      .query(({ ctx, input }) => deliveryAttempts(serviceContext(ctx), input)),
    counts: permittedProcedure(OUTBOX_ADMIN)
      .output(deliveryCountsOutput)
      .query(({ ctx }) => deliveryCounts(serviceContext(ctx))),
    /** "Retry now". */
    retry: permittedProcedure(OUTBOX_ADMIN)
      .input(id)
      .output(z.object({ status: z.literal('pending') }))
      .mutation(({ ctx, input }) => retryDelivery(serviceContext(ctx), input)),
  }),
});
