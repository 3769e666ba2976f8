/**
 * CPU time of a process's threads and of the whole machine, for benchmarks that say how busy a
 * desk's HTTP thread was and whether the cores were the limit. Linux only: read from /proc (a
 * thread's stat line, utime + stime in 10 ms ticks; the machine's line of /proc/stat).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { procStatFields } from '../support/procStat';

/** Milliseconds of CPU the thread whose stat line is `file` has used: utime + stime, 10 ms ticks. */
function cpuMsOf(file: string): number {
  const fields = procStatFields(file);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Milliseconds of CPU the main thread of `pid` has used (its thread id is its pid); NaN without /proc. */
export function mainThreadCpuMs(pid: number): number {
  const file = `/proc/${pid}/task/${pid}/stat`;
  return existsSync(file) ? cpuMsOf(file) : Number.NaN;
}

/** The node process `tsx` started to run a script: tsx's only child (or `pid` itself without /proc). */
export function nodeProcessOf(tsxPid: number): number {
  const file = `/proc/${tsxPid}/task/${tsxPid}/children`;
  if (!existsSync(file)) return tsxPid;
  const [child] = readFileSync(file, 'utf8').trim().split(/\s+/);
  return Number(child || tsxPid);
}

/** Milliseconds of CPU each thread of `pid` has used, by thread id; empty without /proc. */
export function threadsCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return out;
  for (const tid of readdirSync(dir)) {
    try {
      out.set(Number(tid), cpuMsOf(`${dir}/${tid}/stat`));
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** Machine-wide CPU milliseconds spent busy and idle (all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; idle: number } {
  if (!existsSync('/proc/stat')) return { busy: Number.NaN, idle: Number.NaN };
  const [cpu = ''] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * 10, idle: idle * 10 };
}

/** What each thread spent between two readings, largest first. */
export function threadCpuDelta(before: Map<number, number>, after: Map<number, number>): number[] {
  return [...after].map(([tid, ms]) => ms - (before.get(tid) ?? 0)).sort((a, b) => b - a);
}
