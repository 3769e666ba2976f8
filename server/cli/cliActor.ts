import { type AuditContext, SYSTEM_ACTOR } from '../audit/recordEvent';

/** The CLI acts as the system, and says so in the audit trail. */
export const CLI_ACTOR: AuditContext = { ...SYSTEM_ACTOR, userAgent: 'desk-cli' };
