import { DEFAULT_QUEUE_VIEW, type QueueViewState, queueViewState } from '../api/views';

/** Where the queue stands: its filters and sort, and which page (1-based) from which cursor. */
export interface QueueLocation {
  view: QueueViewState;
  /** 1 for the first page. */
  page: number;
  /** The server's cursor for `page` (pages past the first are reached by cursor). */
  cursor?: string;
}

const PAGE_MAX = 10_000;
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;
const FIELDS = Object.keys(DEFAULT_QUEUE_VIEW) as (keyof QueueViewState)[];

/**
 * Reads the queue's place from a URL's query string. Each parameter stands on its own: one
 * that is missing, malformed or unknown (an edited link, a rule a later desk dropped) falls
 * back to its default and the rest still apply, so no URL can break the page.
 */
export function queueLocationFromSearch(search: URLSearchParams | string): QueueLocation {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const view: Record<string, unknown> = { ...DEFAULT_QUEUE_VIEW };
  for (const field of FIELDS) {
    const raw = params.get(field);
    if (raw === null) continue;
    const value = field === 'tags' ? [...new Set(raw.split(',').filter(Boolean))] : raw;
    const parsed = queueViewState.shape[field].safeParse(value);
    if (parsed.success) view[field] = parsed.data;
  }
  const pageText = params.get('page') ?? '';
  const page = /^[1-9][0-9]{0,4}$/.test(pageText) ? Math.min(Number(pageText), PAGE_MAX) : 1;
  const cursor = params.get('cursor') ?? '';
  // A later page is only reachable with its cursor: without a usable one, start at the first.
  if (page > 1 && CURSOR_PATTERN.test(cursor)) return { view: view as QueueViewState, page, cursor };
  return { view: view as QueueViewState, page: 1 };
}

/** The query string for a place in the queue: only what differs from the defaults, in a fixed order. */
export function queueLocationToSearch(location: QueueLocation): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = location.view[field];
    if (field === 'tags') {
      if (location.view.tags.length) params.set('tags', location.view.tags.join(','));
    } else if (value !== DEFAULT_QUEUE_VIEW[field]) params.set(field, String(value));
  }
  if (location.page > 1 && location.cursor) {
    params.set('page', String(location.page));
    params.set('cursor', location.cursor);
  }
  return params;
}

/** A saved view's stored state, read leniently: what a view kept that this desk no longer knows falls back. */
export function queueViewFromStored(stored: unknown): QueueViewState {
  const view: Record<string, unknown> = { ...DEFAULT_QUEUE_VIEW };
  if (stored && typeof stored === 'object') {
    for (const field of FIELDS) {
      const parsed = queueViewState.shape[field].safeParse((stored as Record<string, unknown>)[field]);
      if (parsed.success) view[field] = parsed.data;
    }
  }
  return view as QueueViewState;
}
