// Code tables as the UI gets them: the built-in items plus what this county added (code_items).
import {
  CODE_TABLE_KEYS,
  CODE_TABLES,
  extendTable,
  type CodeItem,
  type CodeTableKey,
} from '../../../shared/code-tables/index.ts';
import type { Ledger } from '../db/open-ledger.ts';

interface ExtraRow {
  table_key: string;
  code: string;
  label: string;
  aliases: string;
  retired: number;
}

export function listCodeTables(ledger: Ledger) {
  const extra = ledger.sqlite
    .prepare('SELECT table_key, code, label, aliases, retired FROM code_items ORDER BY table_key, code')
    .all() as ExtraRow[];
  return CODE_TABLE_KEYS.map((key: CodeTableKey) => {
    const added: CodeItem[] = extra
      .filter((r) => r.table_key === key)
      .map((r) => ({
        code: r.code,
        label: r.label,
        aliases: JSON.parse(r.aliases) as string[],
        retired: r.retired === 1,
      }));
    const table = extendTable(CODE_TABLES[key], added);
    return {
      key,
      name: table.name,
      multi: table.multi === true,
      items: table.items.map((i) => ({
        code: i.code,
        label: i.label,
        aliases: [...(i.aliases ?? [])],
        retired: i.retired === true,
      })),
    };
  });
}
