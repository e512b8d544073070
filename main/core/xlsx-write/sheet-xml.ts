// The XML of one worksheet, in the order the schema demands: sheetPr, sheetViews, sheetFormatPr, cols,
// then sheetData (streamed row by row), then mergeCells, printOptions, pageMargins, pageSetup,
// headerFooter.
// Fit to width is two halves: sheetPr/pageSetUpPr fitToPage switches scaling on, pageSetup says 1 page
// wide and 0 (= as many as needed) tall.
// Excel rejects a sheet whose elements are out of order, so head and tail are built here in one place.
import type { StyleRegistry } from './styles.ts';
import type { CellStyle, CellValue, RowOptions, SheetOptions } from './types.ts';
import { XML_DECLARATION, escapeText, textElement } from './xml.ts';

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/;

const letters: string[] = [];

/** 0 → 'A', 25 → 'Z', 26 → 'AA', 16383 → 'XFD' (cached: every cell of every row needs one). */
export function columnLetter(index: number): string {
  const known = letters[index];
  if (known !== undefined) return known;
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    throw new RangeError(`列序号 ${index} 超出 Excel 的范围（最多 ${MAX_COLUMNS} 列）`);
  }
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  letters[index] = s;
  return s;
}

/** 'A' → 0, 'h' → 7, 'XFD' → 16383; -1 when the text is not a column within Excel's grid. */
export function columnIndex(name: string): number {
  const s = name.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

/**
 * Excel's rules for a sheet name, as the error Excel itself would give. `taken` holds the names
 * already used in the workbook, in lower case (Excel compares names without case).
 */
export function validateSheetName(name: string, taken: ReadonlySet<string>): void {
  if (name.trim().length === 0) throw new RangeError('工作表名称不能为空');
  if (name.length > MAX_SHEET_NAME) {
    throw new RangeError(`工作表名称“${name}”太长：最多 ${MAX_SHEET_NAME} 个字符，现有 ${name.length} 个`);
  }
  const bad = FORBIDDEN_IN_NAME.exec(name);
  if (bad !== null) {
    throw new RangeError(`工作表名称“${name}”含有不允许的字符“${bad[0]}”：名称中不能有 [ ] : * ? / \\`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(name)) {
    throw new RangeError(`工作表名称“${name}”含有控制字符或无效字符`);
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    throw new RangeError(`工作表名称“${name}”不能以单引号开头或结尾`);
  }
  if (name.toLowerCase() === 'history')
    throw new RangeError('工作表名称不能是“History”，这是 Excel 保留的名称');
  if (taken.has(name.toLowerCase()))
    throw new RangeError(`工作表名称“${name}”重复：同一工作簿中的名称不能相同`);
}

/** Turns any text (a source sheet name, a file name) into a valid sheet name. */
export function safeSheetName(name: string, fallback = 'Sheet1'): string {
  let s = name
    // eslint-disable-next-line no-control-regex
    .replace(/[[\]:*?/\\\u0000-\u001F\uFFFE\uFFFF]/g, '_')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (s.length > MAX_SHEET_NAME) {
    s = s.slice(0, MAX_SHEET_NAME);
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    s = s.replace(/'+$/, '');
  }
  return s.length === 0 || s.toLowerCase() === 'history' ? fallback : s;
}

/** A sheet name as formula text: 'My Sheet'!, with an inner ' doubled. */
export const quotedSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function checkIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= max) {
    throw new RangeError(`${what} ${value} 无效（从 0 起算，应小于 ${max}）`);
  }
}

/** Checks everything about the options except the name, before any byte of the sheet is written. */
export function validateSheetOptions(options: SheetOptions): void {
  const where = `工作表“${options.name}”`;
  options.columns?.forEach((column, i) => {
    const w = column?.width;
    if (w !== undefined && (!Number.isFinite(w) || w < 0 || w > 255)) {
      throw new RangeError(`${where}第 ${i + 1} 列的列宽 ${w} 无效，应在 0 到 255 之间`);
    }
  });
  if (options.columns !== undefined && options.columns.length > MAX_COLUMNS) {
    throw new RangeError(`${where}的列数超过 Excel 的上限 ${MAX_COLUMNS}`);
  }
  if (options.freeze !== undefined) {
    checkIndex(options.freeze.rows, MAX_ROWS, `${where}冻结的行数`);
    checkIndex(options.freeze.cols ?? 0, MAX_COLUMNS, `${where}冻结的列数`);
  }
  for (const [side, inches] of Object.entries(options.margins ?? {})) {
    if (!Number.isFinite(inches) || inches < 0 || inches > 49) {
      throw new RangeError(`${where}的页边距 ${side} = ${inches} 无效，应在 0 到 49 英寸之间`);
    }
  }
  if (options.pageFooter !== undefined && options.pageFooter.length > 250) {
    throw new RangeError(`${where}的页脚超过 Excel 的上限 255 个字符`);
  }
  if (options.printTitleRows !== undefined) {
    const { from, to } = options.printTitleRows;
    checkIndex(from, MAX_ROWS, `${where}打印标题的起始行`);
    checkIndex(to, MAX_ROWS, `${where}打印标题的结束行`);
    if (to < from) throw new RangeError(`${where}打印标题的结束行不能在起始行之前`);
  }
  // Overlapping merged areas make Excel discard the sheet's merges and call the file damaged.
  const areas = (options.merges ?? []).map((m) => {
    for (const p of [m.from, m.to]) {
      checkIndex(p.row, MAX_ROWS, `${where}合并单元格的行号`);
      checkIndex(p.col, MAX_COLUMNS, `${where}合并单元格的列号`);
    }
    return {
      r1: Math.min(m.from.row, m.to.row),
      r2: Math.max(m.from.row, m.to.row),
      c1: Math.min(m.from.col, m.to.col),
      c2: Math.max(m.from.col, m.to.col),
    };
  });
  areas.sort((a, b) => a.r1 - b.r1);
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < areas.length; j++) {
      const b = areas[j];
      if (b === undefined || b.r1 > a.r2) break; // sorted by top row: nothing further can overlap a
      if (b.c1 <= a.c2 && a.c1 <= b.c2) {
        throw new RangeError(`${where}的合并区域 ${rangeRef(a)} 与 ${rangeRef(b)} 重叠`);
      }
    }
  }
}

const rangeRef = (a: { r1: number; r2: number; c1: number; c2: number }): string =>
  `${columnLetter(a.c1)}${a.r1 + 1}:${columnLetter(a.c2)}${a.r2 + 1}`;

/** Everything before the first row. */
export function sheetHead(options: SheetOptions, selected: boolean): string {
  let xml =
    XML_DECLARATION +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (options.fitToWidth === true ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">`;
  const rows = options.freeze?.rows ?? 0;
  const cols = options.freeze?.cols ?? 0;
  if (rows > 0 || cols > 0) {
    const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    const topLeft = `${columnLetter(cols)}${rows + 1}`;
    xml +=
      '<pane' +
      (cols > 0 ? ` xSplit="${cols}"` : '') +
      (rows > 0 ? ` ySplit="${rows}"` : '') +
      ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  // 13.5 pt is the row height Excel gives 宋体 11.
  xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/>';
  const cols$ = (options.columns ?? [])
    .map((c, i) =>
      c?.width === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`,
    )
    .join('');
  if (cols$ !== '') xml += `<cols>${cols$}</cols>`;
  return xml + '<sheetData>';
}

/** Everything after the last row. */
export function sheetTail(options: SheetOptions): string {
  let xml = '</sheetData>';
  const merges = (options.merges ?? []).filter((m) => m.from.row !== m.to.row || m.from.col !== m.to.col);
  if (merges.length > 0) {
    xml += `<mergeCells count="${merges.length}">`;
    for (const m of merges) {
      const ref = rangeRef({
        r1: Math.min(m.from.row, m.to.row),
        r2: Math.max(m.from.row, m.to.row),
        c1: Math.min(m.from.col, m.to.col),
        c2: Math.max(m.from.col, m.to.col),
      });
      xml += `<mergeCell ref="${ref}"/>`;
    }
    xml += '</mergeCells>';
  }
  if (options.centerHorizontally === true) xml += '<printOptions horizontalCentered="1"/>';
  // Excel's default margins unless given; paper 9 is A4, the size county offices print on.
  const m = { ...DEFAULT_MARGINS, ...options.margins };
  xml +=
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9"${options.fitToWidth === true ? ' fitToWidth="1" fitToHeight="0"' : ''}` +
    ` orientation="${options.landscape === true ? 'landscape' : 'portrait'}"/>`;
  if (options.pageFooter !== undefined)
    xml += `<headerFooter><oddFooter>${escapeText(`&C${options.pageFooter}`)}</oddFooter></headerFooter>`;
  return xml + '</worksheet>';
}

const styleAttrs: string[] = [];
/** '" s="3"', closing the r attribute before it; cached, as most cells share a handful of styles. */
function styleAttr(xf: number): string {
  return (styleAttrs[xf] ??= `" s="${xf}"`);
}

/**
 * One `<row>`. `rowNumber` is 1-based. Throws before producing anything when a value cannot be
 * written, so a rejected row leaves the sheet as it was.
 */
export function rowXml(
  rowNumber: number,
  cells: readonly CellValue[],
  options: RowOptions | undefined,
  styles: StyleRegistry,
): string {
  if (cells.length > MAX_COLUMNS) {
    throw new RangeError(`第 ${rowNumber} 行有 ${cells.length} 列，超过 Excel 的上限 ${MAX_COLUMNS} 列`);
  }
  const rowStyle: CellStyle | undefined = options?.style;
  const rowXf = styles.xf(rowStyle);
  let xml = `<row r="${rowNumber}"`;
  const height = options?.height;
  if (height !== undefined) {
    if (!Number.isFinite(height) || height < 0 || height > 409) {
      throw new RangeError(`第 ${rowNumber} 行的行高 ${height} 无效，应在 0 到 409 之间`);
    }
    xml += ` ht="${height}" customHeight="1"`;
  }
  xml += '>';
  const rowRef = String(rowNumber);
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    let value: string | number | boolean | null | undefined;
    let xf = rowXf;
    if (cell !== null && typeof cell === 'object') {
      if (!('value' in cell)) {
        throw new TypeError(
          `第 ${rowNumber} 行 ${columnLetter(c)} 列的值无法写入 Excel：应为文本、数字、布尔值、空，或 { value, style }` +
            '（日期请用 dateCell）',
        );
      }
      value = cell.value;
      if (cell.style !== undefined) {
        xf = rowStyle === undefined ? styles.xf(cell.style) : styles.xfMerged(rowStyle, cell.style);
      }
    } else {
      value = cell;
    }
    // `<c r="B7" s="3"`: the reference is optional in the schema, but some readers place cells by it alone.
    const open = '<c r="' + columnLetter(c) + rowRef + (xf === 0 ? '"' : styleAttr(xf));
    switch (typeof value) {
      case 'string':
        // Always an inline string, never a formula: text that starts with = + - @ stays text.
        if (value.length > 0) xml += open + ' t="inlineStr"><is>' + textElement(value) + '</is></c>';
        else if (xf !== 0) xml += open + '/>';
        break;
      case 'number':
        // NaN and ±Infinity have no representation in a cell; they are left blank.
        if (Number.isFinite(value)) xml += open + '><v>' + value + '</v></c>';
        else if (xf !== 0) xml += open + '/>';
        break;
      case 'boolean':
        xml += open + (value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        break;
      case 'undefined': // a hole in a sparse array is a blank cell, like null
        if (xf !== 0) xml += open + '/>';
        break;
      default:
        if (value === null) {
          if (xf !== 0) xml += open + '/>';
          break;
        }
        throw new TypeError(
          `第 ${rowNumber} 行 ${columnLetter(c)} 列的值类型“${typeof value}”无法写入 Excel，应为文本、数字、布尔值或空`,
        );
    }
  }
  return xml + '</row>';
}
