import { z } from 'zod';
import { ALERT_LEVELS, ALERT_STATUSES, ALERT_TYPES } from '../alerts/enums';
import { CASE_STATUSES, SUBJECT_KINDS } from '../cases/enums';
import { DECISION_STATUSES } from '../decisions/decisionStates';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { OUTBOX_EVENT_TYPES } from './outbox';

/** The lists of the subject page, each paged newest first by its rows' ids. */
export const SUBJECT_RECORD_LISTS = ['cases', 'decisions', 'appeals', 'notices', 'alerts', 'messages'] as const;
export type SubjectRecordList = (typeof SUBJECT_RECORD_LISTS)[number];

/** Rows per page of each list: the page opens with this many and a "more" button. */
export const SUBJECT_PAGE_SIZE = 10;

export const subjectId = z.string().trim().min(1).max(64);

export const subjectGetInput = z.object({
  id: subjectId,
  /** Platform year of the chart; the current one when absent. */
  year: z.number().int().min(2000).max(2100).optional(),
});

export const subjectRecordsInput = z.object({
  id: subjectId,
  list: z.enum(SUBJECT_RECORD_LISTS),
  /** Rows with an id below this one (the previous page's `nextCursor`). */
  cursor: z.number().int().positive().optional(),
});

/** Points per ledger of the subject's platform, in its rulebook's order (Taobao: general, serious, counterfeit). */
const ledgerPoints = z.record(z.string(), z.number());

export const subjectCaseItem = z.object({
  id: z.number(),
  rule: z.string(),
  status: z.enum(CASE_STATUSES),
  summary: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export const subjectDecisionItem = z.object({
  id: z.number(),
  caseId: z.number(),
  kind: z.string(),
  status: z.enum(DECISION_STATUSES),
  rule: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
});
export const subjectAppealItem = z.object({
  id: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  rule: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export const subjectNoticeItem = z.object({
  id: z.number(),
  caseId: z.number(),
  decisionId: z.number(),
  /** `decision` for a statement of reasons, `appeal_outcome` for the answer to an appeal, `qa_outcome` for a reversal after QA. */
  kind: z.enum(['decision', 'appeal_outcome', 'qa_outcome']),
  appealUntil: z.string().nullable(),
  createdAt: z.string(),
});
export const subjectAlertItem = z.object({
  id: z.number(),
  accountId: z.string(),
  nickname: z.string(),
  level: z.enum(ALERT_LEVELS),
  type: z.enum(ALERT_TYPES),
  status: z.enum(ALERT_STATUSES),
  detectedAt: z.string(),
});
export const subjectMessageItem = z.object({
  /** The message's sequence. */
  id: z.number(),
  type: z.enum(OUTBOX_EVENT_TYPES),
  caseId: z.number().nullable(),
  createdAt: z.string(),
});

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.number().nullable() });

export const subjectRecordsOutput = z.discriminatedUnion('list', [
  z.object({ list: z.literal('cases'), ...page(subjectCaseItem).shape }),
  z.object({ list: z.literal('decisions'), ...page(subjectDecisionItem).shape }),
  z.object({ list: z.literal('appeals'), ...page(subjectAppealItem).shape }),
  z.object({ list: z.literal('notices'), ...page(subjectNoticeItem).shape }),
  z.object({ list: z.literal('alerts'), ...page(subjectAlertItem).shape }),
  z.object({ list: z.literal('messages'), ...page(subjectMessageItem).shape }),
]);
export type SubjectRecords = z.infer<typeof subjectRecordsOutput>;

/** How two subjects are tied: the same number or address on file, in an alert, or in evidence. */
export const RELATION_KINDS = ['phone', 'address', 'alert_phone', 'evidence_sms'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const relatedSubject = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** Null for a subject only an alert names (no case about it yet). */
  kind: z.enum(SUBJECT_KINDS).nullable(),
  via: z.enum(RELATION_KINDS),
  /** What they share, masked like the rest of the page's personal data. */
  clue: z.string(),
});
export type RelatedSubject = z.infer<typeof relatedSubject>;

const punishment = z.object({
  ledger: z.string(),
  node: z.number(),
  measures: z.array(z.string()),
  from: z.string(),
  until: z.string().nullable(),
  trigger: z.enum(['node', 'strikes', 'finding']),
  finding: z.string(),
  active: z.boolean(),
});

export const subjectOverview = z.object({
  subject: z.object({
    id: z.string(),
    kind: z.enum(SUBJECT_KINDS),
    name: z.string().nullable(),
    /** The platform the subject trades on; null only for a value this release does not know. */
    platform: z.enum(PLATFORM_IDS).nullable(),
    shopLevel: z.string().nullable(),
    registeredAt: z.string().nullable(),
    createdAt: z.string(),
    /** Masked (138****5678); `subjects.revealPii` shows the value, audited. */
    phoneMasked: z.string().nullable(),
    addressMasked: z.string().nullable(),
  }),
  standing: z.object({
    asOf: z.string(),
    year: z.number(),
    sealed: z.boolean(),
    points: ledgerPoints,
    /** The chart: the engine's standing at each finding's date through `series.year`. */
    series: z.object({
      year: z.number(),
      years: z.array(z.number()),
      points: z.array(
        z.object({
          at: z.string(),
          kind: z.enum(['year-start', 'finding', 'end']),
          finding: z.string().nullable(),
          points: ledgerPoints,
        }),
      ),
      nodes: z.array(
        z.object({
          at: z.string(),
          finding: z.string(),
          ledger: z.string(),
          nodes: z.array(z.number()),
          outcome: z.enum(['executed', 'absorbed']),
        }),
      ),
      punishments: z.array(punishment),
    }),
    /** Case of each finding in the series, so the timeline links to it. */
    findingCases: z.record(z.string(), z.number()),
  }),
  cases: page(subjectCaseItem),
  decisions: page(subjectDecisionItem),
  appeals: page(subjectAppealItem),
  notices: page(subjectNoticeItem),
  alerts: page(subjectAlertItem),
  messages: page(subjectMessageItem),
  related: z.array(relatedSubject),
});
export type SubjectOverview = z.infer<typeof subjectOverview>;
