import type {
  DraftsGetOutput,
  RulebookDraftSummary,
  RulebookIssueView,
  RulebookVersionSummary,
} from '../../shared/api/rulebookDrafts';
import { AUDITED_FIELDS_MAX } from '../../shared/audit/events/rulebook';
import { DeskError, notFound } from '../../shared/errors/deskError';
import { type PlatformId, platformOfRule, type Rulebook } from '../../shared/rulebook';
import { diffRulebooks, diffSummary, fieldChanges } from '../../shared/rulebook/diff';
import { formatRulebookIssue, parseRulebook } from '../../shared/rulebook/rulebookSchema';
import { supersedeIssues } from '../../shared/rulebook/supersede';
import { localDate } from '../../shared/rulebook/time';
import { recordEvent } from '../audit/recordEvent';
import type { Executor } from '../db/database';
import { type DraftFilter, rulebookDraftsRepo, rulebookVersionsRepo } from '../db/repositories/rulebooks.repo';
import { retryOnRace } from '../db/retryOnRace';
import type { RulebookDraftRow } from '../db/tables/rulebooks.table';
import { announceRulebookPublished } from '../outbox/announceRulebook';
import { actingUserId, type ServiceContext } from './serviceContext';

/**
 * Rulebook authoring (docs/RULEBOOK.md, "Authoring and publishing"): drafts copied from a
 * published version, edited under the single check (shared/rulebook/rulebookSchema.ts), asked
 * for publication from a date, and approved by a second admin into a new published version.
 * Published versions are never edited: a change is the next version.
 */

type Person = { id: number; username: string; name: string };

async function people(db: Executor, ids: (number | null)[]): Promise<Map<number, Person>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((u) => [u.id, { id: u.id, username: u.username, name: u.display_name }]));
}

const personOf = (known: Map<number, Person>, id: number | null): Person | null =>
  id === null ? null : (known.get(id) ?? { id, username: '', name: '' });

async function summaries(db: Executor, rows: RulebookDraftRow[]): Promise<RulebookDraftSummary[]> {
  const known = await people(
    db,
    rows.flatMap((r) => [r.created_by, r.publish_requested_by]),
  );
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    basedOnVersion: r.based_on_version,
    status: r.status,
    version: r.version,
    createdBy: personOf(known, r.created_by) as Person,
    publishRequestedBy: personOf(known, r.publish_requested_by),
    effectiveFrom: r.effective_from,
    publishedVersion: r.published_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

const summaryOf = async (db: Executor, row: RulebookDraftRow) =>
  (await summaries(db, [row]))[0] as RulebookDraftSummary;

/** Today on the platform's clock: a version may come into force from today on, never earlier. */
const platformToday = (rulebook: Rulebook, now: Date) => localDate(now.getTime(), rulebook.utcOffsetMinutes);

/** The version a new one will supersede: the platform's latest published one. */
async function latestVersion(db: Executor, platform: PlatformId) {
  const number = await rulebookVersionsRepo.latestNumber(db, platform);
  const row = await rulebookVersionsRepo.find(db, platform, number);
  if (!row) throw notFound('rulebook_version', `${platform}@${number}`);
  return row;
}

/**
 * The single check, and what a draft of `platform` must also be: that platform's rulebook, its
 * rule ids not another platform's (a subject's findings are judged by its own platform's rules only).
 */
export function draftIssues(
  platform: PlatformId,
  raw: unknown,
): { rulebook: Rulebook | null; issues: RulebookIssueView[] } {
  const parsed = parseRulebook(raw);
  if (!parsed.ok) return { rulebook: null, issues: parsed.issues };
  const issues: RulebookIssueView[] = [];
  if (parsed.rulebook.platform !== platform)
    issues.push({ path: 'platform', message: `this is a draft of platform ${platform}'s rulebook` });
  parsed.rulebook.rules.forEach((rule, index) => {
    const owner = platformOfRule(rule.id);
    if (owner !== undefined && owner !== platform)
      issues.push({ path: `rules[${index}].id`, message: `rule id "${rule.id}" is platform ${owner}'s` });
  });
  return { rulebook: parsed.rulebook, issues };
}

function refuseInvalid(issues: RulebookIssueView[]): never {
  const first = issues[0] as RulebookIssueView;
  throw new DeskError('BAD_REQUEST', 'invalid_rulebook', formatRulebookIssue(first), {
    field: first.path,
    issues: issues.slice(0, 50),
  });
}

async function loadDraft(db: Executor, id: number, lock = false): Promise<RulebookDraftRow> {
  const row = lock ? await rulebookDraftsRepo.lock(db, id) : await rulebookDraftsRepo.find(db, id);
  if (!row) throw notFound('rulebook_draft', id);
  return row;
}

/** `rulebook.drafts.create {platform, from?}`: a copy of a published version (default the latest). */
export async function createDraft(
  ctx: ServiceContext,
  input: { platform: PlatformId; from?: number },
): Promise<RulebookDraftSummary> {
  const actor = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const base =
      input.from === undefined
        ? await latestVersion(trx, input.platform)
        : await rulebookVersionsRepo.find(trx, input.platform, input.from);
    if (!base) throw notFound('rulebook_version', `${input.platform}@${input.from}`);
    const row = await rulebookDraftsRepo.insert(trx, {
      platform: input.platform,
      basedOnVersion: base.version,
      rulebook: base.rulebook,
      createdBy: actor,
      at: now.toISOString(),
    });
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'rulebook.draft_created',
        target: { type: 'rulebook_draft', id: row.id },
        data: { platform: row.platform, basedOnVersion: base.version },
      },
      now,
    );
    return summaryOf(trx, row);
  });
}

/** `rulebook.drafts.list`: newest first. */
export async function listDrafts(ctx: Pick<ServiceContext, 'db'>, filter: DraftFilter = {}) {
  return summaries(ctx.db, await rulebookDraftsRepo.list(ctx.db, filter));
}

/** What the editor shows: problems (the single check, then what publishing from `date` would refuse) and the diff. */
async function review(db: Executor, platform: PlatformId, raw: unknown, date: string) {
  const current = await latestVersion(db, platform);
  const { rulebook, issues } = draftIssues(platform, raw);
  if (!rulebook) return { current, issues, diff: null };
  return {
    current,
    issues: [...issues, ...supersedeIssues(current.rulebook, rulebook, date)],
    diff: diffRulebooks(current.rulebook, rulebook),
  };
}

/** `rulebook.drafts.get {id}`: the draft, its problems and its diff against the latest published version. */
export async function getDraft(ctx: Pick<ServiceContext, 'db' | 'clock'>, id: number): Promise<DraftsGetOutput> {
  const row = await loadDraft(ctx.db, id);
  const date = row.effective_from ?? platformToday(row.rulebook, ctx.clock.now());
  const { current, issues, diff } = await review(ctx.db, row.platform, row.rulebook, date);
  return {
    draft: await summaryOf(ctx.db, row),
    rulebook: row.rulebook,
    issues,
    diff: diff ?? { added: [], removed: [], changed: [], other: [] },
    current: { version: current.version, effectiveFrom: current.effective_from },
  };
}

/** `rulebook.drafts.check {id, rulebook}`: live validation of unsaved edits; writes nothing. */
export async function checkDraft(ctx: Pick<ServiceContext, 'db' | 'clock'>, input: { id: number; rulebook: unknown }) {
  const row = await loadDraft(ctx.db, input.id);
  const date = row.effective_from ?? platformToday(row.rulebook, ctx.clock.now());
  const { issues, diff } = await review(ctx.db, row.platform, input.rulebook, date);
  return { issues, diff };
}

/** Refuses a draft that is not (or no longer) in `draft`, and an edit against a revision it did not read. */
function assertEditable(row: RulebookDraftRow, version?: number) {
  if (row.status !== 'draft')
    throw new DeskError('CONFLICT', 'rulebook_draft_not_editable', `draft ${row.id} is ${row.status}, not editable`, {
      status: row.status,
    });
  if (version !== undefined && version !== row.version) staleDraft(row);
}

function staleDraft(row: RulebookDraftRow): never {
  throw new DeskError('CONFLICT', 'rulebook_draft_changed', `draft ${row.id} was changed by someone else; reload it`, {
    field: 'version',
    current: row.version,
  });
}

/**
 * `rulebook.drafts.update {id, version?, rulebook}`: the whole rulebook, refused at its first
 * invalid field; a compare-and-set on `version` (absent: the one just read), so of parallel edits
 * from the same revision exactly one wins.
 */
export async function updateDraft(
  ctx: ServiceContext,
  input: { id: number; version?: number; rulebook: unknown },
): Promise<RulebookDraftSummary> {
  actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDraft(trx, input.id, true);
    assertEditable(row, input.version);
    const { rulebook, issues } = draftIssues(row.platform, input.rulebook);
    if (!rulebook || issues.length) refuseInvalid(issues);
    const saved = await rulebookDraftsRepo.saveRulebook(
      trx,
      row.id,
      input.version ?? row.version,
      rulebook,
      now.toISOString(),
    );
    if (!saved) staleDraft(row);
    const changed = fieldChanges(row.rulebook, rulebook).map((c) => c.path);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'rulebook.draft_updated',
        target: { type: 'rulebook_draft', id: row.id },
        data: {
          platform: row.platform,
          draftVersion: saved.version,
          fields: changed.slice(0, AUDITED_FIELDS_MAX),
          fieldCount: changed.length,
        },
      },
      now,
    );
    return summaryOf(trx, saved);
  });
}

/** `rulebook.drafts.discard {id}`: a draft or one waiting for approval; a published one stays. */
export async function discardDraft(ctx: ServiceContext, id: number): Promise<RulebookDraftSummary> {
  actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDraft(trx, id, true);
    const discarded = await rulebookDraftsRepo.transition(trx, id, ['draft', 'pending_approval'], {
      status: 'discarded',
      at: now.toISOString(),
    });
    if (!discarded) assertEditable(row);
    await recordEvent(
      trx,
      ctx.audit,
      { action: 'rulebook.draft_discarded', target: { type: 'rulebook_draft', id }, data: { platform: row.platform } },
      now,
    );
    return summaryOf(trx, discarded as RulebookDraftRow);
  });
}

/** A version comes into force today or later on the platform's clock: the past is not rewritten. */
function assertNotPast(rulebook: Rulebook, effectiveFrom: string, now: Date) {
  const today = platformToday(rulebook, now);
  if (effectiveFrom < today)
    throw new DeskError(
      'BAD_REQUEST',
      'rulebook_effective_date_passed',
      `a new version comes into force today (${today}) or later, not ${effectiveFrom}`,
      { field: 'effectiveFrom', today },
    );
}

/** Another version was published since the draft was copied: approving it would silently undo that one. */
function assertCurrent(row: RulebookDraftRow, latest: number) {
  if (latest !== row.based_on_version)
    throw new DeskError(
      'CONFLICT',
      'rulebook_draft_outdated',
      `version ${latest} of ${row.platform} was published after this draft was copied from version ${row.based_on_version}; start a new draft from it`,
      { latest, basedOn: row.based_on_version },
    );
}

/**
 * `rulebook.drafts.publish {id, effectiveFrom}`: asks a second admin to approve the draft as the
 * next version from `effectiveFrom`. A draft already waiting may be asked for again with another date.
 */
export async function requestPublication(
  ctx: ServiceContext,
  input: { id: number; effectiveFrom: string },
): Promise<RulebookDraftSummary> {
  const actor = actingUserId(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadDraft(trx, input.id, true);
    if (row.status !== 'draft' && row.status !== 'pending_approval') assertEditable(row);
    assertNotPast(row.rulebook, input.effectiveFrom, now);
    const latest = await latestVersion(trx, row.platform);
    assertCurrent(row, latest.version);
    const past = supersedeIssues(latest.rulebook, row.rulebook, input.effectiveFrom);
    if (past.length) {
      const first = past[0] as RulebookIssueView;
      throw new DeskError('BAD_REQUEST', 'rulebook_past_version_changed', formatRulebookIssue(first), {
        field: first.path,
        issues: past.slice(0, 50),
      });
    }
    const requested = await rulebookDraftsRepo.transition(trx, row.id, ['draft', 'pending_approval'], {
      status: 'pending_approval',
      publishRequestedBy: actor,
      effectiveFrom: input.effectiveFrom,
      at: now.toISOString(),
    });
    if (!requested) assertEditable(row);
    await recordEvent(
      trx,
      ctx.audit,
      {
        action: 'rulebook.publish_requested',
        target: { type: 'rulebook_draft', id: row.id },
        data: {
          platform: row.platform,
          basedOnVersion: row.based_on_version,
          effectiveFrom: input.effectiveFrom,
          ...diffSummary(diffRulebooks(latest.rulebook, row.rulebook)),
        },
      },
      now,
    );
    return summaryOf(trx, requested as RulebookDraftRow);
  });
}

/**
 * `rulebook.drafts.approve {id}`: a second admin's approval (four-eyes: the requester cannot
 * approve) makes the draft the platform's next published version, announced in the outbox as
 * `rulebook.published`. Parallel approvals publish once: the draft leaves `pending_approval`
 * by compare-and-set, and the (platform, version) key refuses a second row of the same number.
 */
export async function approveDraft(ctx: ServiceContext, id: number) {
  const actor = actingUserId(ctx);
  const now = ctx.clock.now();
  const result = await retryOnRace(() =>
    ctx.db.transaction().execute(async (trx) => {
      const row = await loadDraft(trx, id, true);
      if (row.status !== 'pending_approval' || row.effective_from === null || row.publish_requested_by === null)
        throw new DeskError(
          'CONFLICT',
          'rulebook_draft_not_pending',
          `draft ${id} is ${row.status}, not waiting for approval`,
          {
            status: row.status,
          },
        );
      if (row.publish_requested_by === actor)
        throw new DeskError(
          'FORBIDDEN',
          'rulebook_approver_is_requester',
          'a second admin must approve: you asked for this version to be published',
        );
      assertNotPast(row.rulebook, row.effective_from, now);
      const latest = await latestVersion(trx, row.platform);
      assertCurrent(row, latest.version);
      const at = now.toISOString();
      const published = await rulebookDraftsRepo.transition(trx, id, ['pending_approval'], {
        status: 'published',
        approvedBy: actor,
        publishedVersion: latest.version + 1,
        at,
      });
      if (!published)
        throw new DeskError('CONFLICT', 'rulebook_draft_not_pending', `draft ${id} is no longer waiting for approval`);
      const version = await rulebookVersionsRepo.insert(trx, {
        platform: row.platform,
        version: latest.version + 1,
        rulebook: row.rulebook,
        effectiveFrom: row.effective_from,
        publishedBy: row.publish_requested_by,
        approvedBy: actor,
        at,
      });
      const diff = diffRulebooks(latest.rulebook, row.rulebook);
      await announceRulebookPublished(trx, { version, previousVersion: latest.version, diff }, now);
      await recordEvent(
        trx,
        ctx.audit,
        {
          action: 'rulebook.published',
          target: { type: 'rulebook_draft', id },
          data: {
            platform: row.platform,
            version: version.version,
            effectiveFrom: version.effective_from,
            requestedBy: row.publish_requested_by,
          },
        },
        now,
      );
      return {
        draft: await summaryOf(trx, published),
        platform: row.platform,
        version: version.version,
        effectiveFrom: version.effective_from,
      };
    }),
  );
  // This instance judges by it at once (from its date); others notice within their poll.
  await ctx.rulebooks.refresh(ctx.db, { force: true });
  return result;
}

/** `rulebook.versions {platform}`: the published versions, newest first, and the one in force now. */
export async function listVersions(
  ctx: Pick<ServiceContext, 'db' | 'rulebooks'>,
  platform: PlatformId,
): Promise<RulebookVersionSummary[]> {
  await ctx.rulebooks.refresh(ctx.db);
  const rows = await rulebookVersionsRepo.listOf(ctx.db, platform);
  const known = await people(
    ctx.db,
    rows.flatMap((r) => [r.published_by, r.approved_by]),
  );
  const inForce = ctx.rulebooks.inForce(platform).version;
  return rows.map((r) => ({
    platform: r.platform,
    version: r.version,
    effectiveFrom: r.effective_from,
    publishedBy: personOf(known, r.published_by),
    approvedBy: personOf(known, r.approved_by),
    createdAt: r.created_at,
    inForce: r.version === inForce,
  }));
}
