import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { auditExportQuery, EXPORT_HEADERS } from '../../shared/api/audit';
import { can } from '../../shared/auth/roles';
import { DeskError, type DeskErrorReason } from '../../shared/errors/deskError';
import { ExportAborted } from '../audit/exportStream';
import { SESSION_COOKIE } from '../auth/sessionToken';
import { beginAuditExport, completeAuditExport } from '../services/auditExport.service';
import { resolveSession, type StaffUser } from '../services/auth.service';
import type { AppDeps } from '../trpc/context';
import { consume } from '../trpc/rateLimits';
import { AUDIT_EXPORT_SCOPE, fromDeskPage } from './viewTicket';

/**
 * `GET /api/audit/export?format=csv|csv-excel|ndjson|dsa&from=&to=`: the audit trail as a streamed file,
 * for staff whose role may export it. Plain HTTP rather than tRPC so a browser or curl can save
 * a file of any size; the manifest is `audit.exportManifest` with the id from the response header.
 */
export function auditExportRoute(deps: AppDeps & { logger: Logger }): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(deps, req);
    if (!user) return sendError(res, 401, 'UNAUTHORIZED', 'sign in first');
    if (!can(user.role, 'audit.export')) return sendError(res, 403, 'FORBIDDEN', 'your role may not audit.export');
    // An export is audited: the GET must carry the desk's header or a ticket (server/http/viewTicket.ts).
    if (!fromDeskPage(req, user.sessionToken, AUDIT_EXPORT_SCOPE, deps.clock.now()))
      return sendError(res, 403, 'FORBIDDEN', 'send the x-verdict-csrf: 1 header or a ticket from audit.exportTicket');
    try {
      await consume(deps.limits.expensive, `user:${user.id}`);
    } catch {
      return sendError(res, 429, 'TOO_MANY_REQUESTS', 'too many exports; try again in a minute', 'rate_limited');
    }
    const query = auditExportQuery.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        `invalid ${issue?.path.join('.') || 'query'}: ${issue?.message}`,
        'invalid_input',
      );
    }

    const ctx = {
      db: deps.db,
      clock: deps.clock,
      audit: {
        actor: { type: 'user' as const, id: String(user.id) },
        requestId: String(res.locals.requestId ?? ''),
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
      },
    };
    let job: Awaited<ReturnType<typeof beginAuditExport>>;
    try {
      job = await beginAuditExport(ctx, query.data);
    } catch (err) {
      if (err instanceof DeskError) return sendError(res, 400, err.code, err.message, err.reason);
      throw err;
    }

    const stamp = job.startedAt.replace(/[-:]|\.\d+/g, '');
    res.status(200);
    res.setHeader('content-type', job.spec.contentType);
    res.setHeader('content-disposition', `attachment; filename="verdict-audit-${stamp}.${job.spec.extension}"`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader(EXPORT_HEADERS.rows, String(job.total));
    res.setHeader(EXPORT_HEADERS.id, String(job.exportId));
    res.setHeader('access-control-expose-headers', `${EXPORT_HEADERS.rows}, ${EXPORT_HEADERS.id}`);
    try {
      await completeAuditExport(ctx, job, res);
      res.end();
    } catch (err) {
      // Headers are gone: the only honest signal left is a cut connection, never a short "complete" file.
      if (err instanceof ExportAborted) deps.logger.info({ exportId: job.exportId }, 'audit export aborted by client');
      else deps.logger.error({ err, exportId: job.exportId }, 'audit export failed');
      res.destroy();
    }
  };
}

async function staffUser(deps: AppDeps, req: Request): Promise<(StaffUser & { sessionToken: string }) | null> {
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const resolved = token ? await resolveSession(deps, token, deps.session) : null;
  // A session that still owes a password change or a second factor may not export.
  return resolved && !resolved.gate && token ? { ...resolved.user, sessionToken: token } : null;
}

function sendError(res: Response, status: number, code: string, message: string, reason?: DeskErrorReason): void {
  res.status(status).json({ error: { code, message, ...(reason ? { reason } : {}) } });
}
