/**
 * The reviewers' side of the claims benchmark, in its own process (as real reviewers are on
 * other machines): signs in each user, then all call queue.next concurrently. Prints JSON.
 * Usage: tsx test/bench/claimClients.ts <url> <password> <callsEach> <user>...
 * With CLAIM_PROBE=me each call is `auth.me` instead: a signed-in request that does nothing.
 */
import { performance } from 'node:perf_hooks';
import { signIn } from '../support/apiClient';

const [url = '', password = '', callsArg = '0', ...users] = process.argv.slice(2);
const calls = Number(callsArg);
const clients = await Promise.all(users.map((u) => signIn(url, u, password)));
const start = performance.now();
const claimed = await Promise.all(
  clients.map(async (c) => {
    const mine: number[] = [];
    for (let i = 0; i < calls; i++) {
      if (process.env.CLAIM_PROBE === 'me') {
        await c.trpc.auth.me.query();
        mine.push(i);
        continue;
      }
      const next = await c.trpc.queue.next.mutate({});
      if (next) mine.push(next.caseId);
    }
    return mine;
  }),
);
console.log(JSON.stringify({ ms: performance.now() - start, claimed: claimed.flat() }));
