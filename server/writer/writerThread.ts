import { Worker } from 'node:worker_threads';
import type { AuditContext } from '../audit/recordEvent';
import type { ChangeBus } from '../events/changeBus';
import type { RunRequest, WriterReply, WriterStart } from './messages';
import type { UseCaseInput, UseCaseOutput, WriterUseCase } from './useCases';
import { fromWire } from './wireError';

/**
 * The HTTP thread's handle on the writer thread (`DESK_SQLITE_WRITER_THREAD=1`, SQLite only):
 * hands it a use case with the caller's audit context and input, and resolves with what the use
 * case returned or rejects with what it threw. Case changes it publishes reach this thread's bus.
 */
export class WriterThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    bus: ChangeBus,
  ) {
    worker.on('message', (message: WriterReply) => {
      if (message.type === 'changes') bus.publish(message.changes);
      if (message.type !== 'done' && message.type !== 'error') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'done') waiting?.resolve(message.result);
      else waiting?.reject(fromWire(message.error));
    });
    worker.on('exit', (code) => {
      this.exited = new Error(`the writer thread exited (code ${code})`);
      for (const waiting of this.pending.values()) waiting.reject(this.exited);
      this.pending.clear();
    });
  }

  /** Starts the thread and waits until its connection answers. */
  static async start(start: WriterStart, bus: ChangeBus): Promise<WriterThread> {
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(`./writerWorker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
    const worker = new Worker(new URL('./writerBoot.mjs', import.meta.url), { workerData: { ...start, entry } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: WriterReply) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'failed-to-start') reject(fromWire(message.error));
        if (message.type === 'ready' || message.type === 'failed-to-start') worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the writer thread exited at start (code ${code})`)));
    });
    return new WriterThread(worker, bus);
  }

  run<N extends WriterUseCase>(useCase: N, audit: AuditContext, input: UseCaseInput<N>): Promise<UseCaseOutput<N>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, useCase, audit, input } satisfies RunRequest);
    });
  }

  /** Lets the use cases in flight finish (their callers are waiting), then closes the thread's connection. */
  async stop(): Promise<void> {
    while (this.pending.size > 0 && !this.exited) await new Promise((r) => setTimeout(r, 10));
    if (this.exited) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ type: 'close' });
    await exited;
  }
}
