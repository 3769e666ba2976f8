import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { QueueViewState } from '../../../shared/api/views';
import { queueLocationFromSearch, queueLocationToSearch } from '../../../shared/views/queueViewUrl';

/**
 * The queue's filters, sort and page, kept in the URL: a reload, a shared link and the
 * browser's back and forward all land on the same place. Each change is a history entry.
 * Pages past the first are reached by the server's cursor, which the URL carries too; the
 * cursors of pages seen are remembered here, so "previous" works after paging forward.
 */
export function useQueueLocation() {
  const [params, setParams] = useSearchParams();
  const location = useMemo(() => queueLocationFromSearch(params), [params]);
  const viewKey = JSON.stringify(location.view);
  // Cursor of each page (0-based) of the view they were issued for.
  const cursors = useRef(new Map<string, string>());
  if (location.cursor) cursors.current.set(`${viewKey}#${location.page - 1}`, location.cursor);

  const setView = useCallback(
    (view: QueueViewState) => setParams(queueLocationToSearch({ view, page: 1 })),
    [setParams],
  );

  /** Goes to a page (0-based); one whose cursor is unknown (before a reload) starts again at the first. */
  const setPage = useCallback(
    (page: number) => {
      const cursor = page > 0 ? cursors.current.get(`${viewKey}#${page}`) : undefined;
      const view = JSON.parse(viewKey) as QueueViewState;
      setParams(queueLocationToSearch(cursor ? { view, page: page + 1, cursor } : { view, page: 1 }));
    },
    [viewKey, setParams],
  );

  const rememberNext = useCallback(
    (page: number, nextCursor: string | null) => {
      if (nextCursor) cursors.current.set(`${viewKey}#${page + 1}`, nextCursor);
    },
    [viewKey],
  );

  /** A cursor the server refused (edited, or issued for another sort): back to the first page, in place. */
  const restart = useCallback(
    () => setParams(queueLocationToSearch({ view: JSON.parse(viewKey) as QueueViewState, page: 1 }), { replace: true }),
    [viewKey, setParams],
  );

  return {
    view: location.view,
    page: location.page - 1,
    cursor: location.cursor,
    setView,
    setPage,
    rememberNext,
    restart,
  };
}
