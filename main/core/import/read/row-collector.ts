// Collects a sheet's rows in Excel order for every reader, with the same rules everywhere: trailing
// empty cells trimmed, trailing empty rows dropped, long runs of empty rows dropped (with rowNumbers
// kept), and maxRows enforced as soon as it is passed rather than after the whole sheet is in memory.
// The rows go straight into the column store (sheet-rows.ts): no array per row is kept.
import { MAX_EXCEL_ROWS } from './cell-address.ts';
import { SheetRows, type SheetCell } from './sheet-rows.ts';
import { ReadError, formatCount, where, type SheetData } from './types.ts';

/** Shorter runs of empty rows stay in `rows` (as empty rows) so indexes match Excel rows in the usual case. */
export const MAX_KEPT_EMPTY_RUN = 1000;

export class RowCollector {
  readonly rows = new SheetRows();
  rowNumbers: number[] | undefined;
  private lastRow = 0;
  private readonly maxRows: number;
  private readonly file: string;
  private readonly sheet: string;

  constructor(maxRows: number, file: string, sheet: string) {
    this.maxRows = maxRows;
    this.file = file;
    this.sheet = sheet;
  }

  /**
   * Adds Excel row `excelRow` (1-based, ascending) and the columns of its number cells (ascending, or
   * null). A shared-string cell may be its index (a number) until SheetRows.resolveShared. Neither array
   * is kept (a reader may reuse them).
   */
  add(excelRow: number, cells: readonly SheetCell[], numberColumns: readonly number[] | null = null): void {
    let n = cells.length;
    while (n > 0 && cells[n - 1] === '') n--;
    if (n === 0) return;
    if (excelRow <= this.lastRow || excelRow > MAX_EXCEL_ROWS) {
      throw new ReadError(
        'unreadable',
        `${where(this.file, this.sheet)}的行号异常（第 ${excelRow} 行），文件可能已损坏`,
        {
          file: this.file,
          sheet: this.sheet,
        },
      );
    }
    const gap = excelRow - this.lastRow - 1;
    if (gap > MAX_KEPT_EMPTY_RUN) {
      this.rowNumbers ??= Array.from({ length: this.rows.length }, (_, i) => i + 1);
    } else {
      for (let k = 1; k <= gap; k++) this.push(this.lastRow + 1, NO_CELLS, 0, null);
    }
    this.push(excelRow, cells, n, numberColumns);
  }

  private push(
    excelRow: number,
    cells: readonly SheetCell[],
    n: number,
    numbers: readonly number[] | null,
  ): void {
    if (this.rows.length >= this.maxRows) {
      throw new ReadError(
        'too-large',
        `${where(this.file, this.sheet)}超过 ${formatCount(this.maxRows)} 行（导入上限），请分成几个文件后再导入`,
        { file: this.file, sheet: this.sheet },
      );
    }
    this.rows.append(cells, n, numbers);
    this.rowNumbers?.push(excelRow);
    this.lastRow = excelRow;
  }

  result(merges: SheetData['merges']): SheetData {
    this.rows.seal();
    const data: SheetData = { sheet: this.sheet, rows: this.rows, merges };
    if (this.rowNumbers !== undefined) data.rowNumbers = this.rowNumbers;
    return data;
  }
}

const NO_CELLS: readonly SheetCell[] = [];

/** The message for a cell over maxCellChars (the readers refuse rather than truncate; see types.ts). */
export function cellTooLong(
  file: string,
  sheet: string,
  place: string,
  length: number | null,
  max: number,
  hint = '',
): ReadError {
  const actual = length === null ? '' : `（该单元格有 ${formatCount(length)} 个字符）`;
  return new ReadError(
    'too-large',
    `${where(file, sheet)}${place}的内容超出单元格上限 ${formatCount(max)} 个字符${actual}${hint}，请检查该单元格`,
    { file, sheet },
  );
}
