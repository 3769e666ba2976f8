import type { DecisionState } from '../../shared/api/caseHistory';
import type { DecisionRow } from '../db/tables/decisions.table';

type Person = (id: number) => { id: number; name: string };

/**
 * Who moved a decision to its state, and when. Rows from before the state was kept say it
 * through the approver (an approved or sent-back decision) or the author.
 */
export function stateOf(d: DecisionRow, person: Person): DecisionState {
  const reviewed = d.status !== 'pending_approval' && d.reviewed_by !== null;
  const by = d.status_changed_by ?? (reviewed ? d.reviewed_by : null) ?? d.decided_by;
  const at = d.status_changed_at ?? (reviewed ? d.reviewed_at : null) ?? d.decided_at;
  return { id: d.id, kind: d.kind, status: d.status, changedBy: person(by), changedAt: at };
}

/**
 * The decision a case's state is about: its latest own decision (not a later finding of false
 * appeal evidence, which is a decision of another rule filed on the same case).
 */
export function currentDecision(decisions: readonly DecisionRow[], caseRule: string): DecisionRow | undefined {
  return decisions.filter((d) => d.rule === null || d.rule === caseRule).at(-1);
}
