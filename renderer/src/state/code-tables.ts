// The code tables as this ledger has them (built-in items plus the county's own, from codeTables.list),
// with the type-ahead index of each table built once, on first use.
import { createContext, useContext } from 'react';
import {
  CODE_TABLES,
  MULTI_SEPARATOR,
  codeLabel,
  isCodeTableKey,
  type CodeTable,
  type CodeTableKey,
} from '../../../shared/code-tables/index.ts';
import type { ResponseOf } from '../../../shared/contract/index.ts';
import type { CodeTables } from '../../../shared/rules/value-rules.ts';
import { indexOptions, type IndexedOption } from '../lib/search-index.ts';

export interface CodeTablesValue {
  tables: CodeTables;
  /** Type-ahead options of a table, retired items included (callers hide them for new entries). */
  options: (key: CodeTableKey) => readonly IndexedOption[];
  /** Label of a code, or of several comma-joined codes ("长期慢性病、残疾"); '' for empty. */
  label: (key: CodeTableKey, code: string | null | undefined) => string;
  isRetired: (key: CodeTableKey, code: string) => boolean;
}

export function buildCodeTables(list: ResponseOf<'codeTables.list'> | undefined): CodeTablesValue {
  const tables: Record<string, CodeTable> = { ...CODE_TABLES };
  for (const t of list ?? []) {
    if (!isCodeTableKey(t.key)) continue;
    tables[t.key] = { key: t.key, name: t.name, multi: t.multi, items: t.items };
  }
  const typed = tables as CodeTables;
  const cache = new Map<CodeTableKey, IndexedOption[]>();
  const options = (key: CodeTableKey): IndexedOption[] => {
    let found = cache.get(key);
    if (found === undefined) {
      const items = typed[key].items;
      found = indexOptions(
        items.map((i) => ({ value: i.code, label: i.label, aliases: i.aliases ?? [], code: i.code })),
      );
      found.forEach((o, n) => {
        if (items[n]?.retired) o.disabled = true;
      });
      cache.set(key, found);
    }
    return found;
  };
  const label = (key: CodeTableKey, code: string | null | undefined): string => {
    if (code === null || code === undefined || code === '') return '';
    return code
      .split(MULTI_SEPARATOR)
      .map((c) => codeLabel(typed[key], c))
      .join('、');
  };
  const isRetired = (key: CodeTableKey, code: string): boolean =>
    typed[key].items.some((i) => i.code === code && i.retired === true);
  return { tables: typed, options, label, isRetired };
}

/** Built-in tables: what forms use until (or if never) the ledger's own list arrives. */
export const BUILT_IN_CODE_TABLES = buildCodeTables(undefined);

export const CodeTablesContext = createContext<CodeTablesValue>(BUILT_IN_CODE_TABLES);

export const useCodeTables = (): CodeTablesValue => useContext(CodeTablesContext);
