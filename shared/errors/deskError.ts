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
    /** Stable, machine-readable reason, e.g. `invalid_credentials`; also the i18n key suffix. */
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export const notFound = (what: string, id: string | number) =>
  new DeskError('NOT_FOUND', `${what.replaceAll(' ', '_')}_not_found`, `${what} ${id} does not exist`, { id });
