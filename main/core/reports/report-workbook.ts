// A report result (run-report.ts) as the workbook the county asks for, ready to print and stamp: the
// merged title; 填报单位（盖章）/ 统计时间 / 单位; the header as merged multi-row cells exactly as
// `header` gives it, after 序号 and the row label column spanning all header rows; borders on every
// table cell; 合计 and 小计 bold on a light fill; numbers as numbers (rates as the JSON's one-decimal
// percentage under a （%） header); the notes; the 填表人 / 审核人 / 分管领导 / 联系电话 / 填报日期 line.
// Frozen below the header and right of the labels; A4 landscape, one page wide, the header rows
// repeated on every printed page. Every text is an inline string: no cell is ever a formula.
import {
  createWorkbookWriter,
  safeSheetName,
  textCell,
  type CellStyle,
  type CellValue,
  type SheetOptions,
} from '../xlsx-write/index.ts';
import type { HeaderCell, ReportResult } from './run-report.ts';

type Merge = NonNullable<SheetOptions['merges']>[number];

const FONT = 11;
const TITLE: CellStyle = Object.freeze({ bold: true, fontSize: 18, align: 'center', valign: 'center' });
const META: CellStyle = Object.freeze({ valign: 'center', wrap: true });
const META_MIDDLE: CellStyle = Object.freeze({ valign: 'center', align: 'center' });
const META_RIGHT: CellStyle = Object.freeze({ valign: 'center', align: 'right' });
const HEAD: CellStyle = Object.freeze({
  bold: true,
  border: 'thin',
  align: 'center',
  valign: 'center',
  wrap: true,
  fill: 'FFF2F2F2',
});
const NO: CellStyle = Object.freeze({ border: 'thin', align: 'center', valign: 'center' });
const LABEL: CellStyle = Object.freeze({ border: 'thin', valign: 'center' });
const TOTAL_FILL = 'FFF2F2F2';
const NOTE: CellStyle = Object.freeze({ wrap: true, valign: 'top' });
const FOOT: CellStyle = Object.freeze({ valign: 'center', wrap: true });

/** Number formats by measure kind: counts whole, sums with 分 and thousands, rates one decimal (the JSON's percentage). */
const NUM_FMT: Record<string, string> = {
  records: '0',
  households: '0',
  persons: '0',
  sum: '#,##0.00',
  rate: '0.0',
};

/** One style per kind × total/subtotal/plain, shared by every cell (the registry looks styles up by object). */
const numberStyles = new Map<string, CellStyle>();
function numberStyle(kind: string, row: 'total' | 'subtotal' | 'unit'): CellStyle {
  const key = `${kind}|${row}`;
  let style = numberStyles.get(key);
  if (style === undefined) {
    style = Object.freeze({
      border: 'thin',
      valign: 'center',
      align: kind === 'rate' ? 'right' : undefined,
      numFmt: NUM_FMT[kind] ?? '0',
      ...(row === 'unit' ? {} : { bold: true, fill: TOTAL_FILL }),
    });
    numberStyles.set(key, style);
  }
  return style;
}
const rowStyle = (base: CellStyle, row: 'total' | 'subtotal' | 'unit'): CellStyle =>
  row === 'unit' ? base : { ...base, bold: true, fill: TOTAL_FILL };

/** Display width of a text in Excel's character units: a Chinese character is two. */
export const textWidth = (s: string): number =>
  [...s].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) < 0x100 ? 1 : 2), 0);

/** A cell of the header grid: where it starts and what it spans (0-based within the header). */
export interface PlacedHeader extends HeaderCell {
  row: number;
  col: number;
}

/**
 * Places `header` rows on a grid: each row's cells fill, left to right, the columns not covered by a
 * cell from a row above (a measure spans down to the last header row).
 */
export function placeHeader(header: readonly (readonly HeaderCell[])[], width: number): PlacedHeader[] {
  const taken = header.map(() => new Array<boolean>(width).fill(false));
  const out: PlacedHeader[] = [];
  header.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (col < width && taken[row]?.[col] === true) col++;
      out.push({ ...cell, row, col });
      for (let r = row; r < row + cell.rowSpan; r++) {
        const line = taken[r];
        if (line !== undefined) for (let c = col; c < col + cell.colSpan; c++) line[c] = true;
      }
      col += cell.colSpan;
    }
  });
  return out;
}

/**
 * A measure's header on the lines it is printed on: up to five characters on one; longer on two, broken
 * before its unit（元） or in the middle — explicit, since Excel and LibreOffice wrap at different
 * places (已拨付金额（元 / ）) and the column is then as wide as the longer line.
 */
export function headerLines(label: string): string {
  const chars = [...label];
  if (chars.length <= 5) return label;
  const unit = chars.lastIndexOf('（');
  let at = unit >= 2 && chars.length - unit <= 8 ? unit : Math.ceil(chars.length / 2);
  // A closing mark stays with what it closes (“点对点”, not “点对点 / ”).
  while (at < chars.length - 1 && /[”’）》、，。]/.test(chars[at] ?? '')) at++;
  return `${chars.slice(0, at).join('')}\n${chars.slice(at).join('')}`;
}

/** '2020-06-30' → '2020年6月30日', as a clerk writes a date on a form. */
export const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The title as the form heads it: a report by 年度 carries its 年度 (2020年贫困劳动力外出务工情况统计表). */
export const reportTitle = (r: ReportResult): string =>
  `${r.parameters.year !== null ? `${r.parameters.year}年` : ''}${r.title}`;

/** 统计时间: the 年度 of a report by 年度, else the as-of date. */
export const reportTime = (r: ReportResult): string =>
  r.parameters.year !== null ? `${r.parameters.year}年度` : `截至${chineseDate(r.parameters.asOf)}`;

export interface ReportWorkbookOptions {
  /** The label column's header: 乡镇/村 at county level, 村 inside a 乡镇 (the 汇总 of a county: 乡镇). */
  labelHeader?: string;
}

/** Rows above the header: the title and the 填报单位 line. */
export const REPORT_HEAD_ROWS = 2;
/** Columns left of the measures: 序号 and the row label. */
export const REPORT_LABEL_COLS = 2;

const FOOTER_LINE =
  '填表人：　　　　　　审核人：　　　　　　分管领导：　　　　　　联系电话：　　　　　　　　填报日期：　　　　年　　月　　日';

/** Writes the report to `path` (through a temporary file: the file appears only when complete). */
export async function writeReportWorkbook(
  report: ReportResult,
  path: string,
  options: ReportWorkbookOptions = {},
): Promise<void> {
  const depth = Math.max(1, report.header.length);
  const measures = report.columns;
  const width = REPORT_LABEL_COLS + measures.length;
  const last = width - 1;
  const headTop = REPORT_HEAD_ROWS;
  const firstData = headTop + depth;
  const labelHeader =
    options.labelHeader ?? (report.rows.some((r) => r.kind === 'subtotal') ? '乡镇（村）' : '村');

  // Column widths: the labels' longest text; a measure as wide as its widest number and no narrower
  // than its own header needs on two lines (wrapped header text, never a cut word).
  const labelWidth = Math.min(
    30,
    Math.max(textWidth(labelHeader), ...report.rows.map((r) => textWidth(r.label))) + 2,
  );
  const measureWidths = measures.map((c) => {
    const digits = Math.max(
      1,
      ...report.rows.map((r) => {
        const v = r.values[c.key];
        if (v === null || v === undefined) return 1;
        // A sum shows 分 and a separator every three digits.
        return c.kind === 'sum'
          ? v.toFixed(2).length + Math.floor(Math.log10(Math.max(1, Math.abs(v))) / 3)
          : String(v).length;
      }),
    );
    const lines = headerLines(c.label).split('\n');
    // Chinese glyphs run a little wider than two digits in most office fonts: 15% to spare.
    const header = Math.max(...lines.map(textWidth));
    return Math.min(18, Math.max(6, digits + 2, Math.ceil(header * 1.15) + 2));
  });
  const colWidths = [5, labelWidth, ...measureWidths];
  const placed = placeHeader(report.header, measures.length);
  // A group over few narrow columns (已脱贫（不再享受政策） over 户数, 人数) widens them to hold its label
  // on two lines.
  for (const h of placed.filter((p) => p.key === null)) {
    const from = REPORT_LABEL_COLS + h.col;
    const has = colWidths.slice(from, from + h.colSpan).reduce((n, w) => n + w, 0);
    const lines = textWidth(h.label) * 1.15 + 2 <= has ? [h.label] : headerLines(h.label).split('\n');
    const needs = Math.ceil(Math.max(...lines.map(textWidth)) * 1.15) + 2;
    if (needs > has)
      for (let c = from; c < from + h.colSpan; c++)
        colWidths[c] = (colWidths[c] ?? 0) + Math.ceil((needs - has) / h.colSpan);
  }
  const spanWidth = (from: number, span: number) =>
    colWidths.slice(from, from + span).reduce((n, w) => n + w, 0);

  const merges: Merge[] = [{ from: { row: 0, col: 0 }, to: { row: 0, col: last } }];
  const spread = (row: number, from: number, to: number) => {
    if (to > from) merges.push({ from: { row, col: from }, to: { row, col: to } });
  };
  // 填报单位 left, 统计时间 in the middle, 单位 right (one cell on a narrow table).
  const meta = [
    `填报单位（盖章）：${report.reportingUnit}`,
    `统计时间：${reportTime(report)}`,
    `单位：${report.unit}`,
  ];
  const tableWidth = colWidths.reduce((n, w) => n + w, 0);
  /** Points for a text wrapped in a merged cell as wide as the table. */
  const wrappedHeight = (text: string, min: number) =>
    Math.max(min, Math.ceil(textWidth(text) / (tableWidth - 2)) * (FONT + 5) + 6);
  // Three parts on a wide table (left, centre, right); a narrow one has them in one wrapped cell.
  const thirds = width >= 8 ? [0, Math.ceil(width / 3), width - Math.floor(width / 3)] : [0];
  thirds.forEach((from, i) => spread(1, from, (thirds[i + 1] ?? width) - 1));
  if (depth > 1) {
    merges.push({ from: { row: headTop, col: 0 }, to: { row: headTop + depth - 1, col: 0 } });
    merges.push({ from: { row: headTop, col: 1 }, to: { row: headTop + depth - 1, col: 1 } });
  }
  for (const h of placed) {
    if (h.rowSpan > 1 || h.colSpan > 1)
      merges.push({
        from: { row: headTop + h.row, col: REPORT_LABEL_COLS + h.col },
        to: { row: headTop + h.row + h.rowSpan - 1, col: REPORT_LABEL_COLS + h.col + h.colSpan - 1 },
      });
  }
  const tail = firstData + report.rows.length;
  const notes = report.notes.map((n, i) => `${i === 0 ? '注：' : '　　'}${n}`);
  notes.forEach((_, i) => spread(tail + i, 0, last));
  const footRow = tail + notes.length + 1;
  spread(footRow, 0, last);

  const book = createWorkbookWriter(path);
  try {
    const sheet = book.addSheet({
      name: safeSheetName(report.title),
      columns: colWidths.map((w) => ({ width: w })),
      merges,
      freeze: { rows: firstData, cols: REPORT_LABEL_COLS },
      printTitleRows: { from: headTop, to: firstData - 1 },
      landscape: true,
      fitToWidth: true,
      centerHorizontally: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      pageFooter: '第 &P 页，共 &N 页',
    });
    sheet.addRow([textCell(reportTitle(report), TITLE)], { height: 36 });
    const metaRow: CellValue[] = new Array<CellValue>(width).fill(null);
    const metaStyles = [META, META_MIDDLE, META_RIGHT];
    if (thirds.length === 1) metaRow[0] = textCell(meta.join('　　'), META);
    else thirds.forEach((from, i) => (metaRow[from] = textCell(meta[i] ?? '', metaStyles[i])));
    sheet.addRow(metaRow, { height: thirds.length === 1 ? wrappedHeight(meta.join('　　'), 22) : 22 });

    // The header grid: every position gets a bordered cell, so a merged area is framed all round.
    for (let level = 0; level < depth; level++) {
      const cells: CellValue[] = new Array<CellValue>(width).fill(null).map(() => textCell('', HEAD));
      if (level === 0) {
        cells[0] = textCell('序号', HEAD);
        cells[1] = textCell(labelHeader, HEAD);
      }
      let lines = 1;
      for (const h of placed.filter((p) => p.row === level)) {
        // A measure is broken onto its lines; a group spans enough columns to fit on one, or wraps.
        const room = spanWidth(REPORT_LABEL_COLS + h.col, h.colSpan) - 1;
        const label =
          h.key === null && textWidth(h.label) * 1.15 + 1 <= room ? h.label : headerLines(h.label);
        cells[REPORT_LABEL_COLS + h.col] = textCell(label, HEAD);
        const needed = label
          .split('\n')
          .reduce((n, line) => n + Math.ceil((textWidth(line) * 1.15) / room), 0);
        // A cell spanning rows shares its lines among them.
        lines = Math.max(lines, Math.ceil(needed / h.rowSpan));
      }
      sheet.addRow(cells, { height: Math.max(20, lines * 14 + 6) });
    }

    let unitNo = 0;
    for (const row of report.rows) {
      const no: CellValue =
        row.kind === 'unit' ? { value: ++unitNo, style: NO } : textCell('', rowStyle(NO, row.kind));
      const values: CellValue[] = measures.map((c) => {
        const v = row.values[c.key];
        const style = numberStyle(c.kind, row.kind);
        // A rate without a denominator: a dash, as on screen.
        return v === null || v === undefined
          ? textCell('—', { ...style, align: 'center' })
          : { value: v, style };
      });
      sheet.addRow([no, textCell(row.label, rowStyle(LABEL, row.kind)), ...values], { height: 18 });
    }

    for (const note of notes) sheet.addRow([textCell(note, NOTE)], { height: wrappedHeight(note, 18) });
    sheet.addRow([]);
    sheet.addRow([textCell(FOOTER_LINE, FOOT)], { height: wrappedHeight(FOOTER_LINE, 24) });
    sheet.end();
    await book.close();
  } catch (e) {
    await book.abort();
    throw e;
  }
}
