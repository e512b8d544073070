// Cell addresses exactly as Excel shows them, so a later error can say 「工作表“花名册”第 8 行 H 列」
// and the clerk finds the cell at once.
import type { SheetData } from './types.ts';

/** Excel's last column is XFD (16,384 columns). */
export const MAX_COLUMNS = 16_384;
/** Excel's last row. */
export const MAX_EXCEL_ROWS = 1_048_576;

/** 0 → 'A', 25 → 'Z', 26 → 'AA', 16383 → 'XFD'. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`列序号无效：${index}`);
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' → 0, 'AA' → 26, 'xfd' → 16383; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const ch = letters.charCodeAt(i) & ~0x20; // upper-case
    if (ch < 65 || ch > 90) return -1;
    n = n * 26 + (ch - 64);
  }
  return n - 1;
}

/** 'H8' → { r: 7, c: 7 } (0-based); null when malformed or beyond Excel's grid. */
export function parseCellRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (m === null) return null;
  const c = columnIndex(m[1] ?? '');
  const row = Number(m[2]);
  if (c < 0 || c >= MAX_COLUMNS || row < 1 || row > MAX_EXCEL_ROWS) return null;
  return { r: row - 1, c };
}

/** Excel row number of rows[index]. */
export function excelRowNumber(data: Pick<SheetData, 'rowNumbers'>, index: number): number {
  return data.rowNumbers?.[index] ?? index + 1;
}

/**
 * Index into rows of a 0-based sheet row (as in Merge), or -1 when that row was dropped as part of a
 * long empty run. Binary search: rowNumbers is ascending.
 */
export function sheetRowToIndex(
  data: Pick<SheetData, 'rowNumbers'> & { rows: { readonly length: number } },
  sheetRow: number,
): number {
  const numbers = data.rowNumbers;
  if (numbers === undefined) return sheetRow >= 0 && sheetRow < data.rows.length ? sheetRow : -1;
  const want = sheetRow + 1;
  let lo = 0;
  let hi = numbers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = numbers[mid] ?? 0;
    if (v === want) return mid;
    if (v < want) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** 'H8' from an Excel row number and a 0-based column. */
export const cellAddress = (excelRow: number, col: number): string => `${columnLetter(col)}${excelRow}`;

/** 「工作表“花名册”第 8 行 H 列」 — the wording every later error message uses for a cell. */
export function describeCell(sheet: string, excelRow: number, col?: number): string {
  return col === undefined
    ? `工作表“${sheet}”第 ${excelRow} 行`
    : `工作表“${sheet}”第 ${excelRow} 行 ${columnLetter(col)} 列`;
}
