/**
 * What the business tables must hold if the audit trail tells the whole story: the trail's
 * events, folded in sequence, give an expected state per row; `audit verify` compares it with
 * the tables, so editing a decision, a violation or a user in the database (which leaves the
 * hash chain intact) is named by table, row and field.
 *
 * One reducer per action: `ACTION_CHANGES[action](event)` lists the rows it creates or changes
 * and the values it sets. Every code path that writes a reconciled field records one of these
 * actions; a new action that changes such a field is one more line here.
 *
 * Cases: every event that changes a case's status or assignee carries the state it leaves the
 * case in (`caseStatus`, `caseAssigneeId`: shared/audit/caseState.ts). A case whose creating
 * event predates those fields is known but not compared: nothing on the trail says its state.
 */

export const RECONCILED_TABLES = ['decisions', 'violations', 'users', 'cases'] as const;
export type ReconciledTable = (typeof RECONCILED_TABLES)[number];

/** The fields compared, per table, as the repository decodes them (text; booleans as "true"/"false"). */
export const RECONCILED_FIELDS: Record<ReconciledTable, readonly string[]> = {
  decisions: ['kind', 'rule', 'status'],
  violations: ['reversed'],
  users: ['role', 'disabled'],
  cases: ['status', 'assignee'],
};

export type FieldValues = Record<string, string | null>;

export interface AuditFact {
  seq: number;
  action: string;
  targetId: string | null;
  data: unknown;
}

interface RowChange {
  table: ReconciledTable;
  id: string;
  set: FieldValues;
  /** Changes a row an earlier event created; ignored when none did (it never existed). */
  existingOnly?: boolean;
  /** The row exists, but its event predates the fields that would say its state: not compared. */
  untracked?: boolean;
}

type Payload = Record<string, unknown>;
const payload = (e: AuditFact): Payload => (e.data && typeof e.data === 'object' ? (e.data as Payload) : {});
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** The decision row an event is about (`data.decisionId`), or none. */
const decision = (e: AuditFact, set: FieldValues, existingOnly = false): RowChange[] => {
  const id = text(payload(e).decisionId);
  return id ? [{ table: 'decisions', id, set, existingOnly }] : [];
};
const violation = (id: unknown, reversed: boolean, existingOnly = false): RowChange[] =>
  id ? [{ table: 'violations', id: String(id), set: { reversed: String(reversed) }, existingOnly }] : [];
const user = (e: AuditFact, set: FieldValues, existingOnly = true): RowChange[] =>
  e.targetId ? [{ table: 'users', id: e.targetId, set, existingOnly }] : [];

/**
 * The case an event leaves in `caseStatus` / `caseAssigneeId`. Without them (an event written
 * before they existed) a creating event marks the case untracked, and a changing one says nothing.
 */
const caseRow = (e: AuditFact, creates = false): RowChange[] => {
  const d = payload(e);
  if (!e.targetId) return [];
  if (d.caseStatus === undefined) return creates ? [{ table: 'cases', id: e.targetId, set: {}, untracked: true }] : [];
  const set = { status: text(d.caseStatus), assignee: text(d.caseAssigneeId) };
  return [{ table: 'cases', id: e.targetId, set, existingOnly: !creates }];
};
/** A split creates a case of its own (`newCaseId`), in `newCaseStatus`, held by nobody. */
const splitCase = (e: AuditFact): RowChange[] => {
  const d = payload(e);
  const id = text(d.newCaseId);
  if (!id) return [];
  if (d.newCaseStatus === undefined) return [{ table: 'cases', id, set: {}, untracked: true }];
  return [{ table: 'cases', id, set: { status: text(d.newCaseStatus), assignee: null } }];
};
const caseOnly = (e: AuditFact) => caseRow(e);

export const ACTION_CHANGES: Record<string, (e: AuditFact) => RowChange[]> = {
  'user.created': (e) => user(e, { role: text(payload(e).role), disabled: 'false' }, false),
  'user.role_changed': (e) => user(e, { role: text(payload(e).after) }),
  'user.disabled': (e) => user(e, { disabled: 'true' }),
  'user.enabled': (e) => user(e, { disabled: 'false' }),
  // Four-eyes: the decision is stored pending; approval or send-back settles it.
  'case.decision_submitted': (e) => [
    ...decision(e, { kind: text(payload(e).decision), rule: text(payload(e).rule), status: 'pending_approval' }),
    ...caseRow(e),
  ],
  'decision.approved': (e) => decision(e, { status: 'effective' }, true),
  'decision.sent_back': (e) => [...decision(e, { status: 'sent_back' }, true), ...caseRow(e)],
  // An appeal that succeeds overturns the decision, or adjusts it when a lighter finding replaces it.
  'decision.overturned': (e) => decision(e, { status: 'overturned' }, true),
  'decision.adjusted': (e) => decision(e, { status: 'adjusted' }, true),
  // Apply, waive or dismiss taking effect. A dismissal stores no rule on the decision (the
  // event names the case's rule for the statement of reasons); an apply puts a violation on record.
  'case.decided': (e) => {
    const d = payload(e);
    const kind = text(d.decision);
    return [
      ...decision(e, { kind, rule: kind === 'dismiss' ? null : text(d.rule), status: 'effective' }),
      ...violation(d.violationId, false),
      ...caseRow(e),
    ];
  },
  'case.escalated': (e) => [...decision(e, { kind: 'escalate', rule: null, status: 'effective' }), ...caseRow(e)],
  // An upheld appeal reverses the violation (and may put a lighter one on record).
  'appeal.decided': (e) => [
    ...violation(payload(e).reversedViolation, true, true),
    ...violation(payload(e).reliefViolation, false),
    ...caseRow(e),
  ],
  // A QA adjudication that corrects or reverses the decision: the same rows an upheld appeal changes.
  'qa.adjudicated': (e) => {
    const d = payload(e);
    return [
      ...decision(e, { status: text(d.decisionStatus) }, true),
      ...violation(d.reversedViolation, true, true),
      ...violation(d.correctedViolation, false),
    ];
  },
  'case.false_appeal_evidence': (e) => {
    const d = payload(e);
    return [
      // Events written before the payload named them: always an applied false-evidence finding.
      ...decision(e, {
        kind: text(d.decision) ?? 'apply',
        rule: text(d.rule) ?? 'false-appeal-evidence',
        status: 'effective',
      }),
      ...violation(d.violationId, false),
    ];
  },
  // Cases: opened by intake or split off; everything else moves a case the trail opened.
  'case.created': (e) => caseRow(e, true),
  'case.report_split': splitCase,
  'case.routed': caseOnly,
  'case.claimed': caseOnly,
  'case.assigned': caseOnly,
  'case.reassigned': caseOnly,
  'case.released': caseOnly,
  'case.skipped': caseOnly,
  'case.lease_expired': caseOnly,
  'case.appeal_window_closed': caseOnly,
  'appeal.submitted': caseOnly,
  'appeal.resubmitted': caseOnly,
  'appeal.evidence_requested': caseOnly,
  'appeal.expired': caseOnly,
};

export const RECONCILED_ACTIONS = Object.keys(ACTION_CHANGES);

/** The expected rows, built by folding events in sequence order (`apply` them one by one). */
export class ExpectedState {
  readonly rows: Record<ReconciledTable, Map<string, FieldValues>> = {
    decisions: new Map(),
    violations: new Map(),
    users: new Map(),
    cases: new Map(),
  };
  /** Rows the trail created without saying their state (see `untracked`): left out of the comparison. */
  readonly untracked: Record<ReconciledTable, Set<string>> = {
    decisions: new Set(),
    violations: new Set(),
    users: new Set(),
    cases: new Set(),
  };

  apply(event: AuditFact): void {
    const reducer = ACTION_CHANGES[event.action];
    if (!reducer) return;
    for (const change of reducer(event)) {
      if (change.untracked) {
        this.untracked[change.table].add(change.id);
        continue;
      }
      const rows = this.rows[change.table];
      const current = rows.get(change.id);
      if (!current && change.existingOnly) continue;
      rows.set(change.id, { ...current, ...change.set });
    }
  }
}

export interface Mismatch {
  table: ReconciledTable;
  id: string;
  /** A field name, or `(row)` for a row the trail never created or one it created that is gone. */
  field: string;
  expected: string | null;
  actual: string | null;
}

/** Compares one table row with what the trail says; `expected` undefined: no event created it. */
export function compareRow(
  table: ReconciledTable,
  id: string,
  expected: FieldValues | undefined,
  actual: FieldValues,
): Mismatch[] {
  if (!expected) return [{ table, id, field: '(row)', expected: 'absent', actual: 'present' }];
  return RECONCILED_FIELDS[table]
    .filter((field) => field in expected && (expected[field] ?? null) !== (actual[field] ?? null))
    .map((field) => ({ table, id, field, expected: expected[field] ?? null, actual: actual[field] ?? null }));
}
