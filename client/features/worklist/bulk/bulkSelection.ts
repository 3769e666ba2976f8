import type { GridRowSelectionModel } from '@mui/x-data-grid';
import type { CaseListItem } from '../../../../shared/api/caseList';
import { can, type Role } from '../../../../shared/auth/roles';

/** States a decision can still be made in (a pending or closed case cannot be decided again). */
const DECIDABLE = new Set<CaseListItem['status']>(['new', 'triaged', 'assigned']);

/**
 * Whether a queue row may be part of a bulk decision by this user: still open for a decision,
 * and not held by someone else (the server refuses that unless a lead decides).
 */
export function bulkSelectable(
  row: Pick<CaseListItem, 'status' | 'assigneeId'>,
  user: { id: number; role: Role },
): boolean {
  if (!DECIDABLE.has(row.status)) return false;
  return row.assigneeId === null || row.assigneeId === user.id || can(user.role, 'queues.manage');
}

/** The selected rows of the page: the grid's "select all" is an exclude-list over what is shown. */
export function selectedRows<R extends { id: number }>(
  model: GridRowSelectionModel,
  rows: readonly R[],
  selectable: (row: R) => boolean,
): R[] {
  const picked =
    model.type === 'include' ? rows.filter((r) => model.ids.has(r.id)) : rows.filter((r) => !model.ids.has(r.id));
  return picked.filter(selectable);
}

/** The rule every selected case shares, so one set of facts can apply to all; null when they differ. */
export function sharedRule(rows: readonly Pick<CaseListItem, 'rule'>[]): string | null {
  const rules = new Set(rows.map((r) => r.rule));
  return rules.size === 1 ? ([...rules][0] ?? null) : null;
}

export const NO_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };
