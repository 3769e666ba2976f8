/**
 * Instants at the API: the rules write the end of a day as "24:00" (《淘宝规则》第四十五条:
 * "違規扣分在每年的12月31日24時清零"), so every input instant accepts it as the next day's 00:00.
 */
import { describe, expect, it } from 'vitest';
import { alertSubmitInput } from '../../../shared/api/alerts';
import { auditListInput } from '../../../shared/api/audit';
import { decideInput, previewInput } from '../../../shared/api/decisions';
import { isoInstant } from '../../../shared/api/instant';

const MIDNIGHT = '2023-12-31T24:00:00+08:00';
const NEXT_DAY = '2024-01-01T00:00:00+08:00';

describe('isoInstant', () => {
  it('accepts "12月31日24時" as the first instant of the new year', () => {
    expect(isoInstant.parse(MIDNIGHT)).toBe(NEXT_DAY);
    expect(Date.parse(isoInstant.parse(MIDNIGHT))).toBe(Date.UTC(2023, 11, 31, 16));
  });

  it.each(['2023-12-31T24:00:01+08:00', '2023-12-31T24:30:00+08:00', '2023-12-31T24:00:00', 'not a time'])(
    'refuses %j',
    (text) => {
      expect(isoInstant.safeParse(text).success).toBe(false);
    },
  );

  it('keeps ordinary instants as they were written', () => {
    expect(isoInstant.parse('2024-01-01T10:00:00+08:00')).toBe('2024-01-01T10:00:00+08:00');
  });

  it('is what decisions, previews, alerts and the audit filter validate instants with', () => {
    const decide = decideInput.parse({ id: 1, version: 1, decision: 'apply', reason: 'x', violationAt: MIDNIGHT });
    expect(decide.violationAt).toBe(NEXT_DAY);
    expect(previewInput.parse({ caseId: 1, violationAt: MIDNIGHT }).violationAt).toBe(NEXT_DAY);
    expect(auditListInput.parse({ from: MIDNIGHT, to: MIDNIGHT })).toMatchObject({ from: NEXT_DAY, to: NEXT_DAY });
    const alert = alertSubmitInput.safeParse({ detectedAt: MIDNIGHT });
    expect(alert.success ? [] : alert.error.issues.map((i) => i.path.join('.'))).not.toContain('detectedAt');
    const bad = decideInput.safeParse({ id: 1, version: 1, decision: 'apply', reason: 'x', violationAt: 'T24' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toContain('violationAt');
  });
});
