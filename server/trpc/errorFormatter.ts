import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import { MAX_BATCH_CALLS } from '../../shared/api/transport';
import { DeskError, type DeskErrorReason } from '../../shared/errors/deskError';

interface Issue {
  path: (string | number)[];
  message: string;
}

function validationIssues(cause: unknown): Issue[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((i: { path?: PropertyKey[]; message?: string }) => ({
    path: (i.path ?? []).map((p) => (typeof p === 'number' ? p : String(p))),
    message: String(i.message ?? 'invalid'),
  }));
}

/**
 * Error shape for clients: `data.code` (tRPC code), `data.reason` (stable domain reason),
 * `data.field` and `data.issues` for invalid input. Internal errors never leak their message.
 */
export function formatError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
  const issues = validationIssues(error.cause);
  const cause = error.cause instanceof DeskError ? error.cause : undefined;
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  const firstPath = issues?.[0]?.path;
  const batchTooLarge = error.message === 'Batch call exceeds maximum size';
  // A domain error's own reason; else what tRPC itself refused (the validator, the batch limit).
  const reason: DeskErrorReason | undefined =
    cause?.reason ?? (issues ? 'invalid_input' : batchTooLarge ? 'batch_too_large' : undefined);
  return {
    ...shape,
    message: internal
      ? 'internal error'
      : issues
        ? `invalid input: ${describe(issues)}`
        : batchTooLarge
          ? `a batched request may hold at most ${MAX_BATCH_CALLS} calls`
          : shape.message,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      reason,
      field: (cause?.details?.field as string | undefined) ?? (firstPath?.length ? firstPath.join('.') : undefined),
      issues,
      details: cause?.details,
    },
  };
}

function describe(issues: Issue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}
