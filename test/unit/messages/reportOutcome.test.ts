import { describe, expect, it } from 'vitest';
import { appealReviewMs, restartClock, stopClock } from '../../../shared/appeals/appealClock';
import { MUTED_REPORTER_POINTS, triageScore } from '../../../shared/cases/triage';
import { reporterScore } from '../../../shared/messages/reporterScore';
import { reportOutcomeNotice } from '../../../shared/messages/reportOutcome';
import { templateText } from '../../../shared/messages/templates';

const base = {
  caseId: 42,
  reports: ['R-1', 'R-2'],
  ruleName: { zh: '虚假交易', en: 'Fake transactions' },
  decidedAt: '2026-03-02T02:00:00.000Z',
};

describe('a reporter’s outcome notice', () => {
  it('is written in the reporter’s language and names only their own reports, the case and the rule', () => {
    const zh = reportOutcomeNotice({ ...base, outcome: 'upheld', locale: 'zh-CN', complaintDays: 180 });
    expect(zh.text).toBe(
      '【举报处理结果】感谢您的举报（R-1、R-2，案件编号 42，举报类型：虚假交易）。经审核，被举报方存在违规行为，平台已依规处理。',
    );
    // Only a dismissal can be contested.
    expect(zh.complaint).toBeNull();
    const en = reportOutcomeNotice({ ...base, outcome: 'upheld', locale: 'en', complaintDays: undefined });
    expect(en.text).toContain('(R-1, R-2, case 42, about: Fake transactions)');
  });

  it('says how and until when a dismissal can be contested, only where the rulebook allows it', () => {
    const allowed = reportOutcomeNotice({ ...base, outcome: 'dismissed', locale: 'en', complaintDays: 180 });
    expect(allowed.complaint?.until).toBe('2026-08-29T02:00:00.000Z');
    expect(allowed.text).toContain('within 180 days');
    const none = reportOutcomeNotice({ ...base, outcome: 'dismissed', locale: 'zh-CN', complaintDays: undefined });
    expect(none.complaint).toBeNull();
    expect(none.text).not.toContain('申诉');
  });
});

describe('a reporter’s score', () => {
  it('is the credibility triage uses, with a flag for many unfounded reports', () => {
    expect(reporterScore({ upheld: 0, dismissed: 0 })).toEqual({ score: null, unfoundedRate: null, flagged: false });
    expect(reporterScore({ upheld: 3, dismissed: 1 })).toEqual({ score: 67, unfoundedRate: 0.25, flagged: false });
    // Four of five dismissed: flagged; four of four is not yet enough reports.
    expect(reporterScore({ upheld: 1, dismissed: 4 }).flagged).toBe(true);
    expect(reporterScore({ upheld: 0, dismissed: 4 }).flagged).toBe(false);
  });
});

describe('the appeal review clock', () => {
  const createdAt = '2026-03-02T00:00:00.000Z';
  const at = (hours: number) => new Date(Date.parse(createdAt) + hours * 3_600_000);

  it('stops for a request for evidence and runs again from the answer', () => {
    const stopped = {
      createdAt,
      pausedMs: 0,
      endedAt: null,
      pausedAt: stopClock({ pausedAt: null }, at(2).toISOString()).clock_paused_at,
    };
    expect(appealReviewMs(stopped, at(30))).toBe(2 * 3_600_000);
    const restarted = restartClock({ pausedAt: stopped.pausedAt, pausedMs: 0 }, at(26).toISOString());
    expect(restarted).toEqual({ clock_paused_at: null, clock_paused_ms: 24 * 3_600_000 });
    const running = { createdAt, pausedAt: null, pausedMs: restarted.clock_paused_ms, endedAt: null };
    expect(appealReviewMs(running, at(27))).toBe(3 * 3_600_000);
    // Ruled on: the clock stands at its end.
    expect(appealReviewMs({ ...running, endedAt: at(28).toISOString() }, at(100))).toBe(4 * 3_600_000);
    // A second request keeps the first stop's start.
    expect(stopClock({ pausedAt: at(5).toISOString() }, at(6).toISOString()).clock_paused_at).toBe(at(5).toISOString());
  });
});

describe('message templates', () => {
  it('fill their placeholders in either language', () => {
    expect(templateText('request-evidence', 'zh', { deadline: '2026-03-05 10:00' })).toContain(
      '请在 2026-03-05 10:00 前',
    );
    expect(templateText('request-evidence', 'en', {})).toContain('{{deadline}}');
  });
});

describe('a muted reporter in triage', () => {
  it('adds one factor that ranks the report lower, and nothing for anyone else', () => {
    const input = {
      rule: 'fake-transaction',
      source: 'user_report' as const,
      reporterCredibility: 0.5,
      priorViolations: 0,
      reportCount: 1,
    };
    const plain = triageScore(input);
    const muted = triageScore({ ...input, reporterMuted: true });
    expect(plain.factors.map((f) => f.factor)).not.toContain('reporterMuted');
    expect(muted.factors.find((f) => f.factor === 'reporterMuted')?.points).toBe(MUTED_REPORTER_POINTS);
    expect(muted.base).toBe(plain.base + MUTED_REPORTER_POINTS);
  });
});
