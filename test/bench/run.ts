/**
 * `npm run bench`: runs every benchmark in this folder, one process each so they do not
 * disturb each other's memory and JIT, and prints what each reports. Benchmarks print
 * ratios against raw baselines measured in the same run; none of them passes or fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const tsx = resolve(here, '../../node_modules/.bin/tsx');
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
console.log(`backend: ${process.env.BENCH_DATABASE_URL ?? 'sqlite (temp file)'}\n`);
for (const file of files) {
  console.log(`── ${file}`);
  const run = spawnSync(tsx, [join(here, file)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) console.log(`(${file} exited with ${run.status})`);
  console.log();
}
