// Sheet data for tests that compare rows as arrays: fillAndClassify's data rows as plain objects (Excel
// row, cells, number columns) and each row's number columns. The import reads them where the reader stored them.
import { fillAndClassify, type SkippedRow } from '../../main/core/import/read/fill-and-classify.ts';
import type { HeaderLocation } from '../../main/core/import/read/locate-header.ts';
import type { SheetData } from '../../main/core/import/read/types.ts';

export interface DataRow {
  row: number;
  cells: string[];
  /** Columns the file stored as numbers, when any. */
  numbers?: number[];
}

export interface Classified {
  rows: DataRow[];
  skipped: SkippedRow[];
  filledCells: number;
}

export function classify(data: SheetData, header: HeaderLocation): Classified {
  const { table, skipped, filledCells } = fillAndClassify(data, header);
  const rows = Array.from({ length: table.length }, (_, i): DataRow => {
    const cells = table.cells(i);
    const numbers = cells.flatMap((_, c) => (table.isNumber(i, c) ? [c] : []));
    return numbers.length > 0 ? { row: table.row(i), cells, numbers } : { row: table.row(i), cells };
  });
  return { rows, skipped, filledCells };
}

/** The columns each row of `data` stored as numbers (undefined for a row without), as the readers used to list them. */
export const numberCellsOf = (data: SheetData): Array<number[] | undefined> =>
  Array.from({ length: data.rows.length }, (_, i) => data.rows.numberColumns(i));
