// The 错误报告 workbook handed back to a clerk after a failed or partly failed import: the source rows
// as they were, each with its source row number and what is wrong with it (【错误】), or why it is held
// back though it has no error itself (【未导入】, e.g. its 户主's row is wrong), the bad cells in light red.
// The clerk fixes the rows in this file (or in the original, found by 原行号) and imports again.
import { columnIndex, createWorkbookWriter, safeSheetName } from './index.ts';
import type { CellStyle, CellValue } from './index.ts';

export interface ErrorReportInput {
  sheetName: string;
  /** The header row(s) as in the source, top to bottom. */
  headerRows: string[][];
  rows: Array<{ row: number /* source Excel row number */; cells: string[] }>;
  issues: Array<{
    row: number;
    column: string | null /* 'H' */;
    message: string;
    level: 'error' | 'warning';
  }>;
  /** Valid rows not imported because of another row (their household's 户主) or the whole sheet. */
  held?: Array<{ row: number; reason: string }>;
  title?: string | null;
}

export interface ErrorReportResult {
  /** Data rows written: the source rows, plus one for each issue row number that is not among them. */
  rows: number;
  /** Data rows with at least one 【错误】 (rows with only 【提示】 are marked but not counted). */
  errorRows: number;
  /** Data rows marked 【未导入】: valid, but held back with their household. */
  heldRows: number;
}

const ROW_NO_HEADER = '原行号';
const MESSAGE_HEADER = '错误说明';
const MAX_WIDTH = 40;
const MIN_WIDTH = 6;

const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, align: 'center', valign: 'center' };
const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: 'FFD9D9D9',
  border: 'thin',
  align: 'center',
  valign: 'center',
  wrap: true,
};
// Every source cell is text, as it was read: '0012' and 18-digit ID numbers keep their digits.
const DATA_ROW_STYLE: CellStyle = { numFmt: '@' };
const BAD_CELL_STYLE: CellStyle = { fill: 'FFFFC7CE' };
const ROW_NO_STYLE: CellStyle = { numFmt: 'General', align: 'center' };
const MESSAGE_STYLE: CellStyle = { fontColor: 'FFFF0000' };

interface RowIssues {
  errors: string[];
  held: string[];
  warnings: string[];
  /** 0-based source columns named by an issue. */
  columns: Set<number>;
}

/** Rough on-screen width in Excel character units: CJK and full-width characters take two. */
function displayWidth(s: string, atLeast: number): number {
  // Cheap exit for the common case: the text cannot widen the column.
  if (s.length * 2 <= atLeast) return 0;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x2e80 ? 2 : 1;
    if (w >= MAX_WIDTH) break;
  }
  return w;
}

function messageText(issues: RowIssues): string {
  const unique = (list: string[]): string[] => [...new Set(list)];
  return [
    ...unique(issues.errors).map((m) => `【错误】${m}`),
    ...unique(issues.held).map((m) => `【未导入】${m}`),
    ...unique(issues.warnings).map((m) => `【提示】${m}`),
  ].join('；');
}

/**
 * Writes the error report to `filePath` (replacing any file there once it is complete). Issues on a
 * row that is not among `rows` (a header row, a skipped blank row) still appear, on a row of their own
 * with that row number; issues for the whole file (row 0 or less) appear on a row first.
 */
export async function writeErrorReport(
  filePath: string,
  input: ErrorReportInput,
): Promise<ErrorReportResult> {
  const byRow = new Map<number, RowIssues>();
  const entryOf = (row: number): RowIssues => {
    const key = Number.isInteger(row) && row > 0 ? row : 0;
    let entry = byRow.get(key);
    if (entry === undefined) {
      entry = { errors: [], held: [], warnings: [], columns: new Set() };
      byRow.set(key, entry);
    }
    return entry;
  };
  for (const h of input.held ?? []) entryOf(h.row).held.push(h.reason);
  for (const issue of input.issues) {
    const entry = entryOf(issue.row);
    (issue.level === 'error' ? entry.errors : entry.warnings).push(issue.message);
    const col = issue.column === null ? -1 : columnIndex(issue.column);
    if (col >= 0) entry.columns.add(col);
  }

  // Source order; issue rows without a source row are slotted in where they belong.
  let rows: Array<{ row: number; cells: readonly string[] }> = input.rows;
  if (!rows.every((r, i) => i === 0 || (rows[i - 1]?.row ?? 0) <= r.row)) {
    rows = [...rows].sort((a, b) => a.row - b.row);
  }
  const present = new Set(rows.map((r) => r.row));
  const missing = [...byRow.keys()].filter((row) => !present.has(row)).sort((a, b) => a - b);
  if (missing.length > 0) {
    const merged: Array<{ row: number; cells: readonly string[] }> = [];
    let m = 0;
    for (const r of rows) {
      while (m < missing.length && (missing[m] ?? 0) < r.row)
        merged.push({ row: missing[m++] ?? 0, cells: [] });
      merged.push(r);
    }
    while (m < missing.length) merged.push({ row: missing[m++] ?? 0, cells: [] });
    rows = merged;
  }

  let sourceColumns = 0;
  for (const h of input.headerRows) sourceColumns = Math.max(sourceColumns, h.length);
  for (const r of rows) sourceColumns = Math.max(sourceColumns, r.cells.length);
  const rowNoColumn = sourceColumns;
  const messageColumn = sourceColumns + 1;
  const totalColumns = sourceColumns + 2;

  const headerRows: string[][] = input.headerRows.length > 0 ? input.headerRows : [[]];
  const messages = new Map<number, string>();
  for (const [row, issues] of byRow) messages.set(row, messageText(issues));

  const widths = new Array<number>(totalColumns).fill(MIN_WIDTH);
  const widen = (col: number, text: string | undefined): void => {
    if (text === undefined || text === null) return;
    const current = widths[col] ?? MIN_WIDTH;
    const w = displayWidth(text, current - 2) + 2;
    if (w > current) widths[col] = Math.min(MAX_WIDTH, w);
  };
  for (const h of headerRows) h.forEach((text, c) => widen(c, text));
  widen(rowNoColumn, ROW_NO_HEADER);
  widen(messageColumn, MESSAGE_HEADER);
  for (const r of rows) {
    for (let c = 0; c < r.cells.length; c++) widen(c, r.cells[c]);
    widen(rowNoColumn, String(r.row));
    widen(messageColumn, messages.get(r.row));
  }

  const title = input.title?.trim() ?? '';
  const titleRows = title === '' ? 0 : 1;
  const headerTop = titleRows;
  const headerBottom = titleRows + headerRows.length - 1;
  const merges: Array<{ from: { row: number; col: number }; to: { row: number; col: number } }> = [];
  if (titleRows > 0) merges.push({ from: { row: 0, col: 0 }, to: { row: 0, col: totalColumns - 1 } });
  if (headerRows.length > 1) {
    // The two added columns have no sub-headings: one label over the whole header block.
    for (const col of [rowNoColumn, messageColumn]) {
      merges.push({ from: { row: headerTop, col }, to: { row: headerBottom, col } });
    }
  }

  const writer = createWorkbookWriter(filePath);
  let errorRows = 0;
  let heldRows = 0;
  try {
    const sheet = writer.addSheet({
      name: safeSheetName(input.sheetName, '错误报告'),
      columns: widths.map((width) => ({ width })),
      merges,
      freeze: { rows: headerBottom + 1 },
      landscape: true,
      printTitleRows: { from: headerTop, to: headerBottom },
    });
    if (titleRows > 0) {
      const cells: CellValue[] = new Array<CellValue>(totalColumns).fill(null);
      cells[0] = title;
      sheet.addRow(cells, { height: 24, style: TITLE_STYLE });
    }
    headerRows.forEach((h, i) => {
      const cells: CellValue[] = new Array<CellValue>(totalColumns).fill('');
      for (let c = 0; c < h.length; c++) cells[c] = h[c] ?? '';
      if (i === 0) {
        cells[rowNoColumn] = ROW_NO_HEADER;
        cells[messageColumn] = MESSAGE_HEADER;
      }
      sheet.addRow(cells, { style: HEADER_STYLE });
    });
    // One array for every data row: addRow turns it into XML at once and keeps no reference.
    const cells: CellValue[] = new Array<CellValue>(totalColumns);
    for (const r of rows) {
      const issues = byRow.get(r.row);
      cells.fill(null);
      for (let c = 0; c < r.cells.length; c++) {
        const text = r.cells[c] ?? null;
        cells[c] = issues?.columns.has(c) === true ? { value: text, style: BAD_CELL_STYLE } : text;
      }
      if (issues !== undefined) {
        for (const c of issues.columns) {
          if (c < sourceColumns && r.cells[c] === undefined)
            cells[c] = { value: null, style: BAD_CELL_STYLE };
        }
        cells[messageColumn] = { value: messages.get(r.row) ?? '', style: MESSAGE_STYLE };
        if (issues.errors.length > 0) errorRows++;
        else if (issues.held.length > 0 && r.row > 0) heldRows++;
      }
      cells[rowNoColumn] = r.row > 0 ? { value: r.row, style: ROW_NO_STYLE } : null;
      sheet.addRow(cells, { style: DATA_ROW_STYLE });
    }
    sheet.end();
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { rows: rows.length, errorRows, heldRows };
}
