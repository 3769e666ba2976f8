import { z } from 'zod';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { structuredDataIssues } from './evidenceData';

/**
 * Rule ids the desk knows (docs/CONTRACTS.md): every platform's own rules (`ruleIdsOf`, checked
 * by test/unit/api/ruleIds.test.ts), Taobao's first (a subject with no platform is Taobao's, so
 * the first rule of a form that does not ask for a platform is one it may be reported under).
 * Intake refuses anything else, and a rule of another platform than the subject's
 * (`rule_not_on_platform`). Listed here, not derived, because they are a contract: add, never
 * rename.
 */
export const RULE_IDS = [
  'member-rights-abuse',
  'improper-registration',
  'counterfeit',
  'unauthorized-product',
  'fake-transaction',
  'false-appeal-evidence',
  // 1688
  'improper-info-use',
  // Kuaishou
  'unfair-competition',
  // Xianyu
  'xianyu-general',
  'xianyu-serious',
  'xianyu-major',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const EVIDENCE_KINDS = ['image', 'orders', 'chat', 'logistics', 'listing_snapshot', 'document', 'text'] as const;

export const evidenceInput = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: text(200),
    text: z.string().max(20_000).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    /**
     * Typed data for orders, chat, logistics and listing_snapshot evidence, checked below against
     * the kind's own shape (shared/api/evidenceData.ts) so errors name the exact field.
     */
    data: z.looseObject({}).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.data === undefined) return;
    for (const issue of structuredDataIssues(e.kind, e.data))
      ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
  });

/** `reports.submit`: the contract in docs/CONTRACTS.md. */
export const reportSubmitInput = z.object({
  externalId: text(128),
  source: z.enum(REPORT_SOURCES),
  subject: z.object({
    id: text(64),
    kind: z.enum(SUBJECT_KINDS),
    name: text(200).optional(),
    /** Personal data: stored, shown masked, revealed per field with an audited reason. */
    phone: z
      .string()
      .trim()
      .regex(/^[+\d][\d\s-]{5,24}$/, 'a phone number')
      .optional(),
    address: text(300).optional(),
    /** The platform the subject trades on, `taobao` when not said; fixed at its first report. */
    platform: z.enum(PLATFORM_IDS).optional(),
  }),
  rule: z.enum(RULE_IDS),
  summary: text(2000),
  facts: z.record(z.string().max(64), z.unknown()).optional(),
  evidence: z.array(evidenceInput).max(50).optional(),
  reporterId: text(128).optional(),
  /** The language the reporter reads (their outcome notice is written in it); default zh-CN. */
  reporterLocale: z.enum(['zh-CN', 'en']).optional(),
});
export type ReportSubmitInput = z.infer<typeof reportSubmitInput>;

export const reportSubmitOutput = z.object({
  reportId: z.number(),
  caseId: z.number(),
  /** True when the report joined a case that was already open on the same subject and rule. */
  merged: z.boolean(),
});
export type ReportSubmitOutput = z.infer<typeof reportSubmitOutput>;
