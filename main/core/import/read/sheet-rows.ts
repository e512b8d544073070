// A sheet's rows as the readers collect them, stored by column from the first row on: each column a
// dictionary of its distinct texts and one small integer per row (a column of mostly distinct texts,
// such as 姓名 or 证件号码, as its texts). A county roster repeats the same few values down most columns
// (汉族, 健康, 是, the village), so a 400,000-row, 30-column sheet takes about 50 MB here. Reading into
// one array of strings per row took ~200 MB that lived through the whole read and was then encoded
// again (0.5 s of building, and the largest full garbage collections of the import reclaiming it).
// An .xlsx reader stores a shared-string cell as its index (a number) and replaces the indexes with
// their texts once the shared strings are read (resolveShared): each distinct index is looked up once.

/** A cell while reading: its text, or a shared string's index until resolveShared. */
export type SheetCell = string | number;

type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * One column's storage, for loops over many rows (the import's classification and parse): with
 * `codes`, row k reads texts[codes[k]]; without, texts[k]. Read only; valid until the next change.
 */
export interface ColumnView {
  readonly codes: Codes | null;
  readonly texts: readonly string[];
  readonly numbers: Uint8Array | null;
}

const NO_COLUMN: ColumnView = { codes: null, texts: [], numbers: null };

/** Row k's text in a column view ('' for an empty or missing cell). */
export const textIn = (view: ColumnView, k: number): string =>
  (view.codes === null ? view.texts[k] : view.texts[view.codes[k] ?? 0]) ?? '';

interface Column {
  /**
   * With `codes`: the distinct values of the column, code 0 the empty cell (several codes may read
   * the same once shared strings are resolved). Without (a column of mostly distinct texts): the cell
   * values themselves, one per row.
   */
  texts: SheetCell[];
  codes: Codes | null;
  /** Code of each value while building (and for fill-down, rebuilt when needed); null otherwise. */
  codeOf: Map<SheetCell, number> | null;
  /** 1 where the file stored the cell as a number; null while no cell of the column is one. */
  numbers: Uint8Array | null;
  /** A household's rows repeat its values one under the other: the row above often has the code. */
  above: SheetCell;
  aboveCode: number;
}

/** Rows looked at to tell a column of mostly distinct texts, which is kept as it is (no dictionary). */
const SAMPLE_ROWS = 2000;
const FIRST_CAPACITY = 1024;

/** The largest code `codes` can hold. */
const maxCode = (codes: Codes): number => 2 ** (8 * codes.BYTES_PER_ELEMENT) - 1;

/** `codes` copied into an array of `capacity` entries, one step wider (1 → 2 → 4 bytes) when `wider`. */
function regrow(codes: Codes, capacity: number, wider: boolean): Codes {
  const bytes = codes.BYTES_PER_ELEMENT * (wider ? 2 : 1);
  const out =
    bytes === 1
      ? new Uint8Array(capacity)
      : bytes === 2
        ? new Uint16Array(capacity)
        : new Uint32Array(capacity);
  out.set(codes);
  return out;
}

/** The building map of a sealed column, made again (fill-down after reading). */
function codeMap(column: Column): Map<SheetCell, number> {
  const codeOf = new Map<SheetCell, number>();
  column.texts.forEach((t, k) => {
    if (!codeOf.has(t)) codeOf.set(t, k);
  });
  column.codeOf = codeOf;
  return codeOf;
}

export class SheetRows {
  private count = 0;
  private capacity = FIRST_CAPACITY;
  private readonly columns: Column[] = [];

  /** Rows given as arrays (small sheets, tests): `numberCells[i]` lists the number columns of row i. */
  static of(
    rows: readonly (readonly string[])[],
    numberCells?: ReadonlyArray<readonly number[] | undefined>,
  ): SheetRows {
    const out = new SheetRows();
    rows.forEach((cells, i) => out.append(cells, cells.length, numberCells?.[i] ?? null));
    return out;
  }

  get length(): number {
    return this.count;
  }

  /** Columns of the widest row. */
  get width(): number {
    return this.columns.length;
  }

  /**
   * Adds a row: its first `n` cells (the rest read as empty) and the columns of its number cells
   * (ascending, or null). Nothing of the arrays is kept: a reader may reuse them.
   */
  append(cells: readonly SheetCell[], n: number, numberColumns: readonly number[] | null): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
    while (this.columns.length < n) this.columns.push(this.newColumn());
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c] as Column;
      const cell = c < n ? (cells[c] ?? '') : '';
      const codes = column.codes;
      if (codes === null) {
        column.texts.push(cell);
        continue;
      }
      // A fresh typed array holds 0 (the empty cell) already.
      if (cell === '') continue;
      if (cell === column.above) {
        codes[i] = column.aboveCode;
        continue;
      }
      const code = this.codeIn(column, cell);
      // codeIn may have widened the column's array: `codes` can be the old one.
      (column.codes as Codes)[i] = code;
      column.above = cell;
      column.aboveCode = code;
    }
    if (numberColumns !== null)
      for (const c of numberColumns) {
        const column = this.columns[c];
        if (column !== undefined) (column.numbers ??= new Uint8Array(this.capacity))[i] = 1;
      }
    this.count = i + 1;
    if (this.count === SAMPLE_ROWS) this.keepDistinctColumnsAsTexts();
  }

  /** Column `c`'s storage (see ColumnView); an empty column past the widest row. */
  column(c: number): ColumnView {
    return (this.columns[c] as ColumnView | undefined) ?? NO_COLUMN;
  }

  /** The text of column `c` (0-based) in row `i`; '' for an empty or missing cell. */
  cell(i: number, c: number): string {
    const column = this.columns[c];
    if (column === undefined || i >= this.count) return '';
    const codes = column.codes;
    return ((codes === null ? column.texts[i] : column.texts[codes[i] ?? 0]) ?? '') as string;
  }

  /** Whether the file stored that cell as a number. */
  isNumber(i: number, c: number): boolean {
    return this.columns[c]?.numbers?.[i] === 1;
  }

  /** Row `i`'s cells as an array, trailing empty cells left out (as the readers used to give them). */
  cells(i: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.columns.length; c++) out.push(this.cell(i, c));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** The columns of row `i` the file stored as numbers, ascending; undefined when none. */
  numberColumns(i: number): number[] | undefined {
    const out: number[] = [];
    for (let c = 0; c < this.columns.length; c++) if (this.isNumber(i, c)) out.push(c);
    return out.length > 0 ? out : undefined;
  }

  /** Every row as an array (tests and small sheets; an import reads cells where they are). */
  toArrays(): string[][] {
    return Array.from({ length: this.count }, (_, i) => this.cells(i));
  }

  /** Puts `text` into a cell (fill-down of a merged range). */
  set(i: number, c: number, text: string, isNumber: boolean): void {
    while (this.columns.length <= c) this.columns.push(this.newColumn());
    const column = this.columns[c] as Column;
    if (column.codes === null) column.texts[i] = text;
    else {
      const code = this.codeIn(column, text);
      (column.codes as Codes)[i] = code;
    }
    if (isNumber) (column.numbers ??= new Uint8Array(this.capacity))[i] = 1;
    else if (column.numbers !== null) column.numbers[i] = 0;
  }

  /**
   * Replaces each shared-string index with its text (a missing item reads as empty). `tooLong` is
   * called with the first row and column holding a text over `maxChars`, and must throw.
   */
  resolveShared(
    strings: readonly (string | undefined)[],
    maxChars: number,
    tooLong: (row: number, column: number, length: number) => never,
  ): void {
    this.columns.forEach((column, c) => {
      const { texts, codes } = column;
      for (let k = 0; k < texts.length; k++) {
        const value = texts[k];
        if (typeof value !== 'number') continue;
        const text = strings[value] ?? '';
        if (text.length > maxChars)
          tooLong(codes === null ? k : Math.max(0, codes.indexOf(k)), c, text.length);
        texts[k] = text;
      }
      column.codeOf = null;
      column.above = '';
      column.aboveCode = 0;
    });
  }

  /** Drops the empty rows at the end (shared strings that turned out empty); returns how many. */
  dropTrailingEmpty(): number {
    let dropped = 0;
    while (this.count > 0 && this.isEmptyRow(this.count - 1)) {
      const i = this.count - 1;
      for (const column of this.columns) {
        if (column.codes === null) column.texts.length = i;
        else column.codes[i] = 0;
        if (column.numbers !== null) column.numbers[i] = 0;
      }
      this.count = i;
      dropped++;
    }
    return dropped;
  }

  /** Reading is over: the building maps go (made again if a cell is filled in afterwards). */
  seal(): void {
    // Kept for the whole import: each array exactly as long as the rows (growing left up to half again).
    this.capacity = this.count;
    for (const column of this.columns) {
      column.codeOf = null;
      if (column.codes === null) column.texts = column.texts.slice(0, this.count);
      else column.codes = column.codes.slice(0, this.count);
      if (column.numbers !== null) column.numbers = column.numbers.slice(0, this.count);
    }
  }

  private isEmptyRow(i: number): boolean {
    for (let c = 0; c < this.columns.length; c++) if (this.cell(i, c) !== '') return false;
    return true;
  }

  private newColumn(): Column {
    // Rows before a new column read as empty: '' texts for a texts column, code 0 otherwise.
    const texts: SheetCell[] = [''];
    return {
      texts,
      codes: new Uint8Array(this.capacity),
      codeOf: new Map<SheetCell, number>([['', 0]]),
      numbers: null,
      above: '',
      aboveCode: 0,
    };
  }

  private codeIn(column: Column, cell: SheetCell): number {
    const codeOf = column.codeOf ?? codeMap(column);
    let code = codeOf.get(cell);
    if (code === undefined) {
      code = column.texts.length;
      column.texts.push(cell);
      codeOf.set(cell, code);
      const codes = column.codes as Codes;
      if (code > maxCode(codes)) column.codes = regrow(codes, this.capacity, true);
    }
    return code;
  }

  private grow(): void {
    this.capacity = Math.max(FIRST_CAPACITY, this.capacity * 2);
    for (const column of this.columns) {
      if (column.codes !== null) column.codes = regrow(column.codes, this.capacity, false);
      if (column.numbers !== null) {
        const numbers = new Uint8Array(this.capacity);
        numbers.set(column.numbers);
        column.numbers = numbers;
      }
    }
  }

  /** After the first rows: a column whose values are mostly different keeps its texts (a dictionary would only cost). */
  private keepDistinctColumnsAsTexts(): void {
    for (const column of this.columns) {
      if (column.codes === null || column.texts.length <= SAMPLE_ROWS / 2) continue;
      const { codes, texts } = column;
      column.texts = Array.from({ length: this.count }, (_, i) => texts[codes[i] ?? 0] ?? '');
      column.codes = null;
      column.codeOf = null;
    }
  }
}
