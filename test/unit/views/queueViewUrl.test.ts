import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_VIEW, type QueueViewState } from '../../../shared/api/views';
import {
  queueLocationFromSearch,
  queueLocationToSearch,
  queueViewFromStored,
} from '../../../shared/views/queueViewUrl';

const full: QueueViewState = {
  status: 'all',
  queue: 'fraud',
  platform: 'taobao',
  rule: 'fake-transaction',
  source: 'spot_check',
  subjectKind: 'buyer',
  assignee: 'unassigned',
  tags: ['gang', 'repeat-offender'],
  sort: 'slaDueAt',
};

describe('the queue URL ⇄ filter state codec', () => {
  it('round-trips every filter, the sort and the page with its cursor', () => {
    const location = { view: full, page: 3, cursor: 'WyJyYW5rIiwxMiwzNF0' };
    const search = queueLocationToSearch(location).toString();
    expect(queueLocationFromSearch(search)).toEqual(location);
  });

  it('writes nothing for the defaults, so the plain queue has a plain URL', () => {
    expect(queueLocationToSearch({ view: DEFAULT_QUEUE_VIEW, page: 1 }).toString()).toBe('');
    expect(queueLocationFromSearch('')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 1 });
    expect(queueLocationToSearch({ view: { ...DEFAULT_QUEUE_VIEW, tags: ['gang'] }, page: 1 }).toString()).toBe(
      'tags=gang',
    );
  });

  it('falls back to the default for each bad value and keeps the good ones', () => {
    const location = queueLocationFromSearch(
      'status=closed&queue=../../etc&platform=amazon&rule=fake-transaction&source=<script>&subjectKind=alien&assignee=42&sort=random&tags=gang',
    );
    expect(location).toEqual({
      view: { ...DEFAULT_QUEUE_VIEW, rule: 'fake-transaction', tags: ['gang'] },
      page: 1,
    });
  });

  it('drops a bad tag list whole, removes duplicates and empty entries', () => {
    expect(queueLocationFromSearch('tags=gang,,gang,repeat-offender').view.tags).toEqual(['gang', 'repeat-offender']);
    expect(queueLocationFromSearch('tags=gang,Bad Tag').view.tags).toEqual([]);
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    expect(queueLocationFromSearch(`tags=${many}`).view.tags).toEqual([]);
  });

  it('opens the first page for a page without a usable cursor, or a page that is not a number', () => {
    expect(queueLocationFromSearch('page=4')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 1 });
    expect(queueLocationFromSearch('page=4&cursor=not%20base64!')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 1 });
    expect(queueLocationFromSearch('page=-2&cursor=abc')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 1 });
    expect(queueLocationFromSearch('page=1e9&cursor=abc')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 1 });
    expect(queueLocationFromSearch('page=2&cursor=abc')).toEqual({ view: DEFAULT_QUEUE_VIEW, page: 2, cursor: 'abc' });
    // The first page never carries a cursor.
    expect(queueLocationToSearch({ view: DEFAULT_QUEUE_VIEW, page: 1, cursor: 'abc' }).toString()).toBe('');
  });

  it('reads a stored view leniently: unknown or broken fields fall back, the rest apply', () => {
    expect(queueViewFromStored(full)).toEqual(full);
    expect(queueViewFromStored({ ...full, sort: 'gone', extra: 1 })).toEqual({ ...full, sort: 'rank' });
    expect(queueViewFromStored(null)).toEqual(DEFAULT_QUEUE_VIEW);
    expect(queueViewFromStored('text')).toEqual(DEFAULT_QUEUE_VIEW);
  });
});
