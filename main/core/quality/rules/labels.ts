// Code labels for messages: built-in and ledger code tables alike (CODE_TABLES holds both).
import { CODE_TABLES, codeLabel, type CodeTable } from '../../../../shared/code-tables/index.ts';

const TABLES = CODE_TABLES as Readonly<Record<string, CodeTable>>;

/** The label of `code` in table `key`, '未填' for no value; several codes (a 'codes' column) joined with 、. */
export function codeText(key: string, code: unknown): string {
  if (code === null || code === undefined || code === '') return '未填';
  const table = TABLES[key];
  return String(code)
    .split(',')
    .map((c) => (table ? codeLabel(table, c) : c))
    .join('、');
}
