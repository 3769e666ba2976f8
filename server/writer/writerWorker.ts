/**
 * The writer thread: its own event loop and its own read-write SQLite connection, running the
 * write use cases the HTTP thread hands it (server/writer/useCases.ts). The HTTP thread keeps
 * parsing requests, checking sessions and serving reads meanwhile, so on a machine with two
 * cores a decision no longer waits for other people's reads to leave the event loop.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../clock';
import { openDatabase } from '../db/connect';
import { ChangeBus } from '../events/changeBus';
import { loadRulebooks } from '../rulebooks';
import { setPaceCacheTtl } from '../services/queuePace';
import { type RunRequest, WRITER_THREAD_NICE, type WriterReply, type WriterStart } from './messages';
import { WRITER_USE_CASES } from './useCases';
import { toWire } from './wireError';

const port = parentPort;
if (!port) throw new Error('writerWorker runs only as a worker thread');
const reply = (message: WriterReply) => port.postMessage(message);

const start = workerData as WriterStart;
lowerThisThreadsPriority();
setPaceCacheTtl(start.paceCacheMs);
const handle = openDatabase(start.databaseUrl);
// Its own cache of the published rulebooks: it learns of a new version as another instance would.
const rulebooks = loadRulebooks(handle.db, systemClock, { pollMs: start.rulebookPollMs });
// Changes go to the HTTP thread's bus, which owns the live views.
const bus = new ChangeBus({
  send: (changes) => reply({ type: 'changes', changes }),
  start: async () => {},
  stop: async () => {},
});

/**
 * This thread yields the CPU to the HTTP thread (nice +10, on this thread only: Linux keeps a
 * nice value per thread, and `setPriority(0, …)` names the calling one). On a machine with few
 * cores, reviewers claiming and deciding without a pause would otherwise take the CPU that
 * people's reads need. At a million cases on two cores this brought the reads' p95 under a shift
 * from 6–10× to 3–4.5× their unloaded figure, with no fewer decisions (BENCHMARKS.md). Elsewhere
 * (macOS names the whole process) the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, WRITER_THREAD_NICE);
  } catch {
    // A sandbox that refuses only costs the reads their head start.
  }
}

async function run(request: RunRequest): Promise<void> {
  try {
    const perform = WRITER_USE_CASES[request.useCase] as (ctx: unknown, input: unknown) => Promise<unknown>;
    const ctx = { db: handle.db, clock: systemClock, rulebooks: await rulebooks, bus, audit: request.audit };
    reply({ type: 'done', id: request.id, result: await perform(ctx, request.input) });
  } catch (error) {
    reply({ type: 'error', id: request.id, error: toWire(error) });
  }
}

port.on('message', (message: RunRequest | { type: 'close' }) => {
  if ('type' in message) {
    void handle.close().then(() => port.close());
    return;
  }
  void run(message);
});

// Reading the rulebooks opens the connection (and fails here, not on a shift's first claim).
rulebooks.then(
  () => reply({ type: 'ready' }),
  (error: unknown) => reply({ type: 'failed-to-start', error: toWire(error) }),
);
