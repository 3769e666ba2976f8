import { type DeskErrorReason, type NotFoundEntity, notFoundReason } from './reasons';

export type { DeskErrorReason, NotFoundEntity } from './reasons';

/**
 * Typed domain errors. Services throw these; the tRPC layer maps `code` to the transport
 * error code in one place, and clients read the stable `reason` to show a precise message.
 */
export const DESK_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'TOO_MANY_REQUESTS',
] as const;
export type DeskErrorCode = (typeof DESK_ERROR_CODES)[number];

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    /** Stable, machine-readable reason, e.g. `invalid_credentials`; also the i18n key suffix (shared/errors/reasons.ts). */
    readonly reason: DeskErrorReason,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

/** `NOT_FOUND` with reason `<entity>_not_found`, e.g. `notFound('routing_rule', 3)`. */
export const notFound = (entity: NotFoundEntity, id: string | number) =>
  new DeskError('NOT_FOUND', notFoundReason(entity), `${entity.replaceAll('_', ' ')} ${id} does not exist`, { id });
