// The code tables the thematic ledgers declare, for shared/code-tables to serve beside the built-in ones
// (separate from ./index.ts, which itself needs CODE_TABLES).
import type { CodeTable } from '../code-tables/define.ts';
import type { LedgerDef } from './define.ts';
import { LEDGER_DEFS } from './defs/index.ts';

export const LEDGER_CODE_TABLES: readonly CodeTable[] = LEDGER_DEFS.flatMap(
  (d: LedgerDef) => d.codeTables ?? [],
);
