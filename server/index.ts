import { loadConfig } from './config';
import { DemoExposureError } from './demo/demoAccounts';
import { startServer } from './server';

// Entry point of `npm start`: serve the desk and say how to reach it.
const config = loadConfig();
const server = await startServer(config).catch((err: unknown) => {
  if (!(err instanceof DemoExposureError)) throw err;
  console.error(err.message);
  process.exit(1);
});
const lines = [`Verdict is serving the desk at ${server.url}`];
if (server.demoLogins?.length) {
  lines.push('Demo logins (username / password / role):');
  for (const l of server.demoLogins) lines.push(`  ${l.username.padEnd(10)} ${l.password}  ${l.role}`);
}
console.log(lines.join('\n'));

// A graceful stop: no new connections, requests in flight finish (up to
// DESK_SHUTDOWN_GRACE_SECONDS), then the jobs stop and the database closes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    try {
      await server.close({ graceMs: config.shutdownGraceMs });
      process.exit(0);
    } catch (err) {
      server.logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  });
}
