import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { MAX_BATCH_CALLS } from '../shared/api/transport';
import { auditExportRoute } from './http/auditExport.route';
import { requireCsrfHeader } from './http/csrf';
import { evidenceRoutes } from './http/evidence.routes';
import { malformedQuery, refuseInvalidUtf8 } from './http/hostileInput';
import { oidcRoutes } from './http/oidc.routes';
import { openApiRoutes } from './http/openApi.routes';
import { operationsRoutes } from './http/operations.routes';
import type { UploadLimits } from './http/readUpload';
import type { RequestTracker } from './http/requestTracker';
import { simulationExportRoute } from './http/simulationExport.route';
import { trpcLatency } from './http/trpcLatency';
import type { DeskMetrics } from './metrics/deskMetrics';
import { appRouter } from './trpc/appRouter';
import { type AppDeps, contextFactory } from './trpc/context';

export interface AppOptions extends AppDeps {
  logger: Logger;
  /** Built client to serve; when missing the API still works and `/` says how to build it. */
  clientDir: string;
  /** Express's `trust proxy` (DESK_TRUST_PROXY); none unless configured. */
  trustProxy?: boolean | number | string;
  uploads?: UploadLimits;
  /** Prometheus metrics (`/metrics`), and the bearer token that guards them (DESK_METRICS_TOKEN). */
  metrics?: DeskMetrics;
  metricsToken?: string | null;
  /** Counts requests in flight, for a graceful shutdown. */
  requests?: RequestTracker;
}

const JSON_BODY_LIMIT = '1mb';

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-* only from the proxies the operator named: otherwise anyone (a local process
  // included) could pick the address the sign-in limit and the audit trail see.
  app.set('trust proxy', options.trustProxy ?? false);
  if (options.requests) app.use(options.requests.middleware);

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    res.locals.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', res.locals.requestId);
    next();
  });
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (_req, res) => String(res.locals.requestId),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/assets/') === true },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI's emotion injects <style> tags at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          fontSrc: ["'self'", 'data:'],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Staff may reach the desk over plain http on an intranet or loopback.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(operationsRoutes(options));
  app.use(openApiRoutes());

  // The body is read as text and parsed by tRPC: its adapter would turn a parsed body back
  // into JSON with a recursive JSON.stringify, which 10,000 levels of nesting overflow before
  // any check of ours could refuse them (refuseHostile in server/trpc/trpc.ts does, after).
  if (options.metrics) app.use('/trpc', trpcLatency(options.metrics));
  app.use(
    '/trpc',
    requireCsrfHeader,
    refuseMalformedQuery,
    express.text({ type: 'application/json', limit: JSON_BODY_LIMIT, verify: refuseInvalidUtf8 }),
    (req, _res, next) => {
      // An empty body (a mutation without input) reads as {}, as express.json made it.
      if (req.body === '') req.body = '{}';
      next();
    },
  );
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      // 400 × audit.verify in one GET once held the server for 23 s; more calls than this in
      // one request are refused with 400 (the desk's client batches at most this many).
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: contextFactory(options),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          options.logger.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    }),
  );

  // Uploads and any other cookie-authenticated write under /api need the CSRF header too.
  app.use('/api', requireCsrfHeader);
  app.get('/api/audit/export', auditExportRoute(options));
  app.get('/api/rulebook/simulations/:jobId.csv', simulationExportRoute(options));
  if (options.oidc) app.use('/api/auth/oidc', oidcRoutes({ ...options, oidc: options.oidc }));
  app.use('/api', evidenceRoutes(options, { limits: options.uploads }));

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
  });

  serveClient(app, options.clientDir);
  app.use(jsonErrors(options.logger));
  return app;
}

/** Percent-escapes that are not UTF-8 are refused, not decoded to U+FFFD (server/http/hostileInput.ts). */
const refuseMalformedQuery: express.RequestHandler = (req, res, next) => {
  const problem = malformedQuery(req.originalUrl);
  if (problem) res.status(400).json({ error: { code: 'BAD_REQUEST', message: problem } });
  else next();
};

function serveClient(app: express.Express, clientDir: string) {
  const root = resolve(clientDir);
  const index = join(root, 'index.html');
  // Hashed asset names never change content, so browsers may keep them for a year. The build
  // writes .br and .gz beside each one (vite.config.ts); the client gets the best it accepts.
  app.use(
    '/assets',
    expressStaticGzip(join(root, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: { immutable: true, maxAge: '365d', fallthrough: false },
    }),
  );
  app.use(express.static(root, { index: false }));
  // Client-side routes (/queue, /cases/12, …) all load the single page.
  app.get(/^\/(?!trpc\/|api\/|healthz).*/, (_req, res) => {
    if (existsSync(index)) res.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
    else res.status(503).type('text').send('The client is not built yet: run `npm run build`.');
  });
}

/** Body-parser and static errors carry their own 4xx status; everything else is a logged 500. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'request failed');
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 404
          ? 'NOT_FOUND'
          : status === 500
            ? 'INTERNAL_SERVER_ERROR'
            : 'BAD_REQUEST';
    res
      .status(status)
      .json({ error: { code, message: status === 500 ? 'internal error' : String(err.message ?? code) } });
  };
}
