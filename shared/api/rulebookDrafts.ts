/**
 * Rulebook authoring (`rulebook.drafts.*`, `rulebook.versions`): an admin copies a platform's
 * published rulebook into a draft, edits it, asks for it to be published from a date, and a
 * second admin approves it into a new published version. The rulebook inside a draft is the
 * engine's own format (`Rulebook`, shared/rulebook/types.ts), checked by `parseRulebook`
 * (shared/rulebook/rulebookSchema.ts) on every write; docs/RULEBOOK.md, "Authoring and publishing".
 */
import { z } from 'zod';
import { PLATFORM_IDS } from '../rulebook/platforms';
import type { Rulebook } from '../rulebook/types';

export const RULEBOOK_DRAFT_STATUSES = ['draft', 'pending_approval', 'published', 'discarded'] as const;
export type RulebookDraftStatus = (typeof RULEBOOK_DRAFT_STATUSES)[number];

const draftId = z.number().int().positive();
/** A platform-local date (the rulebook's `utcOffsetMinutes`): the version is in force from its start. */
export const effectiveDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'expected a date YYYY-MM-DD',
});

const person = z.object({ id: z.number(), username: z.string(), name: z.string() });

/** One problem in a draft, at its field (`rules[2].versions[1].cases[0].points`). */
export const rulebookIssue = z.object({ path: z.string(), message: z.string() });
export type RulebookIssueView = z.infer<typeof rulebookIssue>;

/** One changed field, its path relative to what changed (a rule, or the rulebook); absent = not there. */
export const fieldChange = z.object({
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** The draft against the rulebook it will replace, rule by rule (shared/rulebook/diff.ts). */
export const rulebookDiff = z.object({
  added: z.array(z.object({ ruleId: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })),
  removed: z.array(z.object({ ruleId: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })),
  changed: z.array(
    z.object({
      ruleId: z.string(),
      name: z.object({ zh: z.string(), en: z.string() }),
      fields: z.array(fieldChange),
    }),
  ),
  /** Changes outside the rules: ledgers and their nodes, year end, measures, appeals, four-eyes, settings. */
  other: z.array(fieldChange),
});
export type RulebookDiffView = z.infer<typeof rulebookDiff>;

export const rulebookDraftSummary = z.object({
  id: z.number(),
  platform: z.enum(PLATFORM_IDS),
  /** The published version it was copied from. */
  basedOnVersion: z.number(),
  status: z.enum(RULEBOOK_DRAFT_STATUSES),
  /** Grows by one with each edit: `update` sends the one it read. */
  version: z.number(),
  createdBy: person,
  /** Who asked for it to be published (`publish`); someone else must approve. */
  publishRequestedBy: person.nullable(),
  /** Set by `publish`: the platform-local date the new version comes into force. */
  effectiveFrom: effectiveDate.nullable(),
  /** The version number it became, once approved. */
  publishedVersion: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RulebookDraftSummary = z.infer<typeof rulebookDraftSummary>;

/** `rulebook.drafts.create {platform, from?}`: `from` is a published version number, default the current one. */
export const draftsCreateInput = z.object({
  platform: z.enum(PLATFORM_IDS),
  from: z.number().int().positive().optional(),
});
export const draftsCreateOutput = rulebookDraftSummary;

/** `rulebook.drafts.list`: newest first; discarded and published drafts only when asked for. */
export const draftsListInput = z
  .object({ platform: z.enum(PLATFORM_IDS).optional(), status: z.enum(RULEBOOK_DRAFT_STATUSES).optional() })
  .optional();
export const draftsListOutput = z.array(rulebookDraftSummary);

/** `rulebook.drafts.get {id}`: the draft, its problems (none once saved) and its diff against the current version. */
export const draftsGetInput = z.object({ id: draftId });
export const draftsGetOutput = z.object({
  draft: rulebookDraftSummary,
  /** The engine's format (shared/rulebook/types.ts), valid by the single check when it was saved. */
  rulebook: z.custom<Rulebook>((value) => typeof value === 'object' && value !== null),
  issues: z.array(rulebookIssue),
  diff: rulebookDiff,
  /** The published version in force now, which the diff compares against. */
  current: z.object({ version: z.number(), effectiveFrom: effectiveDate }),
});
export type DraftsGetOutput = z.infer<typeof draftsGetOutput>;

/**
 * `rulebook.drafts.update {id, version?, rulebook}`: the whole rulebook, replacing the draft's.
 * Invalid → BAD_REQUEST `invalid_rulebook` with `data.field` the first problem's path and
 * `data.details.issues` all of them; a stale `version` → CONFLICT `rulebook_draft_changed`.
 * The rulebook is `unknown` here because the single check (parseRulebook) words the refusal.
 */
export const draftsUpdateInput = z.object({
  id: draftId,
  version: z.number().int().positive().optional(),
  rulebook: z.unknown(),
});
export const draftsUpdateOutput = rulebookDraftSummary;

/** `rulebook.drafts.check {id, rulebook}`: live validation and diff of unsaved edits; writes nothing. */
export const draftsCheckInput = z.object({ id: draftId, rulebook: z.unknown() });
export const draftsCheckOutput = z.object({ issues: z.array(rulebookIssue), diff: rulebookDiff.nullable() });

/** `rulebook.drafts.discard {id}`: a draft or a pending one; never a published one. */
export const draftsDiscardInput = z.object({ id: draftId });
export const draftsDiscardOutput = rulebookDraftSummary;

/** `rulebook.drafts.publish {id, effectiveFrom}`: asks for approval; the date is today or later (platform time). */
export const draftsPublishInput = z.object({ id: draftId, effectiveFrom: effectiveDate });
export const draftsPublishOutput = rulebookDraftSummary;

/** `rulebook.drafts.approve {id}`: by an admin other than the requester; the draft becomes a published version. */
export const draftsApproveInput = z.object({ id: draftId });
export const draftsApproveOutput = z.object({
  draft: rulebookDraftSummary,
  platform: z.enum(PLATFORM_IDS),
  version: z.number(),
  effectiveFrom: effectiveDate,
});

/** `rulebook.versions {platform}`: the published versions, newest first, and which is in force now. */
export const rulebookVersionsInput = z.object({ platform: z.enum(PLATFORM_IDS) });
export const rulebookVersionSummary = z.object({
  platform: z.enum(PLATFORM_IDS),
  version: z.number(),
  effectiveFrom: effectiveDate,
  /** null for the versions the migration imported from the built-in rulebooks. */
  publishedBy: person.nullable(),
  approvedBy: person.nullable(),
  createdAt: z.string(),
  inForce: z.boolean(),
});
export const rulebookVersionsOutput = z.array(rulebookVersionSummary);
export type RulebookVersionSummary = z.infer<typeof rulebookVersionSummary>;
