import { claimNext } from '../services/assignment.service';
import { decideCase } from '../services/decisions.service';
import { submitReport } from '../services/intake.service';
import type { ServiceContext } from '../services/serviceContext';

/**
 * The write use cases a shift makes most (claim, decide, report intake). With
 * `DESK_SQLITE_WRITER_THREAD=1` they run on the writer thread (server/writer/writerWorker.ts),
 * beside the HTTP thread instead of on it; otherwise in the request, as every other use case.
 */
export const WRITER_USE_CASES = {
  claimNext,
  decideCase,
  submitReport,
} satisfies Record<string, (ctx: ServiceContext, input: never) => Promise<unknown>>;

export type WriterUseCase = keyof typeof WRITER_USE_CASES;
export type UseCaseInput<N extends WriterUseCase> = Parameters<(typeof WRITER_USE_CASES)[N]>[1];
export type UseCaseOutput<N extends WriterUseCase> = Awaited<ReturnType<(typeof WRITER_USE_CASES)[N]>>;
