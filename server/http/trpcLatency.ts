import type { RequestHandler } from 'express';
import type { DeskMetrics } from '../metrics/deskMetrics';
import { appRouter } from '../trpc/appRouter';

const KNOWN = new Set(Object.keys(appRouter._def.procedures));

/**
 * Times every tRPC request from arrival to its last byte, labelled by procedure. Only the
 * router's own procedure names become labels (anything else is "unknown"): a caller must not be
 * able to mint new time series by inventing paths. Subscriptions (server-sent events) stay open
 * for as long as a page is, so they are not timed.
 */
export function trpcLatency(metrics: DeskMetrics): RequestHandler {
  return (req, res, next) => {
    if ((req.get('accept') ?? '').includes('text/event-stream')) return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const names = (req.path.slice(1) || '?').split(',').map((name) => (KNOWN.has(name) ? name : 'unknown'));
      metrics.observeRequest(names, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
