// The data rows of an import, stored by column: each column a dictionary of its distinct texts and one
// small integer per row (a column of mostly distinct texts, such as 证件号码, as its texts). A county roster repeats the same few values down most columns (汉族, 健康, 是,
// the village), so a 400,000-row, 30-column sheet takes about 50 MB here instead of ~200 MB as one
// array of strings per row — and the table stays in memory for the whole import (re-checks after a
// change of 列对应, the 错误报告). Cells are read back by row and column; nothing here changes them.

/** A row as the readers give it: Excel row number, cell texts, the columns stored as numbers. */
export interface SourceRow {
  row: number;
  cells: readonly string[];
  numbers?: readonly number[] | undefined;
}

type Codes = Uint8Array | Uint16Array | Uint32Array;

interface Column {
  /**
   * With `codes`: the distinct texts of the column, code 0 the empty cell. Without (a column of mostly
   * distinct texts: 姓名, 证件号码, 电话): the cell texts themselves, one per row.
   */
  texts: string[];
  codes: Codes | null;
  /** 1 where the file stored the cell as a number; null when no cell of the column is one. */
  numbers: Uint8Array | null;
}

/** Rows looked at to tell a column of mostly distinct texts, which is kept as it is (no dictionary). */
const SAMPLE_ROWS = 2000;

/** The largest code `codes` can hold. */
const maxCode = (codes: Codes): number =>
  codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : 0xffffffff;

/** The same codes in an array one step wider. */
const widen = (codes: Codes): Codes =>
  codes instanceof Uint8Array ? Uint16Array.from(codes) : Uint32Array.from(codes);

export class TableRows {
  readonly length: number;
  private readonly rowNumbers: Int32Array;
  private readonly columns: Column[];

  private constructor(rowNumbers: Int32Array, columns: Column[]) {
    this.length = rowNumbers.length;
    this.rowNumbers = rowNumbers;
    this.columns = columns;
  }

  /**
   * Encodes `count` rows, `rowAt(i)` giving each; one column at a time, so only one column's dictionary
   * is being built at once.
   */
  static build(count: number, rowAt: (i: number) => SourceRow): TableRows {
    const rowNumbers = new Int32Array(count);
    let width = 0;
    for (let i = 0; i < count; i++) {
      const r = rowAt(i);
      rowNumbers[i] = r.row;
      if (r.cells.length > width) width = r.cells.length;
    }
    const flags = numberFlags(count, width, rowAt);
    const columns: Column[] = [];
    for (let c = 0; c < width; c++) {
      const numbers = flags[c] ?? null;
      if (mostlyDistinct(count, c, rowAt)) {
        const texts = new Array<string>(count);
        for (let i = 0; i < count; i++) texts[i] = rowAt(i).cells[c] ?? '';
        columns.push({ texts, codes: null, numbers });
        continue;
      }
      const texts = [''];
      const codeOf = new Map<string, number>([['', 0]]);
      // One byte per row until the column has more distinct texts: no four-byte array per column to
      // narrow afterwards (27 columns × 1.6 MB of garbage outside the heap at 400,000 rows).
      let codes: Codes = new Uint8Array(count);
      // A household's rows repeat its values one under the other: the row above often has the code.
      let above = '';
      let aboveCode = 0;
      for (let i = 0; i < count; i++) {
        const text = rowAt(i).cells[c] ?? '';
        if (text === above) {
          codes[i] = aboveCode;
          continue;
        }
        let code = codeOf.get(text);
        if (code === undefined) {
          code = texts.length;
          texts.push(text);
          codeOf.set(text, code);
          if (code > maxCode(codes)) codes = widen(codes);
        }
        codes[i] = code;
        above = text;
        aboveCode = code;
      }
      columns.push({ texts, codes, numbers });
    }
    return new TableRows(rowNumbers, columns);
  }

  static from(rows: readonly SourceRow[]): TableRows {
    return TableRows.build(rows.length, (i) => rows[i] as SourceRow);
  }

  /** The Excel row number (1-based) of data row `i`. */
  row(i: number): number {
    return this.rowNumbers[i] ?? 0;
  }

  /** The text of column `c` (0-based) in data row `i`; '' for an empty or missing cell. */
  cell(i: number, c: number): string {
    const column = this.columns[c];
    if (column === undefined) return '';
    return (column.codes === null ? column.texts[i] : column.texts[column.codes[i] ?? 0]) ?? '';
  }

  /**
   * The cell's code in its column's dictionary (equal codes, equal texts: a cache per column can be an
   * array), or -1 when the column is kept as its texts.
   */
  code(i: number, c: number): number {
    const codes = this.columns[c]?.codes;
    return codes === undefined ? 0 : codes === null ? -1 : (codes[i] ?? 0);
  }

  /** Whether the file stored that cell as a number (see SheetData.numberCells). */
  isNumber(i: number, c: number): boolean {
    return this.columns[c]?.numbers?.[i] === 1;
  }

  /** Row `i`'s cells as an array, trailing empty cells left out (as the readers give them). */
  cells(i: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.columns.length; c++) out.push(this.cell(i, c));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** Every data row's Excel row number, in sheet order. */
  allRowNumbers(): number[] {
    return Array.from(this.rowNumbers);
  }
}

/** Whether the first rows of column `c` are mostly different texts (a dictionary would only cost). */
function mostlyDistinct(count: number, c: number, rowAt: (i: number) => SourceRow): boolean {
  const n = Math.min(count, SAMPLE_ROWS);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(rowAt(i).cells[c] ?? '');
  return n >= 100 && seen.size > n / 2;
}

/** The number-cell marks of each column (none where the column has no number cell). */
function numberFlags(
  count: number,
  width: number,
  rowAt: (i: number) => SourceRow,
): Array<Uint8Array | undefined> {
  const flags = new Array<Uint8Array | undefined>(width);
  for (let i = 0; i < count; i++) {
    const numbers = rowAt(i).numbers;
    if (numbers === undefined) continue;
    for (const c of numbers) if (c < width) (flags[c] ??= new Uint8Array(count))[i] = 1;
  }
  return flags;
}
