import { describe, expect, it } from 'vitest';
import { bulkSelectable, selectedRows, sharedRule } from '../../../client/features/worklist/bulk/bulkSelection';

const reviewer = { id: 7, role: 'reviewer' as const };
const lead = { id: 9, role: 'lead' as const };
type Row = {
  id: number;
  status: 'triaged' | 'assigned' | 'pending_approval' | 'final';
  assigneeId: number | null;
  rule: string;
};
const rows: Row[] = [
  { id: 1, status: 'triaged', assigneeId: null, rule: 'fake-transaction' },
  { id: 2, status: 'assigned', assigneeId: 7, rule: 'fake-transaction' },
  { id: 3, status: 'assigned', assigneeId: 8, rule: 'fake-transaction' },
  { id: 4, status: 'pending_approval', assigneeId: 7, rule: 'counterfeit' },
  { id: 5, status: 'final', assigneeId: null, rule: 'counterfeit' },
];

describe('bulk decisions in the queue', () => {
  it('offers only open cases that are free or mine; a lead may also take others’', () => {
    expect(rows.filter((r) => bulkSelectable(r, reviewer)).map((r) => r.id)).toEqual([1, 2]);
    expect(rows.filter((r) => bulkSelectable(r, lead)).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('reads the grid’s include and exclude ("select all") models over the rows shown', () => {
    const ok = (r: Row) => bulkSelectable(r, reviewer);
    expect(selectedRows({ type: 'include', ids: new Set([2, 3]) }, rows, ok).map((r) => r.id)).toEqual([2]);
    expect(selectedRows({ type: 'exclude', ids: new Set([2]) }, rows, ok).map((r) => r.id)).toEqual([1]);
  });

  it('finds the rule the selection shares, if any', () => {
    expect(sharedRule(rows.slice(0, 3))).toBe('fake-transaction');
    expect(sharedRule(rows)).toBeNull();
    expect(sharedRule([])).toBeNull();
  });
});
