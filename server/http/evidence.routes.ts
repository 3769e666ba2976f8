import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { EVIDENCE_MAX_BYTES } from '../../shared/api/evidenceData';
import { can } from '../../shared/auth/roles';
import { DeskError, type DeskErrorReason } from '../../shared/errors/deskError';
import { ALLOWED_BINARY_TYPES, isInlineImage, TEXT_TYPES } from '../evidence/detectContentType';
import { cleanFileName, contentDisposition, downloadName } from '../evidence/fileNames';
import { readEvidenceContent, uploadEvidence } from '../services/evidence.service';
import { type AppDeps, type Context, contextFactory, serviceContext } from '../trpc/context';
import { refuseHostileInput } from './hostileInput';
import { DEFAULT_UPLOAD_LIMITS, readUpload, type UploadLimits } from './readUpload';
import { evidenceScope, fromDeskPage } from './viewTicket';

/** Served files can never run anything: no script, no plugins, no same-origin access, even if opened directly. */
const CONTENT_CSP = "default-src 'none'; sandbox";

/**
 * Evidence files over plain HTTP (bodies and downloads of any type are awkward in JSON-RPC):
 * - `POST /api/cases/:id/evidence`: a multipart form or the raw bytes, with `?kind=&title=&fileName=`;
 *   staff who may decide or take in cases, or integrations with the `intake` scope.
 * - `GET /api/evidence/:evidenceId/content`: the bytes, for staff who may read cases; audited.
 */
export function evidenceRoutes(
  deps: AppDeps & { logger?: Logger },
  options: { maxBytes?: number; limits?: UploadLimits } = {},
): express.Router {
  const maxBytes = options.maxBytes ?? EVIDENCE_MAX_BYTES;
  const limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
  /** Uploads running per caller, in this instance: a few slow bodies must not take every slot. */
  const running = new Map<string, number>();
  // The same caller resolution as tRPC procedures: bearer token, else the session cookie.
  const callerOf = contextFactory(deps);
  const routes = express.Router();

  routes.post('/cases/:id/evidence', async (req, res) => {
    const caseId = positiveId(req.params.id);
    if (!caseId) return sendError(res, 404, 'NOT_FOUND', 'no such case', { reason: 'case_not_found' });
    const ctx = await callerOf({ req, res });
    const refused = uploadRefusal(ctx);
    if (refused) return sendError(res, refused.status, refused.code, refused.message);

    const caller = ctx.user ? `user:${ctx.user.id}` : `token:${ctx.integration?.id}`;
    const mine = running.get(caller) ?? 0;
    if (mine >= limits.perCaller) {
      return sendError(
        res,
        429,
        'TOO_MANY_REQUESTS',
        `at most ${limits.perCaller} uploads at once; wait for one to finish`,
        { reason: 'too_many_uploads' },
      );
    }
    running.set(caller, mine + 1);
    let read: Awaited<ReturnType<typeof readUpload>>;
    try {
      read = await readUpload(req, maxBytes, limits);
    } finally {
      const left = (running.get(caller) ?? 1) - 1;
      if (left > 0) running.set(caller, left);
      else running.delete(caller);
    }
    if (!read.ok && read.status === 'aborted') {
      // The client went away (closed the tab, lost the network): routine, not a server fault.
      deps.logger?.info({ caseId, caller }, 'evidence upload aborted by client');
      return;
    }
    if (!read.ok) {
      sendError(res, read.status, read.code, read.message, { reason: read.reason });
      // A stalled body is not worth waiting for: drop the connection once the answer is out.
      if (read.status === 408) res.once('finish', () => req.destroy());
      return;
    }
    const { upload } = read;
    try {
      const kind = upload.fields.kind ?? queryText(req, 'kind');
      const title = upload.fields.title ?? queryText(req, 'title');
      // The text fields get the check every tRPC input gets (U+0000 was a 500 on PostgreSQL).
      refuseHostileInput({ kind, title });
      const result = await uploadEvidence(serviceContext(ctx), {
        caseId,
        bytes: upload.bytes,
        kind,
        title,
        fileName: cleanFileName(upload.fileName),
        actor: ctx.user ? { kind: 'staff', userId: ctx.user.id, role: ctx.user.role } : { kind: 'integration' },
      });
      res.status(201).json(result);
    } catch (err) {
      if (err instanceof DeskError) return sendDeskError(res, err);
      throw err;
    }
  });

  routes.get('/evidence/:evidenceId/content', async (req, res) => {
    const evidenceId = positiveId(req.params.evidenceId);
    if (!evidenceId) return sendError(res, 404, 'NOT_FOUND', 'no such evidence', { reason: 'evidence_not_found' });
    const ctx = await callerOf({ req, res });
    if (!ctx.user)
      return sendError(
        res,
        ctx.integration ? 403 : 401,
        ctx.integration ? 'FORBIDDEN' : 'UNAUTHORIZED',
        'sign in first',
      );
    if (!can(ctx.user.role, 'cases.read')) return sendError(res, 403, 'FORBIDDEN', 'your role may not cases.read');
    // A view is audited: the GET must come from the desk's page (server/http/viewTicket.ts).
    if (!ctx.sessionToken || !fromDeskPage(req, ctx.sessionToken, evidenceScope(evidenceId), deps.clock.now()))
      return sendError(res, 403, 'FORBIDDEN', 'open evidence from the case page (its link carries a ticket)', {
        reason: 'ticket_required',
      });
    let content: Awaited<ReturnType<typeof readEvidenceContent>>;
    try {
      content = await readEvidenceContent(serviceContext(ctx), evidenceId);
    } catch (err) {
      if (err instanceof DeskError) return sendDeskError(res, err);
      throw err;
    }
    const { evidence, bytes } = content;
    const type = evidence.content_type;
    const extension = ALLOWED_BINARY_TYPES[type] ?? TEXT_TYPES[type] ?? 'bin';
    // Images may show in place; PDFs and text are always downloads, never rendered by the browser here.
    const inline = isInlineImage(type) && req.query.download === undefined;
    res.status(200);
    res.setHeader(
      'content-type',
      type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type,
    );
    res.setHeader('content-length', String(bytes.length));
    res.setHeader(
      'content-disposition',
      contentDisposition(inline ? 'inline' : 'attachment', downloadName(evidence.file_name, evidence.id, extension)),
    );
    res.setHeader('content-security-policy', CONTENT_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    // Every view is audited, so no cache may answer for the server.
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-evidence-sha256', evidence.sha256);
    res.end(bytes);
  });

  return routes;
}

function uploadRefusal(ctx: Context): { status: number; code: string; message: string } | null {
  if (ctx.integration) {
    return ctx.integration.scopes.includes('intake')
      ? null
      : { status: 403, code: 'FORBIDDEN', message: 'this token lacks the intake scope' };
  }
  if (!ctx.user) return { status: 401, code: 'UNAUTHORIZED', message: 'sign in or send a bearer token' };
  if (can(ctx.user.role, 'cases.decide') || can(ctx.user.role, 'cases.intake')) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'your role may not add evidence' };
}

const DESK_STATUS: Record<DeskError['code'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

function sendDeskError(res: Response, err: DeskError) {
  // A file of a type we refuse is "unsupported media", not a malformed request.
  if (err.reason === 'unsupported_type') {
    return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', err.message, { reason: err.reason, ...err.details });
  }
  return sendError(res, DESK_STATUS[err.code], err.code, err.message, { reason: err.reason, ...err.details });
}

/** The JSON error body of these routes; a `reason`, when there is one, is from the closed list. */
function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: { reason?: DeskErrorReason; [detail: string]: unknown } = {},
) {
  res.status(status).json({ error: { code, message, ...extra } });
}

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function queryText(req: Request, name: string): string | null {
  const value = req.query[name];
  return typeof value === 'string' ? value : null;
}
