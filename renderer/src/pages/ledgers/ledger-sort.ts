// Which header of a ledger's record list sorts: the definition's `sortColumns` (each has an index,
// docs/ledgers.md); the core refuses any other column.
import type { LedgerDef } from '../../../../shared/ledgers/index.ts';

/** The sort column behind a list column's header, or undefined for a header without sort arrows. */
export const sortColumnOf = (def: LedgerDef, column: string): string | undefined =>
  def.sortColumns.includes(column) ? column : undefined;
