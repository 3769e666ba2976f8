import { describe, expect, it } from 'vitest';
import { diffEventData, flatten, formatValue } from '../../../client/features/audit/eventDiff';
import { platformInputToIso } from '../../../client/features/audit/platformInput';

describe('the audit event diff', () => {
  it('lists changed, added and removed fields first, by path, then the unchanged ones', () => {
    const rows = diffEventData({
      before: { status: 'assigned', assignee: { id: 3, name: '李明' }, priority: 40, lease: '2026-01-01' },
      after: { status: 'decided', assignee: { id: 3, name: '王芳' }, priority: 40, measures: ['item-deleted'] },
    });
    expect(rows).toEqual([
      { path: 'assignee.name', before: '李明', after: '王芳', kind: 'changed' },
      { path: 'lease', before: '2026-01-01', after: undefined, kind: 'removed' },
      { path: 'measures', before: undefined, after: ['item-deleted'], kind: 'added' },
      { path: 'status', before: 'assigned', after: 'decided', kind: 'changed' },
      { path: 'assignee.id', before: 3, after: 3, kind: 'same' },
      { path: 'priority', before: 40, after: 40, kind: 'same' },
    ]);
  });

  it('handles an event with only an after (a creation) or only a before (a deletion)', () => {
    expect(diffEventData({ after: { name: 'x' } })).toEqual([
      { path: 'name', before: undefined, after: 'x', kind: 'added' },
    ]);
    expect(diffEventData({ before: { name: 'x' }, after: null })).toEqual([
      { path: 'name', before: 'x', after: undefined, kind: 'removed' },
    ]);
  });

  it('has no diff for data without before/after, such as a decision payload', () => {
    expect(diffEventData({ caseId: 1, decision: 'apply' })).toBeNull();
    expect(diffEventData(null)).toBeNull();
    expect(diffEventData('raw text')).toBeNull();
  });

  it('flattens nested objects but keeps arrays and empty objects whole', () => {
    expect([...flatten({ a: { b: { c: 1 } }, list: [1, 2], empty: {} })]).toEqual([
      ['a.b.c', 1],
      ['list', [1, 2]],
      ['empty', {}],
    ]);
  });

  it('formats values on one line', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('文字')).toBe('文字');
    expect(formatValue(null)).toBe('null');
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe('platform-time inputs', () => {
  it('reads a datetime-local value as UTC+8', () => {
    expect(platformInputToIso('2026-11-23T08:30')).toBe('2026-11-23T00:30:00.000Z');
    expect(platformInputToIso('2027-01-01T00:00')).toBe('2026-12-31T16:00:00.000Z');
    expect(platformInputToIso('')).toBeUndefined();
    expect(platformInputToIso('yesterday')).toBeUndefined();
  });
});
