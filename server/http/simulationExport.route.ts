import { parse as parseCookies } from 'cookie';
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { can } from '../../shared/auth/roles';
import type { DeskErrorReason } from '../../shared/errors/deskError';
import { simulationCsv } from '../../shared/simulation/csv';
import { SESSION_COOKIE } from '../auth/sessionToken';
import { simulationRepo } from '../db/repositories/simulation.repo';
import { resolveSession } from '../services/auth.service';
import type { AppDeps } from '../trpc/context';
import { consume } from '../trpc/rateLimits';
import { fromDeskPage } from './viewTicket';

export const SIMULATION_EXPORT_SCOPE = 'simulation_export';
const PAGE = 1000;

/**
 * `GET /api/rulebook/simulations/:jobId.csv`: the subjects a simulation found changed, before
 * and after, as CSV streamed page by page. Guarded like the audit export: a signed-in staff
 * member whose role holds `rulebook.manage`, the desk's header (or a ticket), the export budget.
 */
export function simulationExportRoute(deps: AppDeps & { logger: Logger }): RequestHandler {
  return async (req, res) => {
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    const resolved = token ? await resolveSession(deps, token, deps.session) : null;
    if (!resolved || resolved.gate || !token) return sendError(res, 401, 'UNAUTHORIZED', 'sign in first');
    if (!can(resolved.user.role, 'rulebook.manage'))
      return sendError(res, 403, 'FORBIDDEN', 'your role may not rulebook.manage');
    if (!fromDeskPage(req, token, SIMULATION_EXPORT_SCOPE, deps.clock.now()))
      return sendError(res, 403, 'FORBIDDEN', 'send the x-verdict-csrf: 1 header');
    const jobId = Number(req.params.jobId);
    if (!/^[1-9]\d{0,9}$/.test(String(req.params.jobId)))
      return sendError(res, 400, 'BAD_REQUEST', 'the job id is a positive integer', 'invalid_input');
    try {
      await consume(deps.limits.expensive, `user:${resolved.user.id}`);
    } catch {
      return sendError(res, 429, 'TOO_MANY_REQUESTS', 'too many exports; try again in a minute', 'rate_limited');
    }
    const job = await simulationRepo.find(deps.db, jobId);
    if (!job) return sendError(res, 404, 'NOT_FOUND', `simulation ${jobId} does not exist`, 'simulation_not_found');

    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="verdict-simulation-${jobId}.csv"`);
    res.setHeader('cache-control', 'no-store');
    try {
      // A byte-order mark so that spreadsheet programs read the subjects' Chinese names as UTF-8.
      res.write('\uFEFF');
      let cursor: string | null = null;
      let first = true;
      for (;;) {
        const rows = await simulationRepo.results(deps.db, jobId, cursor, PAGE);
        if (first || rows.length > 0) res.write(`${first ? '' : '\r\n'}${simulationCsv(rows, first)}`);
        first = false;
        if (rows.length < PAGE) break;
        cursor = rows.at(-1)?.subjectId ?? null;
      }
      res.end('\r\n');
    } catch (err) {
      deps.logger.error({ err, jobId }, 'simulation export failed');
      res.destroy();
    }
  };
}

function sendError(res: Response, status: number, code: string, message: string, reason?: DeskErrorReason): void {
  res.status(status).json({ error: { code, message, ...(reason ? { reason } : {}) } });
}
