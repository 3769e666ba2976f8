/** Each decision kind previews its own effect; an old violation is called out. */
import { describe, expect, it } from 'vitest';
import { findingTiming, noPenaltyPreview, previewOfKind } from '../../../shared/decisions/previewOfKind';
import { defaultRulebook, previewFinding } from '../../../shared/rulebook';

const asOf = '2024-12-04T12:00:00+08:00';
// 20 accounts registered by software: 48 serious points, the account sealed.
const judged = previewFinding({ violations: [] }, asOf, {
  rule: 'improper-registration',
  at: '2024-11-12T10:00:00+08:00',
  recordedAt: asOf,
  facts: { accounts: 20 },
});

describe('previewOfKind', () => {
  it('shows what applying imposes', () => {
    const p = previewOfKind('apply', judged, null, defaultRulebook);
    expect(p).toMatchObject({ kind: 'apply', points: 48, seals: true, waived: null });
    expect(p.pointsAfter.serious).toBe(48);
    expect(p.approvalReasons).toEqual(['serious-points', 'seals']);
  });

  it('shows a waiver imposing nothing, with what it forgives apart', () => {
    const p = previewOfKind('waive', judged, null, defaultRulebook);
    expect(p).toMatchObject({ kind: 'waive', points: 0, seals: false, crossedNodes: [], measures: [] });
    expect(p.punishments).toEqual([]);
    expect(p.pointsAfter).toEqual(p.pointsBefore);
    expect(p.waived).toMatchObject({ points: 48, ledger: 'serious', seals: true });
    expect(p.approvalReasons).toEqual(['waive-serious']);
  });

  it('shows dismiss and escalate imposing nothing', () => {
    for (const kind of ['dismiss', 'escalate'] as const) {
      const p = noPenaltyPreview(kind, { general: 12, serious: 0, counterfeit: 0 });
      expect(p).toMatchObject({ kind, points: 0, seals: false, punishments: [], waived: null });
      expect(p.pointsAfter).toEqual(p.pointsBefore);
    }
  });
});

describe('findingTiming', () => {
  it('calls a violation old from a week, or from an earlier platform year', () => {
    expect(findingTiming('2024-11-12T10:00:00+08:00', asOf, defaultRulebook)).toMatchObject({
      daysLate: 22,
      old: true,
    });
    expect(findingTiming('2024-11-30T10:00:00+08:00', asOf, defaultRulebook)).toMatchObject({
      daysLate: 4,
      old: false,
    });
    expect(findingTiming('2024-12-31T22:00:00+08:00', '2025-01-01T09:00:00+08:00', defaultRulebook)).toMatchObject({
      daysLate: 0,
      earlierYear: true,
      old: true,
    });
  });
});
