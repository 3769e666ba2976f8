import type { RequestHandler } from 'express';

/**
 * Counts requests in flight so a shutdown can wait for them (server/server.ts). Server-sent
 * event streams (live queue updates) never finish on their own: they are not counted, and
 * are cut when the drain ends.
 */
export function requestTracker() {
  let active = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    active -= 1;
    if (active === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  const middleware: RequestHandler = (req, res, next) => {
    if ((req.get('accept') ?? '').includes('text/event-stream')) return next();
    active += 1;
    // `close` fires once the response is sent or the client went away, whichever comes first.
    res.once('close', settle);
    next();
  };
  return {
    middleware,
    get active() {
      return active;
    },
    /** Resolves when no counted request is in flight. */
    idle(): Promise<void> {
      return active === 0 ? Promise.resolve() : new Promise((wake) => waiters.push(wake));
    },
  };
}

export type RequestTracker = ReturnType<typeof requestTracker>;
