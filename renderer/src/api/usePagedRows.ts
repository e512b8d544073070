// A long server-side list's rows, fetched page by page (offset/limit) as the clerk scrolls: the household
// list, a thematic ledger's records. A new query starts a new generation (lib/paged-rows.ts).
import { useCallback, useEffect, useReducer, useState } from 'react';
import { PagedRows, type FetchPage } from '../lib/paged-rows.ts';

export const PAGE_SIZE = 100;

export function usePagedRows<Row, Q>(fetchPage: FetchPage<Row, Q>, query: Q, initialIndex: number) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [store] = useState(
    () => new PagedRows<Row, Q>({ pageSize: PAGE_SIZE, fetchPage, onChange: rerender }),
  );
  const key = JSON.stringify(query);
  const [firstKey] = useState(key);
  const [startIndex] = useState(initialIndex);

  useEffect(() => {
    const q = JSON.parse(key) as Q;
    // The first query of this visit starts where the clerk left the list; a changed one at the top.
    store.setQuery(q, key === firstKey ? startIndex : 0);
  }, [store, key, firstKey, startIndex]);

  const ensure = useCallback((start: number, end: number) => store.ensure(start, end), [store]);
  const reload = useCallback((around: number) => store.setQuery(JSON.parse(key) as Q, around), [store, key]);

  return {
    total: store.total,
    rowAt: (index: number) => store.rowAt(index),
    ensure,
    reload,
    loading: store.loading,
    error: store.error,
  };
}
