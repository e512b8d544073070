// The household list's current view (filters, search, sort) and the `households.list` query it means.
// The query without offset/limit is what an export of "what I see" will reuse.
import type { RequestOf } from '../../../shared/contract/index.ts';

export type HouseholdListRequest = RequestOf<'households.list'>;
export type HouseholdQuery = Omit<HouseholdListRequest, 'offset' | 'limit'>;
export type SortColumn = NonNullable<HouseholdListRequest['sort']>['column'];
export type SortState = NonNullable<HouseholdListRequest['sort']>;
export type StatusFilter = NonNullable<HouseholdListRequest['status']>;

export interface HouseholdListView {
  search: string;
  status: StatusFilter;
  povertyAttribute: string[];
  householdType: string[];
  monitorCategory: string[];
  povertyStatus: string[];
  mainCause: string[];
  memberCountMin: number | null;
  memberCountMax: number | null;
  sort: SortState | null;
}

export const DEFAULT_VIEW: HouseholdListView = {
  search: '',
  status: 'active',
  povertyAttribute: [],
  householdType: [],
  monitorCategory: [],
  povertyStatus: [],
  mainCause: [],
  memberCountMin: null,
  memberCountMax: null,
  sort: null,
};

export const CODE_FILTERS = [
  { key: 'povertyAttribute', table: 'poverty_attribute', label: '贫困户属性' },
  { key: 'householdType', table: 'household_type', label: '户类型' },
  { key: 'monitorCategory', table: 'monitor_category', label: '监测对象类别' },
  { key: 'povertyStatus', table: 'poverty_status', label: '脱贫状态' },
  { key: 'mainCause', table: 'poverty_cause', label: '主要致贫原因' },
] as const;

export type CodeFilterKey = (typeof CODE_FILTERS)[number]['key'];

/** Spaces inside a pasted ID or phone mean nothing; a name keeps its inner text. */
export const normalizeListSearch = (s: string): string => s.trim().replace(/[\s\u3000]+/g, ' ');

/** The request for the selected region and view; empty filters are left out. */
export function buildHouseholdQuery(view: HouseholdListView, regionCode: string | null): HouseholdQuery {
  const query: HouseholdQuery = { regionCode, status: view.status };
  for (const f of CODE_FILTERS) {
    const codes = view[f.key];
    if (codes.length > 0) query[f.key] = [...codes];
  }
  if (view.memberCountMin !== null) query.memberCountMin = view.memberCountMin;
  if (view.memberCountMax !== null) query.memberCountMax = view.memberCountMax;
  const search = normalizeListSearch(view.search);
  if (search !== '') query.search = search;
  if (view.sort !== null) query.sort = { ...view.sort };
  return query;
}

/** How many filters (besides region and search) narrow the list. */
export function activeFilterCount(view: HouseholdListView): number {
  let n = CODE_FILTERS.filter((f) => view[f.key].length > 0).length;
  if (view.memberCountMin !== null || view.memberCountMax !== null) n += 1;
  if (view.status !== 'active') n += 1;
  return n;
}

/** Clicking a column header (any server-sorted list): ascending, then descending, then the default order. */
export function nextSort<C extends string = SortColumn>(
  current: { column: C; order: 'asc' | 'desc' } | null,
  column: C,
): { column: C; order: 'asc' | 'desc' } | null {
  if (current?.column !== column) return { column, order: 'asc' };
  if (current.order === 'asc') return { column, order: 'desc' };
  return null;
}
