import type { Kysely, Transaction } from 'kysely';
import type { AppealsTable } from './tables/appeals.table';
import type { AuditEventsTable } from './tables/auditEvents.table';
import type {
  CaseLinksTable,
  CaseSkipsTable,
  EvidenceFilesTable,
  EvidenceTable,
  ReportersTable,
} from './tables/caseExtras.table';
import type { CasesTable } from './tables/cases.table';
import type { CaseViewersTable } from './tables/caseViewers.table';
import type { DecisionsTable, NoticesTable, ViolationsTable } from './tables/decisions.table';
import type { IntegrationTokensTable } from './tables/integrationTokens.table';
import type { LoginAttemptsTable } from './tables/loginAttempts.table';
import type { NoteMentionsTable, NotesTable } from './tables/notes.table';
import type {
  EnforcementStateTable,
  OutboxAttemptsTable,
  OutboxDeliveriesTable,
  OutboxEndpointsTable,
  OutboxMessagesTable,
} from './tables/outbox.table';
import type { QaPoliciesTable, QaTasksTable } from './tables/qa.table';
import type { QueueMembersTable, QueuesTable, RoutingRulesTable } from './tables/queues.table';
import type { RateLimitsTable } from './tables/rateLimits.table';
import type { ReportsTable } from './tables/reports.table';
import type { SavedViewsTable } from './tables/savedViews.table';
import type { SearchDocumentsTable } from './tables/searchDocuments.table';
import type { SecurityAlertsTable } from './tables/securityAlerts.table';
import type { SessionsTable } from './tables/sessions.table';
import type { SettingsTable } from './tables/settings.table';
import type { StaffGrantsTable } from './tables/staffGrants.table';
import type { SubjectsTable } from './tables/subjects.table';
import type { CaseTagsTable, SubjectTagsTable, TagsTable } from './tables/tags.table';
import type { TotpRecoveryCodesTable } from './tables/totpRecoveryCodes.table';
import type { UsersTable } from './tables/users.table';

export interface Database {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  subjects: SubjectsTable;
  cases: CasesTable;
  case_viewers: CaseViewersTable;
  reports: ReportsTable;
  audit_events: AuditEventsTable;
  queues: QueuesTable;
  queue_members: QueueMembersTable;
  routing_rules: RoutingRulesTable;
  integration_tokens: IntegrationTokensTable;
  evidence: EvidenceTable;
  evidence_files: EvidenceFilesTable;
  case_links: CaseLinksTable;
  case_skips: CaseSkipsTable;
  reporters: ReportersTable;
  decisions: DecisionsTable;
  violations: ViolationsTable;
  notices: NoticesTable;
  appeals: AppealsTable;
  outbox_messages: OutboxMessagesTable;
  outbox_endpoints: OutboxEndpointsTable;
  outbox_deliveries: OutboxDeliveriesTable;
  outbox_attempts: OutboxAttemptsTable;
  enforcement_state: EnforcementStateTable;
  security_alerts: SecurityAlertsTable;
  rate_limits: RateLimitsTable;
  login_attempts: LoginAttemptsTable;
  staff_grants: StaffGrantsTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  notes: NotesTable;
  note_mentions: NoteMentionsTable;
  tags: TagsTable;
  case_tags: CaseTagsTable;
  subject_tags: SubjectTagsTable;
  saved_views: SavedViewsTable;
  search_documents: SearchDocumentsTable;
  qa_policies: QaPoliciesTable;
  qa_tasks: QaTasksTable;
}

export type Db = Kysely<Database>;
/** Repositories take either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';
