import type { ReporterLocale } from '../api/messages';
import type { LocalizedText } from '../rulebook/types';

/** What a reporter learns of their report: action was taken, or no violation was found. */
export const REPORT_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

const DAY_MS = 86_400_000;

export interface ReportOutcomeNoticeInput {
  outcome: ReportOutcome;
  locale: ReporterLocale;
  caseId: number;
  /** The reporter's own references of the reports (their `externalId`s), so they recognise them. */
  reports: readonly string[];
  /** The rule's name: what the report was about, never who. */
  ruleName: LocalizedText;
  /** When the case closed (ISO). */
  decidedAt: string;
  /** Days a reporter may contest a dismissal under the subject's rulebook; undefined: not allowed. */
  complaintDays: number | undefined;
}

export interface ReportOutcomeNotice {
  outcome: ReportOutcome;
  locale: ReporterLocale;
  text: string;
  /** For a dismissal the rulebook lets reporters contest: until when, and how. */
  complaint: { until: string; how: string } | null;
}

/**
 * The notice one reporter gets when their report's case closes (docs/MESSAGES.md). Built only
 * from what the reporter already knows or may know: their own report references, the case
 * number, the rule and the outcome. Never the subject's name, contact data, evidence or the
 * staff's reasons (which may quote them): the inputs carry none of these, so no text can leak them.
 */
export function reportOutcomeNotice(input: ReportOutcomeNoticeInput): ReportOutcomeNotice {
  const zh = input.locale === 'zh-CN';
  const refs = input.reports.join(zh ? '、' : ', ');
  const rule = zh ? input.ruleName.zh : input.ruleName.en;
  const complaint =
    input.outcome === 'dismissed' && input.complaintDays !== undefined
      ? {
          until: new Date(Date.parse(input.decidedAt) + input.complaintDays * DAY_MS).toISOString(),
          how: zh
            ? `如您不认可该结果，可在 ${input.complaintDays} 天内通过平台举报中心对本结果提出申诉，并附上新的凭证。`
            : `If you disagree, you may contest this outcome within ${input.complaintDays} days through the platform's report centre, with new evidence.`,
        }
      : null;
  const outcomeText = zh
    ? input.outcome === 'upheld'
      ? '经审核，被举报方存在违规行为，平台已依规处理。'
      : '经审核，暂未发现被举报方存在违规行为，本次举报不成立。'
    : input.outcome === 'upheld'
      ? 'After review, a violation was found and the platform acted under its rules.'
      : 'After review, no violation was found; the report is not upheld.';
  const text = zh
    ? `【举报处理结果】感谢您的举报（${refs}，案件编号 ${input.caseId}，举报类型：${rule}）。${outcomeText}${complaint ? complaint.how : ''}`
    : `[Report outcome] Thank you for your report (${refs}, case ${input.caseId}, about: ${rule}). ${outcomeText}${complaint ? ` ${complaint.how}` : ''}`;
  return { outcome: input.outcome, locale: input.locale, text, complaint };
}
