// Every data row of an import is either written or listed here with why. The plan makes this list once;
// the preview, the skip confirmation, the result, the error workbook and 导入历史 all read it, so their
// numbers cannot drift apart: rows written + rows listed = data rows.
import type { ImportIssue } from './import-types.ts';

/** A data row the import does not write. */
export interface UnwrittenRow {
  row: number;
  /** 'error': the row's own error; 'held': a valid row held back with its household (or the file). */
  kind: 'error' | 'held';
  reason: string;
  /** 姓名 on the row, when the file gives one (history keeps it beside the row). */
  name: string | null;
}

export interface RowAccount {
  /** Data rows of the sheet (title, header, 合计, signature and blank rows are not data rows). */
  dataRows: number;
  /** Rows written: created, changed, or matched and unchanged. */
  written: number;
  /** Every other data row, in sheet order. */
  unwritten: UnwrittenRow[];
}

/**
 * The data rows not in `written`, each with its reason: its own errors, else what held it back (`held`,
 * e.g. its household's 户主 row), else the file-level error (the sheet refused, a required column missing).
 */
export function accountRows(
  dataRows: readonly number[],
  written: ReadonlySet<number>,
  issues: readonly ImportIssue[],
  held: ReadonlyMap<number, string>,
  names: ReadonlyMap<number, string> = new Map(),
): RowAccount {
  const own = new Map<number, string[]>();
  for (const i of issues) {
    if (i.level !== 'error') continue;
    const list = own.get(i.row);
    if (list === undefined) own.set(i.row, [i.message]);
    else if (!list.includes(i.message)) list.push(i.message);
  }
  const fileError =
    issues.find((i) => i.level === 'error' && i.row <= 0) ?? issues.find((i) => i.level === 'error');
  const unwritten: UnwrittenRow[] = [];
  let count = 0;
  for (const row of dataRows) {
    if (written.has(row)) {
      count += 1;
      continue;
    }
    const errors = own.get(row);
    const hold = held.get(row);
    const name = names.get(row) ?? null;
    if (errors !== undefined) unwritten.push({ row, kind: 'error', reason: errors.join('；'), name });
    else if (hold !== undefined) unwritten.push({ row, kind: 'held', reason: hold, name });
    else
      unwritten.push({
        row,
        kind: 'held',
        // The file-level error (a whole sheet refused, or a required column missing) says itself why.
        reason: fileError ? fileError.message : '未能导入',
        name,
      });
  }
  return { dataRows: dataRows.length, written: count, unwritten };
}

/** Why nothing would be written, for the refusal and the preview ("没有写入任何记录"). */
export function nothingWrittenReason(account: RowAccount): string {
  const first = account.unwritten[0];
  if (account.dataRows === 0) return '表中没有数据行';
  if (first === undefined) return '';
  const errors = account.unwritten.filter((u) => u.kind === 'error').length;
  return account.unwritten.length === 1
    ? `第 ${first.row} 行：${first.reason}`
    : `全部 ${account.dataRows} 行都未能导入（${errors} 行有错误）；第 ${first.row} 行：${first.reason}`;
}

/** Rows kept in a batch's summary (import_batches.summary); the count is always exact. */
const MAX_STORED_ROWS = 2000;

/** What a batch remembers of its rows: how many data rows, and those not written with why. */
export function batchRowSummary(account: RowAccount) {
  return {
    dataRows: account.dataRows,
    notImported: {
      count: account.unwritten.length,
      rows: account.unwritten.slice(0, MAX_STORED_ROWS),
    },
  };
}
