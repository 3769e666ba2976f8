// Entry of the writer thread. Run from source (tsx), a worker thread does not inherit the
// TypeScript loader, so it registers it before importing the TypeScript entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
