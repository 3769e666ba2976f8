import { z } from 'zod';
import { REPORT_SOURCES, SUBJECT_KINDS } from '../cases/enums';
import { PLATFORM_IDS } from '../rulebook/platforms';
import { CASE_SORTS } from './caseList';
import { TAGS_PER_TARGET_MAX, tagId } from './tags';

/** Most views one person may keep: the menu stays a menu. */
export const SAVED_VIEWS_MAX = 50;
export const VIEW_NAME_MAX = 40;

/** A queue id as filters name it: a queue's id, or `mine` for the caller's queues. */
export const QUEUE_FILTER_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A rule id of any platform's rulebook. */
export const RULE_FILTER_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The queue's filters and sort, as the URL carries them and a saved view keeps them. An empty
 * string lifts that filter. (The page is not part of a view: a view opens at its first page.)
 */
export const queueViewState = z.object({
  status: z.enum(['open', 'all']),
  queue: z.union([z.literal(''), z.string().regex(QUEUE_FILTER_PATTERN)]),
  platform: z.union([z.literal(''), z.enum(PLATFORM_IDS)]),
  rule: z.union([z.literal(''), z.string().regex(RULE_FILTER_PATTERN)]),
  source: z.union([z.literal(''), z.enum(REPORT_SOURCES)]),
  subjectKind: z.union([z.literal(''), z.enum(SUBJECT_KINDS)]),
  assignee: z.enum(['', 'me', 'unassigned']),
  tags: z.array(tagId).max(TAGS_PER_TARGET_MAX),
  sort: z.enum(CASE_SORTS),
});
export type QueueViewState = z.infer<typeof queueViewState>;

export const DEFAULT_QUEUE_VIEW: QueueViewState = {
  status: 'open',
  queue: '',
  platform: '',
  rule: '',
  source: '',
  subjectKind: '',
  assignee: '',
  tags: [],
  sort: 'rank',
};

export const viewSaveInput = z.object({
  name: z.string().trim().min(1).max(VIEW_NAME_MAX),
  state: queueViewState,
});

export const savedView = z.object({
  id: z.number(),
  name: z.string(),
  state: queueViewState,
  ownerId: z.number(),
  ownerName: z.string(),
  sharedQueue: z.string().nullable(),
  /** The caller's own view (they may delete it); otherwise shared with one of their queues. */
  mine: z.boolean(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;
