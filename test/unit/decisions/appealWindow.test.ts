/** Appeal windows and four-eyes are rulebook settings; the window outlasts an item's demotion. */
import { describe, expect, it } from 'vitest';
import { appealWindowDays, appealWindowEnd, noticeAppealUntil } from '../../../shared/decisions/appealWindow';
import { approvalReasons } from '../../../shared/decisions/fourEyes';
import { checkRulebook, defaultRulebook, previewFinding, xianyuRulebook } from '../../../shared/rulebook';

describe('appeal window', () => {
  it('reads the days from the rulebook: a rule of its own, else the default', () => {
    expect(appealWindowDays(defaultRulebook, 'fake-transaction')).toBe(3);
    expect(appealWindowDays(defaultRulebook, 'counterfeit')).toBe(7);
    expect(appealWindowDays(defaultRulebook, null)).toBe(7);
    // Not a rule of this rulebook's, even if it is a property name of every object.
    expect(appealWindowDays(defaultRulebook, 'constructor')).toBe(7);
    const stricter = { appeals: { defaultDays: 5, byRule: { counterfeit: 1 } } };
    expect(appealWindowDays(stricter, 'counterfeit')).toBe(1);
    expect(noticeAppealUntil(stricter, 'counterfeit', '2024-03-01T02:00:00.000Z')).toBe('2024-03-02T02:00:00.000Z');
  });

  it('stays open until the last platform day an item the finding demoted is demoted', () => {
    const demotion = { active: true, findings: ['v1'], until: '2024-03-30' };
    const args = { noticeUntil: '2024-03-04T02:00:00.000Z', violationId: 'v1' };
    const end = appealWindowEnd(defaultRulebook, { ...args, standing: { demotions: [{ ...demotion } as never] } });
    // 24:00 on 30 March, UTC+8.
    expect(end.toISOString()).toBe('2024-03-30T16:00:00.000Z');
    const utc = appealWindowEnd({ utcOffsetMinutes: 0 }, { ...args, standing: { demotions: [demotion as never] } });
    expect(utc.toISOString()).toBe('2024-03-31T00:00:00.000Z');
    const other = appealWindowEnd(defaultRulebook, {
      ...args,
      violationId: 'v2',
      standing: { demotions: [demotion as never] },
    });
    expect(other.toISOString()).toBe(args.noticeUntil);
  });
});

describe('four-eyes policy from the rulebook', () => {
  const judged = previewFinding({ violations: [] }, '2024-12-04T12:00:00+08:00', {
    rule: 'improper-registration',
    at: '2024-11-12T10:00:00+08:00',
    facts: { accounts: 20 },
  });

  it('asks what the policy names, and nothing a looser policy leaves out', () => {
    expect(approvalReasons('apply', judged, defaultRulebook.fourEyes)).toEqual(['serious-points', 'seals']);
    const loose = { seriousPoints: false, sealing: false, measures: [], waiveSerious: false };
    expect(approvalReasons('apply', judged, loose)).toEqual([]);
    expect(approvalReasons('waive', judged, loose)).toEqual([]);
  });

  it('checks the settings against the rulebook', () => {
    expect(checkRulebook(xianyuRulebook)).toEqual([]);
    const broken = {
      ...defaultRulebook,
      appeals: { defaultDays: 0, byRule: { 'no-such-rule': 3 } },
      fourEyes: { ...defaultRulebook.fourEyes, measures: ['no-such-measure'] },
    };
    expect(checkRulebook(broken)).toEqual([
      'appeals.defaultDays: not a positive number of days',
      'appeals.byRule.no-such-rule: unknown rule',
      'fourEyes: unknown measure "no-such-measure"',
    ]);
  });
});
