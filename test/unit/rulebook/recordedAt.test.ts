/**
 * The effective time of a finding: a violation goes on record when its decision takes effect
 * (`recordedAt`). Punishments, demotions and the ledger year count from there; the rule version
 * still follows the violation time. Without `recordedAt` nothing changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStandingInput, previewFinding, StandingInputError, standing } from '../../../shared/rulebook';
import { fake, finding, run, v } from './helpers';

const fixtures = join(import.meta.dirname, '../../fixtures/standing');
const FIXTURES = [
  'counterfeit-three-strikes.json',
  'design-example.json',
  'fake-transaction-tiers.json',
  'reviewer-rules.json',
  'rule-change-2016.json',
  'year-end-carry-over.json',
];

describe('recordedAt', () => {
  it.each(FIXTURES)('leaves %s exactly as the engine gave it before recordedAt existed', (name) => {
    const input = parseStandingInput(JSON.parse(readFileSync(join(fixtures, name), 'utf8')));
    // The Taobao output of the engine before platforms (test/fixtures/standing/golden), plus `platform`.
    const before = {
      ...JSON.parse(readFileSync(join(fixtures, 'golden', name.replace(/\.json$/, '.out')), 'utf8')),
      platform: 'taobao',
    };
    expect(JSON.parse(JSON.stringify(standing(input, input.asOf)))).toEqual(before);
    // Recorded the moment it was committed is the same history: only the extra field appears.
    const recordedAtOnce = standing(
      { ...input, violations: input.violations.map((x) => ({ ...x, recordedAt: x.at })) },
      input.asOf,
    );
    const withoutField = recordedAtOnce.findings.map(({ recordedAt: _, ...f }) => f);
    expect(JSON.parse(JSON.stringify({ ...recordedAtOnce, findings: withoutField }))).toEqual(before);
  });

  it('runs a node punishment from the day the finding is recorded, not from the old violation', () => {
    // 12 general points for conduct on 5 December, decided on 31 December.
    const late = { ...fake('a', '2024-12-05', 120), recordedAt: '2024-12-31T10:00:00+08:00' };
    const s = run([late], '2025-01-03');
    expect(s.punishments).toEqual([
      expect.objectContaining({
        node: 12,
        from: '2024-12-31T10:00:00+08:00',
        until: '2025-01-07T10:00:00+08:00',
        active: true,
      }),
    ]);
    expect(finding(s, 'a')).toMatchObject({ at: '2024-12-05T10:00:00+08:00', recordedAt: '2024-12-31T10:00:00+08:00' });
    // The same finding counted from the violation would have been over before anyone decided.
    expect(run([fake('a', '2024-12-05', 120)], '2025-01-03').punishments[0]).toMatchObject({
      until: '2024-12-12T10:00:00+08:00',
      active: false,
    });
  });

  it('charges the year of recording, and demotes from the recording day', () => {
    const late = {
      ...fake('a', '2024-12-20', 120, { items: ['item-1'] }),
      recordedAt: '2025-01-03T10:00:00+08:00',
    };
    const s = run([late], '2025-01-05');
    expect(s.points.general).toBe(12);
    expect(finding(s, 'a').year).toBe(2025);
    expect(s.demotions).toEqual([expect.objectContaining({ item: 'item-1', from: '2025-01-03', active: true })]);
    // Decided in January, it is not a finding of 2024: as of New Year's Eve it was not on record.
    expect(run([late], '2024-12-31').excluded).toEqual([{ id: 'a', reason: 'after-as-of' }]);
  });

  it('still picks the rule version in force when the violation was committed (2016-08-02)', () => {
    const s = run(
      [
        {
          ...v('r', 'improper-registration', '2016-07-20', { accounts: 300 }),
          recordedAt: '2016-08-10T10:00:00+08:00',
        },
      ],
      '2016-08-20',
    );
    expect(finding(s, 'r')).toMatchObject({ ruleVersion: '1970-01-01', ledger: 'general', points: 12 });
    expect(s.punishments[0]?.from).toBe('2016-08-10T10:00:00+08:00');
  });

  it('previews a backdated proposal with its punishment from the decision', () => {
    const p = previewFinding({ violations: [] }, '2024-12-04T12:00:00+08:00', {
      rule: 'fake-transaction',
      at: '2024-11-12T10:00:00+08:00',
      recordedAt: '2024-12-04T12:00:00+08:00',
      facts: { transactions: 120, items: [] },
    });
    expect(p.punishments).toEqual([
      expect.objectContaining({ from: '2024-12-04T12:00:00+08:00', until: '2024-12-11T12:00:00+08:00' }),
    ]);
  });

  it('refuses a record before the violation, naming the field', () => {
    const raw = {
      asOf: '2024-03-01T00:00:00+08:00',
      violations: [{ ...fake('a', '2024-02-10', 12), recordedAt: '2024-02-01T00:00:00+08:00' }],
    };
    expect(() => parseStandingInput(raw)).toThrow(StandingInputError);
    expect(() => parseStandingInput(raw)).toThrow(/violations\.0\.recordedAt|violations\[0\]\.recordedAt/);
  });
});
