import type { Transaction } from 'kysely';
import { caseDecidedPayload } from '../../shared/audit/caseDecided';
import { toStatementOfReasons } from '../../shared/dsa/statementOfReasons';
import { dsaPuid } from '../../shared/dsa/submission';
import { type AuditContext, recordEvent } from '../audit/recordEvent';
import type { Database } from '../db/database';
import { dsaSubmissionsRepo } from '../db/repositories/dsaSubmissions.repo';

/**
 * decisionEffect.takeEffect's call once a decision is effective: if it restricts its subject
 * (shared/dsa: a warning alone, a waiver or a dismissal does not), its statement of reasons is
 * queued for the DSA Transparency Database in the decision's own transaction, under a puid never
 * used before. Queued whether or not this desk submits (DESK_DSA_*): switching submission on
 * later sends the backlog. Returns the puid, or null when nothing restricts.
 */
export async function queueDsaStatement(
  trx: Transaction<Database>,
  ctx: { audit: AuditContext },
  args: { decisionId: number; decided: Record<string, unknown>; now: Date },
): Promise<string | null> {
  const parsed = caseDecidedPayload.safeParse(args.decided);
  if (!parsed.success) return null;
  const built = toStatementOfReasons(parsed.data);
  if (!built) return null;
  const puid = dsaPuid(await dsaSubmissionsRepo.puidPrefix(trx), args.decisionId);
  const statement = { ...built, puid };
  const at = args.now.toISOString();
  const id = await dsaSubmissionsRepo.insert(trx, {
    decision_id: args.decisionId,
    case_id: parsed.data.caseId,
    subject_id: parsed.data.subjectId,
    puid,
    statement,
    status: 'pending',
    next_attempt_at: at,
    lease_owner: null,
    lease_until: null,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    submitted_at: null,
    overturned_at: null,
    created_at: at,
    updated_at: at,
  });
  if (id === null) return null;
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'dsa.statement_queued',
      target: { type: 'case', id: parsed.data.caseId },
      data: { submissionId: id, decisionId: args.decisionId, puid, category: statement.category },
    },
    args.now,
  );
  return puid;
}

/**
 * appealDecision's call when an upheld appeal overturns (or adjusts) a decision: the database
 * keeps statements for good (it has no withdrawal), so the desk flags the queued or submitted
 * statement as overturned and audits it. A decision that restricted nothing has no statement.
 */
export async function recordDsaOverturn(
  trx: Transaction<Database>,
  ctx: { audit: AuditContext },
  args: { decisionId: number; appealId: number; now: Date },
): Promise<void> {
  const row = await dsaSubmissionsRepo.forDecision(trx, args.decisionId);
  if (!row || row.overturned) return;
  const at = args.now.toISOString();
  await dsaSubmissionsRepo.update(trx, row.id, { overturned: 1, overturned_at: at, updated_at: at });
  await recordEvent(
    trx,
    ctx.audit,
    {
      action: 'dsa.statement_overturned',
      target: { type: 'dsa_submission', id: row.id },
      data: {
        decisionId: args.decisionId,
        appealId: args.appealId,
        puid: row.puid,
        submissionStatus: row.status,
      },
    },
    args.now,
  );
}
