// A ledger list's view (search, filters, sort) and the `ledgers.records` query it means; the same
// query without offset/limit is what 导出 writes.
import type { RequestOf } from '../../../../shared/contract/index.ts';
import type { LedgerDef, LedgerField } from '../../../../shared/ledgers/index.ts';
import { normalizeListSearch } from '../../lib/household-query.ts';

export type RecordQuery = RequestOf<'ledgers.export'>;
export type FilterValue = string | number;
export type RecordSort = NonNullable<RecordQuery['sort']>;

export interface LedgerListView {
  search: string;
  filters: Readonly<Record<string, readonly FilterValue[]>>;
  sort: RecordSort | null;
}

export const EMPTY_VIEW: LedgerListView = { search: '', filters: {}, sort: null };

/** The filter fields of a ledger that the list can offer (code, 是/否, year). */
export function filterFields(def: LedgerDef): LedgerField[] {
  return def.filters.flatMap((column) => {
    const f = def.fields.find((x) => x.column === column);
    return f !== undefined && ['code', 'codes', 'bool', 'year'].includes(f.type) ? [f] : [];
  });
}

export function buildRecordQuery(
  def: LedgerDef,
  view: LedgerListView,
  regionCode: string | null,
): RecordQuery {
  const filters: Record<string, FilterValue[]> = {};
  for (const [column, values] of Object.entries(view.filters))
    if (values.length > 0) filters[column] = [...values];
  const query: RecordQuery = { ledgerId: def.id, regionCode, filters };
  const search = normalizeListSearch(view.search);
  if (search !== '') query.search = search;
  if (view.sort !== null) query.sort = { ...view.sort };
  return query;
}

export const activeFilters = (view: LedgerListView): number =>
  Object.values(view.filters).filter((v) => v.length > 0).length;
