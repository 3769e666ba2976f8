import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/appRouter';

/** Awaits a call that must fail and returns its tRPC error (or fails the test). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TRPCClientError) return err as TRPCClientError<AppRouter>;
    throw err;
  }
  throw new Error('expected the call to fail');
}
