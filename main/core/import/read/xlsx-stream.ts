// Reads .xlsx without SheetJS: SheetJS holds the whole workbook as objects (2.9 GB at 400,000 rows,
// performance.md), while this streams the sheet XML through the byte scanner with bounded memory.
import type { CellFormat } from './date-format.ts';
import { progressReporter, throwIfCancelled } from './progress.ts';
import {
  ReadError,
  where,
  type ReadLimits,
  type ReadOptions,
  type SheetData,
  type SheetInfo,
} from './types.ts';
import { SheetScanner } from './xlsx-sheet-scanner.ts';
import { readSharedStrings } from './xlsx-shared-strings.ts';
import { readStyleFormats, readXlsxWorkbook, type XlsxSheetRef, type XlsxWorkbook } from './xlsx-workbook.ts';
import { InflateBudget, findEntry, streamEntry, type ZipArchive } from './zip.ts';

/** Sheet names, visibility and the row count each sheet declares in its <dimension>. */
export async function listXlsxSheets(
  zip: ZipArchive,
  limits: ReadLimits,
  options?: ReadOptions,
): Promise<SheetInfo[]> {
  const budget = new InflateBudget(limits);
  const workbook = await readXlsxWorkbook(zip, budget, options?.signal);
  const out: SheetInfo[] = [];
  for (const ref of workbook.sheets) {
    throwIfCancelled(options?.signal, zip.file);
    out.push({
      name: ref.name,
      rowCount: await declaredRows(zip, ref, limits, options?.signal),
      hidden: ref.hidden,
    });
  }
  return out;
}

/** Inflates only the head of a sheet (up to <sheetData>) to read its <dimension>. */
async function declaredRows(
  zip: ZipArchive,
  ref: XlsxSheetRef,
  limits: ReadLimits,
  signal: AbortSignal | undefined,
): Promise<number | null> {
  const entry = findEntry(zip, ref.path);
  if (entry === undefined) return null;
  const scanner = new SheetScanner({
    file: zip.file,
    sheet: ref.name,
    styleFormats: [],
    date1904: false,
    limits,
    headOnly: true,
  });
  let seen = 0;
  await streamEntry(zip, entry, {
    // Its own budget: listing must not use up the allowance of the read that follows.
    budget: new InflateBudget(limits),
    signal,
    sheet: ref.name,
    onChunk: (chunk) => {
      seen += chunk.length;
      scanner.push(chunk);
      return !scanner.headDone && seen < 1 << 20 ? undefined : false;
    },
  });
  return scanner.dimensionRows;
}

/**
 * Reads one sheet. `sheet` null means the likely one: the first visible sheet that has any data.
 */
export async function readXlsxSheet(
  zip: ZipArchive,
  sheet: string | null,
  limits: ReadLimits,
  options?: ReadOptions,
): Promise<SheetData> {
  const file = zip.file;
  const signal = options?.signal;
  const budget = new InflateBudget(limits);
  const workbook = await readXlsxWorkbook(zip, budget, signal);
  if (workbook.sheets.length === 0) {
    throw new ReadError('empty', `${where(file)}中没有工作表`, { file });
  }
  let candidates: XlsxSheetRef[];
  if (sheet === null) {
    candidates = workbook.sheets.filter((s) => !s.hidden);
    if (candidates.length === 0) candidates = workbook.sheets;
  } else {
    const found =
      workbook.sheets.find((s) => s.name === sheet) ??
      workbook.sheets.find((s) => s.name.trim() === sheet.trim());
    if (found === undefined) {
      const names = workbook.sheets.map((s) => `“${s.name}”`).join('、');
      throw new ReadError('unreadable', `${where(file)}中没有名为“${sheet}”的工作表（现有：${names}）`, {
        file,
      });
    }
    candidates = [found];
  }

  const styleFormats = await readStyleFormats(zip, workbook.stylesPath, budget, signal);
  for (const ref of candidates) {
    const data = await scanSheet(zip, ref, workbook, {
      styleFormats,
      limits,
      budget,
      options,
    });
    if (data.rows.length > 0) return data;
    if (sheet !== null)
      throw new ReadError('empty', `${where(file, ref.name)}是空的，没有任何数据`, { file, sheet: ref.name });
  }
  throw new ReadError('empty', `${where(file)}的工作表都是空的，没有可导入的数据`, { file });
}

interface ScanInput {
  styleFormats: ReadonlyArray<CellFormat | null>;
  limits: ReadLimits;
  budget: InflateBudget;
  options: ReadOptions | undefined;
}

async function scanSheet(
  zip: ZipArchive,
  ref: XlsxSheetRef,
  workbook: XlsxWorkbook,
  input: ScanInput,
): Promise<SheetData> {
  const file = zip.file;
  const entry = findEntry(zip, ref.path);
  if (entry === undefined) {
    throw new ReadError(
      'unreadable',
      `${where(file, ref.name)}的数据缺失（找不到 ${ref.path}），文件可能已损坏`,
      {
        file,
        sheet: ref.name,
      },
    );
  }
  const scanner = new SheetScanner({
    file,
    sheet: ref.name,
    styleFormats: input.styleFormats,
    date1904: workbook.date1904,
    limits: input.limits,
  });
  const progress = progressReporter(input.options, 'sheet');
  await streamEntry(zip, entry, {
    budget: input.budget,
    signal: input.options?.signal,
    sheet: ref.name,
    onChunk: (chunk, compressedRead) => {
      scanner.push(chunk);
      progress.update(scanner.rowsRead, compressedRead / Math.max(1, entry.compressedSize));
    },
  });
  progress.done(scanner.rowsRead);
  // Then only the shared strings the sheet's cells use.
  const strings = await readSharedStrings(
    zip,
    workbook.sharedStringsPath,
    input.budget,
    input.options,
    scanner.wantedStrings,
  );
  return scanner.finish(strings);
}
