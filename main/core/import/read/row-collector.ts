// Collects a sheet's rows in Excel order for every reader, with the same rules everywhere: trailing
// empty cells trimmed, trailing empty rows dropped, long runs of empty rows dropped (with rowNumbers
// kept), and maxRows enforced as soon as it is passed rather than after the whole sheet is in memory.
import { MAX_EXCEL_ROWS } from './cell-address.ts';
import { ReadError, formatCount, where, type SheetData } from './types.ts';

/** Shorter runs of empty rows stay in `rows` (as []) so indexes match Excel rows in the usual case. */
export const MAX_KEPT_EMPTY_RUN = 1000;
/** Distinct number-column lists remembered for sharing (a roster has a few: a blank 务工月数 makes another). */
const RECENT_NUMBER_LISTS = 8;

export class RowCollector {
  readonly rows: string[][] = [];
  rowNumbers: number[] | undefined;
  /** See SheetData.numberCells; made on the first row that has a number cell. */
  private numberCells: Array<readonly number[] | undefined> | undefined;
  /** The last few distinct lists stored: a row with the same number columns (the usual case) shares one. */
  private readonly recentNumbers: Array<readonly number[]> = [];
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
   * null). Both are copied (a reader may reuse its arrays): the copy is exactly as long as the row,
   * where an array grown cell by cell keeps up to half again as many slots (35 MB at 400,000 rows).
   */
  add(excelRow: number, cells: readonly string[], numberColumns: readonly number[] | null = null): void {
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
      this.rowNumbers ??= this.rows.map((_, i) => i + 1);
    } else {
      for (let k = 1; k <= gap; k++) this.push(this.lastRow + 1, []);
    }
    this.push(excelRow, cells.slice(0, n));
    if (numberColumns !== null) {
      // Kept packed (no holes): rows without numbers in between get undefined.
      const numbers = (this.numberCells ??= []);
      while (numbers.length < this.rows.length - 1) numbers.push(undefined);
      numbers.push(this.shared(numberColumns));
    }
  }

  /** One array for rows with the same number columns: no array per row to allocate and keep. */
  private shared(columns: readonly number[]): readonly number[] {
    const recent = this.recentNumbers;
    for (let i = 0; i < recent.length; i++) {
      const list = recent[i] as readonly number[];
      if (sameColumns(list, columns)) return list;
    }
    const list = columns.slice();
    if (recent.length === RECENT_NUMBER_LISTS) recent.pop();
    recent.unshift(list);
    return list;
  }

  private push(excelRow: number, cells: string[]): void {
    if (this.rows.length >= this.maxRows) {
      throw new ReadError(
        'too-large',
        `${where(this.file, this.sheet)}超过 ${formatCount(this.maxRows)} 行（导入上限），请分成几个文件后再导入`,
        { file: this.file, sheet: this.sheet },
      );
    }
    this.rows.push(cells);
    this.rowNumbers?.push(excelRow);
    this.lastRow = excelRow;
  }

  result(merges: SheetData['merges']): SheetData {
    const data: SheetData = { sheet: this.sheet, rows: this.rows, merges };
    if (this.rowNumbers !== undefined) data.rowNumbers = this.rowNumbers;
    if (this.numberCells !== undefined) data.numberCells = this.numberCells;
    return data;
  }
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

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
