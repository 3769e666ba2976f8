import type { CaseStatus } from '../cases/enums';

/**
 * The state a case is left in, carried in the payload of every audit event that changes a
 * case's status or assignee (`caseStatus`, `caseAssigneeId`), so `audit verify` can compare
 * the `cases` table with the trail (shared/audit/expectedState.ts). The event of a transaction
 * that changes a case is written after the change, and carries the state the transaction ends in.
 */
export interface CaseStateFields {
  caseStatus: CaseStatus;
  caseAssigneeId: number | null;
}

export const caseState = (status: CaseStatus, assigneeId: number | null): CaseStateFields => ({
  caseStatus: status,
  caseAssigneeId: assigneeId,
});
