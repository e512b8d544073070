// The one layout of every 花名册 (detail export): the household list, the person list and each thematic
// ledger. A title row "{地区}{名称}花名册", a 导出时间 row, the header (repeated on every printed page),
// then one bordered row per record; A4 landscape fitted to the page width. Cells are typed by the field:
// 证件号码 and 户编号 text cells (so Excel keeps the 18th digit and leading zeros), dates real date cells,
// code-table values as their labels. Strings are inline strings: nothing typed can become a formula.
import { CODE_TABLES, codeLabel, MULTI_SEPARATOR } from '../../../shared/code-tables/index.ts';
import { maskIdNumber, maskPhone } from '../../../shared/mask.ts';
import {
  createWorkbookWriter,
  dateCell,
  safeSheetName,
  textCell,
  type CellStyle,
  type CellValue,
  type SheetWriter,
} from '../xlsx-write/index.ts';

/** Rows written between pauses: a county-wide export must not hold the thread that answers the UI. */
export const EXPORT_CHUNK = 2000;

/** What a column holds, which decides its cell type and width. */
export type RosterKind =
  'text' | 'int' | 'decimal' | 'date' | 'year' | 'code' | 'codes' | 'bool' | 'id-number' | 'phone';

export interface RosterColumn {
  header: string;
  kind: RosterKind;
  codeTable?: string;
}

const HEADER: CellStyle = Object.freeze({
  bold: true,
  fill: 'FFD9D9D9',
  border: 'thin',
  align: 'center',
  valign: 'center',
  wrap: true,
});
const BORDER: CellStyle = Object.freeze({ border: 'thin' });

/** Characters wide: an 18-digit ID needs 20 in 宋体 11; a date 11; a label up to its header. */
export function columnWidth(c: RosterColumn): number {
  const header = Math.min(30, Math.max(6, [...c.header].length * 2 + 2));
  switch (c.kind) {
    case 'id-number':
      return Math.max(header, 21);
    case 'phone':
      return Math.max(header, 14);
    case 'date':
      return Math.max(header, 12);
    case 'text':
      return Math.max(header, 12);
    default:
      return header;
  }
}

/** One stored value as its cell; `masked` hides IDs and phones (shared/mask.ts). */
export function rosterCell(c: RosterColumn, v: unknown, masked: boolean): CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (c.kind) {
    case 'bool':
      return v === 1 || v === '1' ? '是' : '否';
    case 'code':
    case 'codes': {
      const table = c.codeTable ? CODE_TABLES[c.codeTable as keyof typeof CODE_TABLES] : undefined;
      return textCell(
        String(v)
          .split(MULTI_SEPARATOR)
          .map((code) => (table ? codeLabel(table, code) : code))
          .join('、'),
      );
    }
    case 'date':
      return dateCell(String(v));
    case 'int':
    case 'year':
    case 'decimal':
      return typeof v === 'number' ? v : textCell(String(v));
    case 'id-number':
      return textCell(masked ? maskIdNumber(String(v)) : String(v));
    case 'phone':
      return textCell(masked ? maskPhone(String(v)) : String(v));
    default:
      return textCell(String(v));
  }
}

/** '2026-12-06 12:30', the clerk's local time. */
export function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface RosterLayout {
  /** The title row, e.g. 城关镇户花名册. */
  title: string;
  sheetName: string;
  columns: readonly RosterColumn[];
  exportedAt: Date;
  /** A short line after 导出时间 (the filters, 已脱敏). */
  note?: string;
}

const IDEOGRAPHIC_SPACE = '\u3000';

/** Rows above the first data row: title, 导出时间, header. */
export const ROSTER_HEAD_ROWS = 3;

/**
 * Writes the workbook: `fill` adds the data rows through `add` (cells in column order) and may await
 * between chunks. The file appears only when complete.
 */
export async function writeRoster(
  path: string,
  layout: RosterLayout,
  fill: (add: (cells: readonly CellValue[]) => void) => Promise<void>,
): Promise<number> {
  const headers = ['序号', ...layout.columns.map((c) => c.header)];
  const book = createWorkbookWriter(path);
  let n = 0;
  try {
    const last = headers.length - 1;
    const sheet: SheetWriter = book.addSheet({
      name: safeSheetName(layout.sheetName),
      freeze: { rows: ROSTER_HEAD_ROWS },
      columns: [{ width: 6 }, ...layout.columns.map((c) => ({ width: columnWidth(c) }))],
      merges: [
        { from: { row: 0, col: 0 }, to: { row: 0, col: last } },
        { from: { row: 1, col: 0 }, to: { row: 1, col: last } },
      ],
      printTitleRows: { from: ROSTER_HEAD_ROWS - 1, to: ROSTER_HEAD_ROWS - 1 },
      landscape: true,
      fitToWidth: true,
    });
    sheet.addRow([textCell(layout.title, { bold: true, fontSize: 16, align: 'center' })], { height: 28 });
    sheet.addRow([
      textCell(
        `导出时间：${localStamp(layout.exportedAt)}${layout.note ? `${IDEOGRAPHIC_SPACE}${layout.note}` : ''}`,
      ),
    ]);
    sheet.addRow(
      headers.map((h) => textCell(h, HEADER)),
      { height: 30 },
    );
    await fill((cells) => {
      n += 1;
      sheet.addRow([n, ...cells], { style: BORDER });
    });
    sheet.end();
    await book.close();
  } catch (e) {
    await book.abort();
    throw e;
  }
  return n;
}

/** Awaits a turn of the event loop between chunks of `ids`, calling `each` per chunk. */
export async function inChunks<T>(ids: readonly T[], each: (part: readonly T[]) => void): Promise<void> {
  for (let start = 0; start < ids.length; start += EXPORT_CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    each(ids.slice(start, start + EXPORT_CHUNK));
  }
}
