// The household list's rows, fetched page by page (`households.list` offset/limit) as the clerk scrolls.
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { api } from '../../api/transport.ts';
import { usePagedRows } from '../../api/usePagedRows.ts';
import type { HouseholdQuery } from '../../lib/household-query.ts';

export type HouseholdRow = ResponseOf<'households.list'>['rows'][number];

const fetchPage = (q: HouseholdQuery, offset: number, limit: number) =>
  api.call('households.list', { ...q, offset, limit });

export function useHouseholdRows(query: HouseholdQuery, initialIndex: number) {
  return usePagedRows<HouseholdRow, HouseholdQuery>(fetchPage, query, initialIndex);
}
