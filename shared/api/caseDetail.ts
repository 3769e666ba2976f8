import { z } from 'zod';
import { CASE_STATUSES, REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { CASE_EVENTS } from '../cases/stateMachine';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { decisionState } from './caseHistory';
import { SLA_STATES } from './caseList';
import { evidenceData } from './evidenceData';
import { noteView } from './notes';

export const triageFactor = z.object({
  factor: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  points: z.number(),
});

export const caseDetail = z.object({
  id: z.number(),
  status: z.enum(CASE_STATUSES),
  version: z.number(),
  rule: z.string(),
  source: z.enum(REPORT_SOURCES),
  summary: z.string(),
  queue: z.string().nullable(),
  assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Only while a reviewer holds the case (assigned): a closed case has no lease. */
  leaseUntil: z.string().nullable(),
  /** The case's current decision and its state, with who changed it and when; null before any. */
  decision: decisionState.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  subject: z.object({
    id: z.string(),
    kind: z.enum(SUBJECT_KINDS),
    /** The platform the subject trades on; its rulebook judges every finding about it. */
    platform: z.enum(PLATFORM_IDS),
    name: z.string().nullable(),
    shopLevel: z.string().nullable(),
    registeredAt: z.string().nullable(),
    /** Masked (138****5678); `subjects.revealPii` shows the value, audited. */
    phoneMasked: z.string().nullable(),
    addressMasked: z.string().nullable(),
  }),
  triage: z.object({ score: z.number(), factors: z.array(triageFactor) }),
  sla: z.object({
    dueAt: z.string().nullable(),
    state: z.enum(SLA_STATES),
    /** Open cases ahead of this one in its queue. */
    ahead: z.number().nullable(),
    forecastAt: z.string().nullable(),
  }),
  reports: z.array(
    z.object({
      id: z.number(),
      externalId: z.string(),
      source: z.enum(REPORT_SOURCES),
      summary: z.string(),
      reporterId: z.string().nullable(),
      /** The subject's name as this report gave it (intake never renames the subject). */
      subjectName: z.string().nullable(),
      reporterCredibility: z.number().nullable(),
      /** The reporter was muted when this report came in: it was ranked lower in triage. */
      reporterMutedAtIntake: z.boolean(),
      /** The reporter's score and mute now (docs/MESSAGES.md); null for a report without a reporter. */
      reporter: z
        .object({
          score: z.number().nullable(),
          unfoundedRate: z.number().nullable(),
          flagged: z.boolean(),
          upheld: z.number(),
          dismissed: z.number(),
          muted: z.boolean(),
        })
        .nullable(),
      facts: z.record(z.string(), z.unknown()).nullable(),
      createdAt: z.string(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.number(),
      reportId: z.number().nullable(),
      kind: z.string(),
      title: z.string(),
      text: z.string().nullable(),
      url: z.string().nullable(),
      createdAt: z.string(),
      /** Uploaded file: its SHA-256 (hex), detected type, size in bytes and the name it came with. */
      sha256: z.string().nullable(),
      contentType: z.string().nullable(),
      size: z.number().nullable(),
      fileName: z.string().nullable(),
      /** Where staff fetch the file (each fetch is audited); null without a file. */
      contentUrl: z.string().nullable(),
      /** Typed data of orders, chat, logistics and listing_snapshot evidence (shared/api/evidenceData.ts). */
      data: evidenceData.nullable(),
    }),
  ),
  links: z.array(
    z.object({ caseId: z.number(), rule: z.string(), status: z.enum(CASE_STATUSES), summary: z.string() }),
  ),
  /** What can happen to the case next (from the shared state machine). */
  allowedEvents: z.array(z.enum(CASE_EVENTS)),
  /** Staff's internal notes on the case, oldest first (never shown or sent to the subject). */
  notes: z.array(noteView),
});
export type CaseDetail = z.infer<typeof caseDetail>;
