import { useCallback, useState } from 'react';

/**
 * Maps DataGrid page numbers to server keyset cursors. The grid only moves one page at a
 * time (next/previous), so the cursor of page n+1 is always known once page n is loaded.
 */
export function useKeysetPages(pageSize: number) {
  const [page, setPage] = useState(0);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);

  const rememberNext = useCallback((forPage: number, nextCursor: string | null) => {
    setCursors((prev) => {
      if (!nextCursor || prev[forPage + 1] === nextCursor) return prev;
      const copy = prev.slice(0, forPage + 1);
      copy[forPage + 1] = nextCursor;
      return copy;
    });
  }, []);

  const reset = useCallback(() => {
    setPage(0);
    setCursors([undefined]);
  }, []);

  return { page, setPage, cursor: cursors[page], pageSize, rememberNext, reset };
}
