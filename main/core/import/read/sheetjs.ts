// Legacy and rare formats through SheetJS: .xls (BIFF, also WPS .et), .ods, .xlsb, and the HTML tables
// or SpreadsheetML 2003 files that some systems export with an .xls name. These are small (an .xls holds
// at most 65,536 rows), so SheetJS reading the whole workbook is fine here; big .xlsx never comes here.
// SheetJS is loaded on first use: the common .xlsx and CSV paths do not pay for it.
import { readFile } from 'node:fs/promises';
import type * as XlsxTypes from 'xlsx';
import type { CellObject, WorkBook, WorkSheet } from 'xlsx';
import { cellFormatOf, formattedNumberText, type CellFormat } from './date-format.ts';
import { throwIfCancelled } from './progress.ts';
import { RowCollector, cellTooLong } from './row-collector.ts';
import { columnLetter } from './cell-address.ts';
import { fileError } from './sniff.ts';
import { decodeText } from './text-encoding.ts';
import {
  ReadError,
  formatCount,
  where,
  type Merge,
  type ReadLimits,
  type ReadOptions,
  type SheetData,
  type SheetInfo,
} from './types.ts';
import { InflateBudget, streamEntry, type ZipArchive } from './zip.ts';

export type SheetJsFormat = 'ole2' | 'ods' | 'xlsb' | 'html' | 'xml2003';

type XlsxModule = typeof XlsxTypes;
let xlsxModule: Promise<XlsxModule> | null = null;
/**
 * SheetJS's ESM build ships without code-page tables: without them an .xls from Excel 5.0/95 (BIFF5,
 * strings in the workbook's ANSI code page, 936 = GBK on Chinese Windows) reads as mojibake. The tables
 * (~0.5 MB) load together with SheetJS, on first use.
 */
const loadXlsx = (): Promise<XlsxModule> =>
  (xlsxModule ??= Promise.all([import('xlsx'), import('xlsx/dist/cpexcel.full.mjs')]).then(
    ([XLSX, codepages]) => {
      XLSX.set_cptable(codepages);
      return XLSX;
    },
  ));

/** The part of SheetJS's bundled CFB (OLE2 container) library used here; its types ship as `any`. */
interface CfbContainer {
  FullPaths: string[];
}
interface CfbApi {
  read(data: Buffer, options: { type: 'buffer' }): CfbContainer;
}

const ERROR_TEXT = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

const encrypted = (file: string): ReadError =>
  new ReadError('encrypted', `${where(file)}已加密（设置了打开密码），请在 Excel 中取消密码后再导入`, {
    file,
  });

/** Sorts out an OLE2 container: an encrypted .xlsx, a Word .doc, or a real .xls. */
function checkOle2(file: string, data: Buffer, XLSX: XlsxModule): void {
  let paths: string[];
  try {
    paths = (XLSX.CFB as CfbApi)
      .read(data, { type: 'buffer' })
      .FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch (e) {
    throw new ReadError('unreadable', `${where(file)}已损坏，无法读取`, { file }, e);
  }
  const has = (name: string): boolean => paths.some((p) => p.toLowerCase() === name.toLowerCase());
  // Office encrypts an .xlsx by wrapping it in an OLE2 file with these two streams.
  if (has('EncryptionInfo') || has('EncryptedPackage')) throw encrypted(file);
  if (has('Workbook') || has('Book')) return;
  if (has('WordDocument'))
    throw new ReadError('unsupported', `${where(file)}不是 Excel 工作簿（看起来是 Word 文档）`, { file });
  if (has('PowerPoint Document')) {
    throw new ReadError('unsupported', `${where(file)}不是 Excel 工作簿（看起来是 PowerPoint 演示文稿）`, {
      file,
    });
  }
  throw new ReadError('unsupported', `${where(file)}不是 Excel 工作簿（是其他程序的文件）`, { file });
}

/**
 * SheetJS holds an .ods/.xlsb's inflated XML in memory as one string; past this it would exhaust the
 * heap, so such a file must be saved as .xlsx (which is streamed) first.
 */
const SHEETJS_MAX_INFLATED = 256 * 1024 * 1024;

/** ods/xlsb are zips that SheetJS inflates whole: first stream every entry through the limits. */
async function checkZipLimits(
  zip: ZipArchive,
  limits: ReadLimits,
  signal: AbortSignal | undefined,
): Promise<void> {
  const budget = new InflateBudget({
    ...limits,
    maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, SHEETJS_MAX_INFLATED),
  });
  for (const entry of zip.entries.values()) {
    await streamEntry(zip, entry, { budget, signal, onChunk: () => undefined });
  }
}

export async function readWorkbook(
  file: string,
  format: SheetJsFormat,
  zip: ZipArchive | null,
  limits: ReadLimits,
  options?: ReadOptions,
): Promise<WorkBook> {
  const signal = options?.signal;
  const XLSX = await loadXlsx();
  if (zip !== null) await checkZipLimits(zip, limits, signal);
  throwIfCancelled(signal, file);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    throw fileError(file, e);
  }
  if (format === 'ole2') checkOle2(file, data, XLSX);
  options?.onProgress?.({ phase: 'workbook', rowsRead: 0, percent: null });
  const common = {
    dense: true,
    cellNF: true,
    cellDates: false,
    // An HTML table has no cell types: SheetJS would guess numbers from the text and turn an 18-digit
    // ID into a double. Its cells stay text, as in a CSV.
    raw: format === 'html',
    // One row past the limit, so an oversized sheet is noticed without parsing all of it.
    sheetRows: limits.maxRows + 1,
  } as const;
  try {
    return format === 'html' || format === 'xml2003'
      ? XLSX.read(decodeText(data), { ...common, type: 'string' })
      : XLSX.read(data, { ...common, type: 'buffer' });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw encrypted(file);
    if (/unsupported|not supported/i.test(message)) {
      throw new ReadError(
        'unsupported',
        `${where(file)}的格式太旧或不受支持，请在 Excel 中另存为 .xlsx 后再导入`,
        { file },
        e,
      );
    }
    throw new ReadError('unreadable', `${where(file)}已损坏，无法读取`, { file }, e);
  }
}

function sheetOf(workbook: WorkBook, name: string): WorkSheet | undefined {
  // Own property only: a sheet named "constructor" must not find Object.prototype.constructor.
  const sheets = workbook.Sheets as Record<string, WorkSheet | undefined>;
  if (Object.hasOwn(sheets, name)) return sheets[name];
  if (name === '__proto__') {
    // SheetJS stores a sheet named __proto__ by plain assignment, which makes it the object's prototype.
    const proto: unknown = Object.getPrototypeOf(sheets);
    return proto !== Object.prototype && proto !== null ? (proto as WorkSheet) : undefined;
  }
  return undefined;
}

export function listWorkbookSheets(workbook: WorkBook, XLSX: Pick<XlsxModule, 'utils'>): SheetInfo[] {
  return workbook.SheetNames.map((name, i) => {
    const ws = sheetOf(workbook, name);
    const ref = ws?.['!fullref'] ?? ws?.['!ref'];
    const info: SheetInfo = { name, rowCount: ref === undefined ? 0 : XLSX.utils.decode_range(ref).e.r + 1 };
    const hidden = workbook.Workbook?.Sheets?.[i]?.Hidden;
    info.hidden = hidden === 1 || hidden === 2;
    return info;
  });
}

export async function listSheetJsSheets(
  file: string,
  format: SheetJsFormat,
  zip: ZipArchive | null,
  limits: ReadLimits,
  options?: ReadOptions,
): Promise<SheetInfo[]> {
  const workbook = await readWorkbook(file, format, zip, limits, options);
  return listWorkbookSheets(workbook, await loadXlsx());
}

export async function readSheetJsSheet(
  file: string,
  format: SheetJsFormat,
  zip: ZipArchive | null,
  sheet: string | null,
  limits: ReadLimits,
  options?: ReadOptions,
): Promise<SheetData> {
  const workbook = await readWorkbook(file, format, zip, limits, options);
  const XLSX = await loadXlsx();
  const infos = listWorkbookSheets(workbook, XLSX);
  if (infos.length === 0) throw new ReadError('empty', `${where(file)}中没有工作表`, { file });
  let names: string[];
  if (sheet === null) {
    names = infos.filter((s) => s.hidden !== true).map((s) => s.name);
    if (names.length === 0) names = infos.map((s) => s.name);
  } else {
    const found = infos.find((s) => s.name === sheet) ?? infos.find((s) => s.name.trim() === sheet.trim());
    if (found === undefined) {
      const list = infos.map((s) => `“${s.name}”`).join('、');
      throw new ReadError('unreadable', `${where(file)}中没有名为“${sheet}”的工作表（现有：${list}）`, {
        file,
      });
    }
    names = [found.name];
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  for (const name of names) {
    throwIfCancelled(options?.signal, file);
    const data = sheetData(file, name, sheetOf(workbook, name), date1904, limits, XLSX);
    if (data.rows.length > 0) {
      options?.onProgress?.({ phase: 'sheet', rowsRead: data.rows.length, percent: 100 });
      return data;
    }
    if (sheet !== null)
      throw new ReadError('empty', `${where(file, name)}是空的，没有任何数据`, { file, sheet: name });
  }
  throw new ReadError('empty', `${where(file)}的工作表都是空的，没有可导入的数据`, { file });
}

function sheetData(
  file: string,
  name: string,
  ws: WorkSheet | undefined,
  date1904: boolean,
  limits: ReadLimits,
  XLSX: XlsxModule,
): SheetData {
  const collector = new RowCollector(limits.maxRows, file, name);
  if (ws === undefined) return collector.result([]);
  const full = ws['!fullref'];
  if (full !== undefined && full !== ws['!ref'] && XLSX.utils.decode_range(full).e.r + 1 > limits.maxRows) {
    throw new ReadError(
      'too-large',
      `${where(file, name)}超过 ${formatCount(limits.maxRows)} 行（导入上限），请分成几个文件后再导入`,
      { file, sheet: name },
    );
  }
  const grid = (ws['!data'] ?? []) as Array<Array<CellObject | undefined> | undefined>;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined) continue;
    const cells: string[] = [];
    let numberColumns: number[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const text = cellText(cell, date1904);
      if (cell !== undefined && isNumberCell(cell)) (numberColumns ??= []).push(c);
      if (text.length > limits.maxCellChars) {
        throw cellTooLong(
          file,
          name,
          `第 ${r + 1} 行 ${columnLetter(c)} 列`,
          text.length,
          limits.maxCellChars,
        );
      }
      cells.push(text);
    }
    collector.add(r + 1, cells, numberColumns);
  }
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({
    s: { r: m.s.r, c: m.s.c },
    e: { r: m.e.r, c: m.e.c },
  }));
  return collector.result(merges);
}

/** The same text rules as the streaming reader (see SheetData.rows). */
export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (cell === undefined) return '';
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v : String(v ?? '');
    case 'n': {
      if (typeof v !== 'number') return String(v ?? '');
      const format = formatOf(cell);
      if (format !== null) {
        const text = formattedNumberText(v, format, date1904);
        if (text !== null) return text;
      }
      return numberText(v);
    }
    case 'b':
      return v === true ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? (typeof v === 'number' ? ERROR_TEXT.get(v) : undefined) ?? '#N/A';
    case 'd':
      if (v instanceof Date) {
        const local = new Date(v.getTime() - v.getTimezoneOffset() * 60_000);
        return local.toISOString().slice(0, 10);
      }
      return typeof v === 'string' ? v.slice(0, 10) : '';
    default:
      return ''; // 'z': a stub (formatted but empty) cell
  }
}

function formatOf(cell: CellObject): CellFormat | null {
  const z = cell.z;
  return typeof z === 'string' || typeof z === 'number' ? cellFormatOf(z) : null;
}

/** A number the file stored as a number, not shown as a date or time (see SheetData.numberCells). */
function isNumberCell(cell: CellObject): boolean {
  if (cell.t !== 'n' || typeof cell.v !== 'number') return false;
  return typeof formatOf(cell) !== 'string';
}

/** A number as Excel writes it into .xlsx: shortest round-trip digits, exponent with a capital E. */
export const numberText = (v: number): string => String(v).replace('e', 'E');
