// After the header: give every member row its household's values (village rosters merge the household
// columns down over the member rows, so only the first member row holds them), and sort the rows into
// data and the rest (blank, 合计/小计, signature footer, a header repeated for printing). Every row that
// is left out is listed with its Excel row number, so the clerk can see nothing was silently dropped.
import { excelRowNumber, sheetRowToIndex } from './cell-address.ts';
import { isNumberingRow, isUnitsRow, type HeaderLocation } from './locate-header.ts';
import type { SheetData } from './types.ts';

export type SkipReason = '空行' | '合计行' | '小计行' | '表尾签字行' | '重复表头';

export interface DataRow {
  /** Excel row number (1-based), for messages like 「第 8 行 H 列」. */
  row: number;
  /** Index into SheetData.rows. */
  index: number;
  /** Cell text with vertically merged values filled down; the reader's array when nothing was filled. */
  cells: string[];
  /** Columns whose cell the file stored as a number (SheetData.numberCells), when any. */
  numbers?: readonly number[];
}

export interface SkippedRow {
  row: number;
  reason: SkipReason;
}

export interface ClassifiedRows {
  rows: DataRow[];
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
 * Fills vertically merged cells of the data area down to every row of the merge. Only the merge's first
 * column is filled: a horizontal merge joins columns for layout and must not copy a value into a
 * neighbouring field.
 */
export function fillMergedDown(
  data: SheetData,
  dataStart: number,
): { rows: Map<number, string[]>; filledCells: number; numbers: Map<number, number[]> } {
  const filled = new Map<number, string[]>();
  /** Row index → columns filled from a number cell (a 户编号 stored as a number stays one when filled). */
  const numbers = new Map<number, number[]>();
  let filledCells = 0;
  const lastSheetRow = data.rows.length === 0 ? -1 : excelRowNumber(data, data.rows.length - 1) - 1;
  for (const m of data.merges) {
    if (m.e.r === m.s.r) continue;
    const top = sheetRowToIndex(data, m.s.r);
    if (top < dataStart) continue;
    const value = data.rows[top]?.[m.s.c] ?? '';
    if (value === '') continue;
    const fromNumber = data.numberCells?.[top]?.includes(m.s.c) === true;
    const last = Math.min(m.e.r, lastSheetRow);
    for (let r = m.s.r + 1; r <= last; r++) {
      const index = sheetRowToIndex(data, r);
      if (index < 0) continue;
      let cells = filled.get(index);
      if (cells === undefined) {
        cells = [...(data.rows[index] ?? [])];
        filled.set(index, cells);
      }
      while (cells.length < m.s.c) cells.push('');
      if ((cells[m.s.c] ?? '') === '') {
        cells[m.s.c] = value;
        filledCells++;
        if (fromNumber) {
          const own = numbers.get(index) ?? [...(data.numberCells?.[index] ?? [])];
          own.push(m.s.c);
          own.sort((a, b) => a - b);
          numbers.set(index, own);
        }
      }
    }
  }
  return { rows: filled, filledCells, numbers };
}

export function fillAndClassify(data: SheetData, header: HeaderLocation): ClassifiedRows {
  const { rows: filledRows, filledCells, numbers: filledNumbers } = fillMergedDown(data, header.dataStart);
  // Repeated headers are printed copies, so the trimmed text is compared as is (cheap at 400k rows).
  const headerTexts = header.headerRows.map((r) => (data.rows[r] ?? []).map((cell) => cell.trim()));
  const title = header.title === null ? null : clean(header.title);
  const out: DataRow[] = [];
  const skipped: SkippedRow[] = [];
  const same = new Array<number>(headerTexts.length);
  let afterFooter = false;

  for (let index = header.dataStart; index < data.rows.length; index++) {
    // Classified on the row as written: a member row inside a household merge that has nothing of its
    // own is still a blank row.
    const own = data.rows[index] ?? [];
    const row = excelRowNumber(data, index);
    let nonEmpty = 0;
    const first: string[] = [];
    same.fill(0);
    for (let c = 0; c < own.length; c++) {
      const text = (own[c] ?? '').trim();
      if (text === '') continue;
      nonEmpty++;
      if (first.length < 3) first.push(clean(text));
      for (let h = 0; h < headerTexts.length; h++)
        if (headerTexts[h]?.[c] === text) same[h] = (same[h] ?? 0) + 1;
    }

    let reason: SkipReason | null = null;
    if (nonEmpty === 0) reason = '空行';
    else if (isRepeatedHeader(own, nonEmpty, first, same, title)) reason = '重复表头';
    // Both patterns hold 计: most rows are ruled out without running them (400,000 rows).
    else if (first.some((t) => t.length <= 16 && t.includes('计') && SUBTOTAL.test(t))) reason = '小计行';
    else if (first.some((t) => t.length <= 16 && t.includes('计') && TOTAL.test(t))) reason = '合计行';
    else if (isFooter(first[0] ?? '') || (afterFooter && nonEmpty <= 2)) reason = '表尾签字行';

    if (reason === '表尾签字行') afterFooter = true;
    if (reason !== null) skipped.push({ row, reason });
    else {
      const numbers = filledNumbers.get(index) ?? data.numberCells?.[index];
      const cells = filledRows.get(index) ?? own;
      out.push(numbers === undefined ? { row, index, cells } : { row, index, cells, numbers });
    }
  }
  return { rows: out, skipped, filledCells };
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
  cells: readonly string[],
  nonEmpty: number,
  first: readonly string[],
  sameAsHeaderRow: readonly number[],
  title: string | null,
): boolean {
  if (nonEmpty === 1 && title !== null && first[0] === title) return true;
  if (sameAsHeaderRow.some((n) => n >= 2 && n >= nonEmpty * 0.6)) return true;
  if ((first[0] === '1' || first[0] === '甲') && isNumberingRow(cells)) return true;
  return isUnitsRow(cells);
}
