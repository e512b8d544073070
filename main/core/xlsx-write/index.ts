// A small streaming .xlsx writer for fixed-format reports and error-report workbooks: styled cells,
// merged headers, column widths, frozen panes and print titles, with memory flat in the row count.
// SheetJS (community edition) writes no styles and cannot write 400k rows within the heap; see
// zip-stream.ts for how the rows reach the disk.
//
// Limits: Excel's grid (1,048,576 rows × 16,384 columns, 32,767 characters a cell: longer text is cut),
// and no ZIP64, so no part may exceed 4 GB uncompressed (about 3 million rows of 30 columns — far past
// the grid). Strings are always inline strings: nothing a user typed can become a formula.
import type { CellStyle, CellValue } from './types.ts';

export type { CellStyle, CellValue, RowOptions, SheetOptions, SheetWriter, WorkbookWriter } from './types.ts';
export { createWorkbookWriter } from './workbook.ts';
export { columnIndex, columnLetter, safeSheetName } from './sheet-xml.ts';
export { ZipTooLargeError } from './zip-stream.ts';

const TEXT_STYLE: CellStyle = Object.freeze({ numFmt: '@' });

/**
 * A cell that is text and stays text when a user edits it in Excel: the '@' format stops Excel from
 * turning an 18-digit 身份证号 into 3.30522E+17 or dropping the leading zero of 户编号 '0012'.
 */
export function textCell(text: string, style?: CellStyle): CellValue {
  return { value: text, style: style === undefined ? TEXT_STYLE : { ...style, numFmt: '@' } };
}

const DATE_STYLE: CellStyle = Object.freeze({ numFmt: 'yyyy-mm-dd' });
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 once past its 1900 leap-year bug (serial 61 = 1900-03-01). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SAFE_DATE = Date.UTC(1900, 2, 1);

/**
 * An ISO date ('2024-03-05', as the ledger stores dates) as a real Excel date, so it sorts and
 * filters as a date. Anything that is not a valid date from 1900-03-01 on is written as the text it is.
 */
export function dateCell(isoDate: string, style?: CellStyle): CellValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && t >= FIRST_SAFE_DATE) {
      const value = (t - EXCEL_EPOCH) / MS_PER_DAY;
      return { value, style: style === undefined ? DATE_STYLE : { ...style, numFmt: 'yyyy-mm-dd' } };
    }
  }
  return style === undefined ? isoDate : { value: isoDate, style };
}
