/**
 * CPU time of a process's main thread, for benchmarks that say how busy a desk's HTTP thread
 * was. Linux only: read from /proc (a thread's stat line, utime + stime in 10 ms ticks).
 */
import { existsSync, readFileSync } from 'node:fs';
import { procStatFields } from '../support/procStat';

/** Milliseconds of CPU the main thread of `pid` has used (its thread id is its pid); NaN without /proc. */
export function mainThreadCpuMs(pid: number): number {
  const file = `/proc/${pid}/task/${pid}/stat`;
  if (!existsSync(file)) return Number.NaN;
  const fields = procStatFields(file);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The node process `tsx` started to run a script: tsx's only child (or `pid` itself without /proc). */
export function nodeProcessOf(tsxPid: number): number {
  const file = `/proc/${tsxPid}/task/${tsxPid}/children`;
  if (!existsSync(file)) return tsxPid;
  const [child] = readFileSync(file, 'utf8').trim().split(/\s+/);
  return Number(child || tsxPid);
}
