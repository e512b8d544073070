// The household list's rows, fetched page by page (`households.list` offset/limit) as the clerk scrolls.
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { api } from '../../api/transport.ts';
import type { HouseholdQuery } from '../../lib/household-query.ts';
import { PagedRows } from '../../lib/paged-rows.ts';

export type HouseholdRow = ResponseOf<'households.list'>['rows'][number];

export const PAGE_SIZE = 100;

export function useHouseholdRows(query: HouseholdQuery, initialIndex: number) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [store] = useState(
    () =>
      new PagedRows<HouseholdRow, HouseholdQuery>({
        pageSize: PAGE_SIZE,
        fetchPage: (q, offset, limit) => api.call('households.list', { ...q, offset, limit }),
        onChange: rerender,
      }),
  );
  const key = JSON.stringify(query);
  const [firstKey] = useState(key);
  const [startIndex] = useState(initialIndex);

  useEffect(() => {
    const q = JSON.parse(key) as HouseholdQuery;
    // The first query of this visit starts where the clerk left the list; a changed one at the top.
    store.setQuery(q, key === firstKey ? startIndex : 0);
  }, [store, key, firstKey, startIndex]);

  const ensure = useCallback((start: number, end: number) => store.ensure(start, end), [store]);
  const reload = useCallback(
    (around: number) => store.setQuery(JSON.parse(key) as HouseholdQuery, around),
    [store, key],
  );

  return {
    total: store.total,
    rowAt: (index: number) => store.rowAt(index),
    ensure,
    reload,
    loading: store.loading,
    error: store.error,
  };
}
