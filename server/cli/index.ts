import { loadConfig } from '../config';
import { runCommand } from './commands';

// `npm run desk -- <command>`: exit 0 on success, 1 with a one-line error otherwise.
try {
  const output = await runCommand(process.argv.slice(2), { config: loadConfig(), stdin: process.stdin });
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exit(0);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`desk: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
