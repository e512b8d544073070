// The data rows of an import, stored by column: each column a dictionary of its distinct texts and one
// small integer per row. A county roster repeats the same few values down most columns (汉族, 健康, 是,
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
  /** Distinct texts of the column; code 0 is the empty cell. */
  texts: string[];
  codes: Codes;
  /** 1 where the file stored the cell as a number; null when no cell of the column is one. */
  numbers: Uint8Array | null;
}

/** The narrowest array that holds codes below `distinct`. */
function narrow(codes: Uint32Array, distinct: number): Codes {
  if (distinct <= 0xff) return Uint8Array.from(codes);
  if (distinct <= 0xffff) return Uint16Array.from(codes);
  return codes;
}

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
    const columns: Column[] = [];
    for (let c = 0; c < width; c++) {
      const texts = [''];
      const codeOf = new Map<string, number>([['', 0]]);
      const codes = new Uint32Array(count);
      let numbers: Uint8Array | null = null;
      for (let i = 0; i < count; i++) {
        const r = rowAt(i);
        const text = r.cells[c] ?? '';
        let code = codeOf.get(text);
        if (code === undefined) {
          code = texts.length;
          texts.push(text);
          codeOf.set(text, code);
        }
        codes[i] = code;
        if (r.numbers !== undefined && r.numbers.includes(c)) (numbers ??= new Uint8Array(count))[i] = 1;
      }
      columns.push({ texts, codes: narrow(codes, texts.length), numbers });
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
    return column === undefined ? '' : (column.texts[column.codes[i] ?? 0] ?? '');
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
