import type { ServiceContext } from '../services/serviceContext';
import { type UseCaseInput, type UseCaseOutput, WRITER_USE_CASES, type WriterUseCase } from './useCases';
import type { WriterThread } from './writerThread';

/** Runs a write use case on the writer thread when the desk has one, else right here. */
export function runWrite<N extends WriterUseCase>(
  ctx: ServiceContext,
  writer: WriterThread | null | undefined,
  useCase: N,
  input: UseCaseInput<N>,
): Promise<UseCaseOutput<N>> {
  if (writer) return writer.run(useCase, ctx.audit, input);
  const run = WRITER_USE_CASES[useCase] as (ctx: ServiceContext, input: UseCaseInput<N>) => Promise<UseCaseOutput<N>>;
  return run(ctx, input);
}
