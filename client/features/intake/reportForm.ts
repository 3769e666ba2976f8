import type { z } from 'zod';
import { type EVIDENCE_KINDS, type ReportSubmitInput, RULE_IDS, reportSubmitInput } from '../../../shared/api/intake';
import type { ReportSource, SubjectKind } from '../../../shared/cases/enums';
import { DEFAULT_PLATFORM, type PlatformId, ruleIdsOf } from '../../../shared/rulebook/platforms';

/** One evidence entry typed into the form (files are uploaded separately, after the case exists). */
export interface EvidenceDraft {
  kind: (typeof EVIDENCE_KINDS)[number];
  title: string;
  text: string;
  url: string;
}

/** What the intake form holds: strings as typed, turned into a `reports.submit` input on send. */
export interface ReportForm {
  source: ReportSource;
  subjectId: string;
  subjectKind: SubjectKind;
  subjectName: string;
  /** The platform the subject trades on: it decides which rules the report may name. */
  platform: PlatformId;
  rule: (typeof RULE_IDS)[number];
  summary: string;
  reporterId: string;
  evidence: EvidenceDraft[];
}

export const emptyReportForm = (): ReportForm => ({
  // Staff filing by hand are most often relaying a complaint that came in another way.
  source: 'user_report',
  subjectId: '',
  subjectKind: 'merchant',
  subjectName: '',
  platform: DEFAULT_PLATFORM,
  rule: RULE_IDS[0],
  summary: '',
  reporterId: '',
  evidence: [],
});

export const emptyEvidence = (): EvidenceDraft => ({ kind: 'text', title: '', text: '', url: '' });

/** A fresh idempotency key per report: a resubmit of the same form (double press, retry) files it once. */
export const newExternalId = () => `desk-${crypto.randomUUID()}`;

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The `reports.submit` input for this form; blank optional fields are left out. */
export function toReportInput(form: ReportForm, externalId: string): ReportSubmitInput {
  return {
    externalId,
    source: form.source,
    subject: {
      id: form.subjectId.trim(),
      kind: form.subjectKind,
      name: optional(form.subjectName),
      platform: form.platform,
    },
    rule: form.rule,
    summary: form.summary.trim(),
    reporterId: optional(form.reporterId),
    evidence: form.evidence.length
      ? form.evidence.map((e) => ({
          kind: e.kind,
          title: e.title.trim(),
          text: optional(e.text),
          url: optional(e.url),
        }))
      : undefined,
  };
}

/** Why a field is refused, as a message key of `intake.problems`. */
export type FieldProblem = 'required' | 'tooLong' | 'invalid';

/**
 * The problems of the form by field path (`subject.id`, `evidence.0.url`), checked with the very
 * schema the server checks with, so the form refuses exactly what `reports.submit` would.
 */
export function formProblems(form: ReportForm): Record<string, FieldProblem> {
  const parsed = reportSubmitInput.safeParse(toReportInput(form, 'desk-check'));
  if (parsed.success) return {};
  const problems: Record<string, FieldProblem> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    problems[path] ??= problemOf(issue);
  }
  return problems;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'too_big') return 'tooLong';
  return 'invalid';
}

/** The rules a report about a subject of `platform` may name, in the intake contract's order. */
export const rulesOf = (platform: PlatformId): ReportForm['rule'][] =>
  RULE_IDS.filter((r) => ruleIdsOf(platform).includes(r));

/** Another platform: keep the rule if that platform has it, else its first rule. */
export function withPlatform(form: ReportForm, platform: PlatformId): ReportForm {
  const rules = rulesOf(platform);
  return { ...form, platform, rule: rules.includes(form.rule) ? form.rule : (rules[0] ?? form.rule) };
}
