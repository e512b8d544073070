// After the header: give every member row its household's values (village rosters merge the household
// columns down over the member rows, so only the first member row holds them), and sort the rows into
// data and the rest (blank, 合计/小计, signature footer, a header repeated for printing). Every row that
// is left out is listed with its Excel row number, so the clerk can see nothing was silently dropped.
import { boundedMemo } from '../bounded-memo.ts';
import { TableRows } from '../table-rows.ts';
import { excelRowNumber, sheetRowToIndex } from './cell-address.ts';
import { isNumberingRow, isUnitsCell, isUnitsRow, type HeaderLocation } from './locate-header.ts';
import type { ColumnView } from './sheet-rows.ts';
import type { SheetData } from './types.ts';

export type SkipReason = '空行' | '合计行' | '小计行' | '表尾签字行' | '重复表头';

export interface SkippedRow {
  row: number;
  reason: SkipReason;
}

export interface ClassifiedRows {
  /** The data rows (merged values filled down), read where the reader stored them. */
  table: TableRows;
  skipped: SkippedRow[];
  /** Cells that received a value from a vertical merge above them. */
  filledCells: number;
}

const TOTAL = /^(?:合计|总计|共计|累计)|(?:合计|总计)[:：]?$/;
const SUBTOTAL = /^小计|小计[:：]?$/;
/** Labels of the signature block under a table: 填表人：, 审核人：, 联系电话：, 村支书签字：, 注：… */
const FOOTER_LABEL =
  /^(?:填表人|填报人|制表人|统计人|审核人|审批人|复核人|核对人|负责人|单位负责人|主要负责人|分管领导|主要领导|村支书|村书记|村主任|村委会主任|经办人|联系人|联系电话|电话|填报日期|填表日期|制表日期|报送日期|统计日期|日期|说明|注|备注)(?:签字|签名|签章)?(?:[:：(（].*)?$/;
const SIGNATURE = /(?:签字|签名|签章|盖章)[)）]?(?:[:：].*)?$/;

const clean = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/**
 * Fills vertically merged cells of the data area down to every row of the merge, in the sheet's rows
 * themselves; returns how many cells it filled. Only the merge's first column is filled: a horizontal
 * merge joins columns for layout and must not copy a value into a neighbouring field. A value the file
 * stored as a number stays one where it is filled (a 户编号 typed as a number).
 */
export function fillMergedDown(data: SheetData, dataStart: number): number {
  const rows = data.rows;
  let filledCells = 0;
  const lastSheetRow = rows.length === 0 ? -1 : excelRowNumber(data, rows.length - 1) - 1;
  for (const m of data.merges) {
    if (m.e.r === m.s.r) continue;
    const top = sheetRowToIndex(data, m.s.r);
    if (top < dataStart) continue;
    const value = rows.cell(top, m.s.c);
    if (value === '') continue;
    const fromNumber = rows.isNumber(top, m.s.c);
    const last = Math.min(m.e.r, lastSheetRow);
    for (let r = m.s.r + 1; r <= last; r++) {
      const index = sheetRowToIndex(data, r);
      if (index < 0 || rows.cell(index, m.s.c) !== '') continue;
      rows.set(index, m.s.c, value, fromNumber);
      filledCells++;
    }
  }
  return filledCells;
}

/**
 * Sorts the rows after the header into data and the rest, then fills merged values down. The rows are
 * classified as written (a member row inside a household merge that has nothing of its own is still a
 * blank row), so the sheet's rows are filled only afterwards: `data` is the import's from then on.
 */
export function fillAndClassify(data: SheetData, header: HeaderLocation): ClassifiedRows {
  const rows = data.rows;
  // Repeated headers are printed copies, so the trimmed text is compared as is (cheap at 400k rows).
  const headerTexts = header.headerRows.map((r) => rows.cells(r).map((cell) => cell.trim()));
  const title = header.title === null ? null : clean(header.title);
  const kept = new Int32Array(Math.max(0, rows.length - header.dataStart));
  const keptRows = new Int32Array(kept.length);
  let count = 0;
  const skipped: SkippedRow[] = [];
  const same = new Array<number>(headerTexts.length);
  const width = rows.width;
  const views = Array.from({ length: width }, (_, c) => rows.column(c));
  // A column's distinct texts trimmed once, not each of its 400,000 cells.
  const trimmed = views.map((v) => (v.codes === null ? null : v.texts.map((t) => t.trim())));
  // The first cell repeats down a column of few values (乡镇, 村): each such text is judged once.
  const isUnitsFirst = boundedMemo(isUnitsCell, 10_000);
  let afterFooter = false;

  for (let index = header.dataStart; index < rows.length; index++) {
    const row = excelRowNumber(data, index);
    let nonEmpty = 0;
    const first: string[] = [];
    same.fill(0);
    for (let c = 0; c < width; c++) {
      const view = views[c] as ColumnView;
      const codes = view.codes;
      const text =
        codes === null
          ? (view.texts[index] ?? '').trim()
          : ((trimmed[c] as string[])[codes[index] ?? 0] ?? '');
      if (text === '') continue;
      nonEmpty++;
      if (first.length < 3) first.push(clean(text));
      for (let h = 0; h < headerTexts.length; h++)
        if (headerTexts[h]?.[c] === text) same[h] = (same[h] ?? 0) + 1;
    }

    let reason: SkipReason | null = null;
    if (nonEmpty === 0) reason = '空行';
    else if (isRepeatedHeader(() => rows.cells(index), isUnitsFirst, nonEmpty, first, same, title))
      reason = '重复表头';
    // Both patterns hold 计: most rows are ruled out without running them (400,000 rows).
    else if (first.some((t) => t.length <= 16 && t.includes('计') && SUBTOTAL.test(t))) reason = '小计行';
    else if (first.some((t) => t.length <= 16 && t.includes('计') && TOTAL.test(t))) reason = '合计行';
    else if (isFooter(first[0] ?? '') || (afterFooter && nonEmpty <= 2)) reason = '表尾签字行';

    if (reason === '表尾签字行') afterFooter = true;
    if (reason !== null) skipped.push({ row, reason });
    else {
      kept[count] = index;
      keptRows[count++] = row;
    }
  }
  const filledCells = fillMergedDown(data, header.dataStart);
  return {
    table: TableRows.of(rows, kept.subarray(0, count), keptRows.subarray(0, count)),
    skipped,
    filledCells,
  };
}

function isFooter(first: string): boolean {
  // Every label starts with a Chinese character and every signature word holds 签 or 盖.
  return (
    (first.charCodeAt(0) >= 0x4e00 && FOOTER_LABEL.test(first)) ||
    ((first.includes('签') || first.includes('盖')) && SIGNATURE.test(first))
  );
}

/** The header (or the title, units or column-number row) printed again on a later page. */
function isRepeatedHeader(
  cellsOf: () => readonly string[],
  isUnitsFirst: (first: string) => boolean,
  nonEmpty: number,
  first: readonly string[],
  sameAsHeaderRow: readonly number[],
  title: string | null,
): boolean {
  if (nonEmpty === 1 && title !== null && first[0] === title) return true;
  if (sameAsHeaderRow.some((n) => n >= 2 && n >= nonEmpty * 0.6)) return true;
  if ((first[0] === '1' || first[0] === '甲') && isNumberingRow(cellsOf())) return true;
  // A units row's first non-empty cell is a unit: a data row is told by that cell alone, without
  // gathering its cells into an array (400,000 rows). `first` holds the cells without white space,
  // which isUnitsCell removes anyway.
  return isUnitsFirst(first[0] ?? '') && isUnitsRow(cellsOf());
}
