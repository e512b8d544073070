// The data rows of an import: the rows the sheet classification kept (fill-and-classify.ts), read where
// the reader stored them — the sheet's column store (read/sheet-rows.ts), about 50 MB for a 400,000-row,
// 30-column roster — so the table costs only a row index and an Excel row number per data row. It stays
// in memory for the whole import (re-checks after a change of 列对应, the 错误报告). Nothing here
// changes a cell.
import { SheetRows, type ColumnView } from './read/sheet-rows.ts';

/** A row given as its cells (tests, small tables): Excel row number, cell texts, the number columns. */
export interface SourceRow {
  row: number;
  cells: readonly string[];
  numbers?: readonly number[] | undefined;
}

export class TableRows {
  readonly length: number;
  private readonly sheet: SheetRows;
  /** Index into `sheet` of each data row. */
  private readonly indexes: Int32Array;
  private readonly rowNumbers: Int32Array;

  private constructor(sheet: SheetRows, indexes: Int32Array, rowNumbers: Int32Array) {
    this.length = indexes.length;
    this.sheet = sheet;
    this.indexes = indexes;
    this.rowNumbers = rowNumbers;
  }

  /** Rows `indexes` of `sheet`, with their Excel row numbers. */
  static of(sheet: SheetRows, indexes: Int32Array, rowNumbers: Int32Array): TableRows {
    return new TableRows(sheet, indexes, rowNumbers);
  }

  /** A table of the given rows (tests and small tables). */
  static from(rows: readonly SourceRow[]): TableRows {
    const sheet = SheetRows.of(
      rows.map((r) => r.cells),
      rows.map((r) => r.numbers),
    );
    return new TableRows(
      sheet,
      Int32Array.from(rows, (_, i) => i),
      Int32Array.from(rows, (r) => r.row),
    );
  }

  /** The Excel row number (1-based) of data row `i`. */
  row(i: number): number {
    return this.rowNumbers[i] ?? 0;
  }

  /** Where data row `i` is in the sheet's rows: what `column(c)` is indexed by. */
  index(i: number): number {
    return this.indexes[i] ?? -1;
  }

  /** Column `c`'s storage, for loops over every row (parse-rows.ts); read it at `index(i)`. */
  column(c: number): ColumnView {
    return this.sheet.column(c);
  }

  /** The text of column `c` (0-based) in data row `i`; '' for an empty or missing cell. */
  cell(i: number, c: number): string {
    return this.sheet.cell(this.indexes[i] ?? -1, c);
  }

  /** Whether the file stored that cell as a number. */
  isNumber(i: number, c: number): boolean {
    return this.sheet.isNumber(this.indexes[i] ?? -1, c);
  }

  /** Row `i`'s cells as an array, trailing empty cells left out (as the readers give them). */
  cells(i: number): string[] {
    return this.sheet.cells(this.indexes[i] ?? -1);
  }

  /** Every data row's Excel row number, in sheet order. */
  allRowNumbers(): number[] {
    return Array.from(this.rowNumbers);
  }
}
