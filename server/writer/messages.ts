import type { DeskErrorCode, DeskErrorReason } from '../../shared/errors/deskError';
import type { AuditContext } from '../audit/recordEvent';
import type { CaseChange } from '../events/changeBus';
import type { WriterUseCase } from './useCases';

/** The nice value the writer thread takes on Linux (writerWorker.ts says why). */
export const WRITER_THREAD_NICE = 10;

/** What the writer thread is started with. */
export interface WriterStart {
  databaseUrl: string;
  paceCacheMs: number;
  rulebookPollMs: number;
}

/** HTTP thread → writer thread: run one use case for this caller. */
export interface RunRequest {
  id: number;
  useCase: WriterUseCase;
  audit: AuditContext;
  input: unknown;
}

/** A failure as it crosses threads: a DeskError keeps what the error formatter reads. */
export type WireError =
  | { kind: 'desk'; code: DeskErrorCode; reason: DeskErrorReason; message: string; details?: Record<string, unknown> }
  | { kind: 'other'; name: string; message: string; stack?: string };

/** Writer thread → HTTP thread. */
export type WriterReply =
  | { type: 'ready' }
  | { type: 'failed-to-start'; error: WireError }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: WireError }
  // Published after the use case's commit, for this instance's live views.
  | { type: 'changes'; changes: CaseChange[] };
