import { can, type Role } from '../auth/roles';
import { DeskError } from '../errors/deskError';
import type { CaseStatus } from './enums';
import { transition } from './stateMachine';

/** Who asks to change a case: a staff member, or an integration (reporting system). */
export type CaseActor = { kind: 'staff'; userId: number; role: Role } | { kind: 'integration' };

/** The changes to a case's record that others may make while someone works on it. */
export type RecordChange = 'route' | 'split' | 'add_evidence';

/**
 * Who may change what, in which state, for the changes that used to happen underneath the
 * people working on a case:
 * - The state machine says in which states each change exists at all (CONFLICT
 *   `illegal_transition` otherwise): none once a decision is pending or taken.
 * - A case a reviewer holds (`assigned`) is theirs: only they and a lead (who may take it off
 *   them anyway, by reassigning) change it; a triager's route or split, or another reviewer's
 *   evidence, is FORBIDDEN `case_held`. Integrations may still add evidence, as they may still
 *   merge further reports into it. A case nobody holds yet (`new`, `triaged`) is open to
 *   everyone whose role allows the change (the procedure's permission).
 */
export function guardRecordChange(
  c: { id: number; status: CaseStatus; assigneeId: number | null },
  change: RecordChange,
  actor: CaseActor,
): void {
  transition(c.status, change);
  if (actor.kind === 'integration') return;
  const holds = c.status === 'assigned' && c.assigneeId === actor.userId;
  const lead = can(actor.role, 'queues.manage');
  if (c.status === 'assigned' && !holds && !lead) {
    throw new DeskError(
      'FORBIDDEN',
      'case_held',
      `case ${c.id} is held by a reviewer: only they or a lead may ${change.replaceAll('_', ' ')} now`,
      { caseId: c.id, change },
    );
  }
}
