import { accountsRouter } from './routers/accounts.router';
import { alertsRouter } from './routers/alerts.router';
import { appealsRouter } from './routers/appeals.router';
import { auditRouter } from './routers/audit.router';
import { authRouter } from './routers/auth.router';
import { casesRouter } from './routers/cases.router';
import { approvalsRouter } from './routers/decisions.router';
import { enforcementRouter } from './routers/enforcement.router';
import { evidenceRouter } from './routers/evidence.router';
import { inboxRouter } from './routers/inbox.router';
import { metricsRouter } from './routers/metrics.router';
import { notesRouter } from './routers/notes.router';
import { outboxRouter } from './routers/outbox.router';
import { presenceRouter } from './routers/presence.router';
import { qaRouter } from './routers/qa.router';
import { queueAdminRouter } from './routers/queueAdmin.router';
import { reportsRouter } from './routers/reports.router';
import { rulebookRouter } from './routers/rulebook.router';
import { searchRouter } from './routers/search.router';
import { subjectsRouter } from './routers/subjects.router';
import { tagsRouter } from './routers/tags.router';
import { tokensRouter } from './routers/tokens.router';
import { usersRouter } from './routers/users.router';
import { viewsRouter } from './routers/views.router';
import { worklistRouter } from './routers/worklist.router';
import { router } from './trpc';

export const appRouter = router({
  accounts: accountsRouter,
  alerts: alertsRouter,
  appeals: appealsRouter,
  approvals: approvalsRouter,
  audit: auditRouter,
  auth: authRouter,
  cases: casesRouter,
  enforcement: enforcementRouter,
  evidence: evidenceRouter,
  inbox: inboxRouter,
  metrics: metricsRouter,
  notes: notesRouter,
  outbox: outboxRouter,
  presence: presenceRouter,
  qa: qaRouter,
  // Paths kept for clients and tests: `queue` is the reviewer's worklist, `queues` its administration.
  queue: worklistRouter,
  queues: queueAdminRouter,
  reports: reportsRouter,
  rulebook: rulebookRouter,
  search: searchRouter,
  subjects: subjectsRouter,
  tags: tagsRouter,
  tokens: tokensRouter,
  users: usersRouter,
  views: viewsRouter,
});

export type AppRouter = typeof appRouter;
