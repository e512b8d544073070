// The first stage of the import pipeline: list a file's sheets and read one of them as rows of cell
// text, whatever the format (.xlsx streamed, .xls/.ods/.xlsb/HTML through SheetJS, CSV in any of the
// usual encodings). Later stages (header, mapping, validation) see only SheetData.
import { csvSheetName, readCsv } from './csv.ts';
import { isAborted } from './progress.ts';
import { readSheetJsSheet, listSheetJsSheets } from './sheetjs.ts';
import { detectFormat, fileError, type Detection } from './sniff.ts';
import {
  ReadError,
  resolveLimits,
  where,
  type ReadLimits,
  type ReadOptions,
  type SheetData,
  type SheetInfo,
} from './types.ts';
import { listXlsxSheets, readXlsxSheet } from './xlsx-stream.ts';

export * from './types.ts';
export {
  columnLetter,
  columnIndex,
  excelRowNumber,
  sheetRowToIndex,
  describeCell,
  cellAddress,
} from './cell-address.ts';

/** The sheets of a workbook (one, named after the file, for CSV). */
export function listSheets(file: string, options?: ReadOptions): Promise<SheetInfo[]> {
  return guarded(file, options, async (limits, { detected }) => {
    switch (detected.format) {
      case 'xlsx':
        return listXlsxSheets(detected.zip, limits, options);
      case 'csv':
        return [{ name: csvSheetName(file), rowCount: null, hidden: false }];
      case 'ods':
      case 'xlsb':
        return listSheetJsSheets(file, detected.format, detected.zip, limits, options);
      default:
        return listSheetJsSheets(file, detected.format, null, limits, options);
    }
  });
}

/**
 * One sheet's rows. `sheet` null picks the likely one: the first visible sheet with data.
 * Throws ReadError only (code + a Chinese message naming the file and sheet).
 */
export function readSheet(file: string, sheet: string | null, options?: ReadOptions): Promise<SheetData> {
  return guarded(file, options, async (limits, { detected, size }) => {
    switch (detected.format) {
      case 'xlsx':
        return readXlsxSheet(detected.zip, sheet, limits, options);
      case 'csv': {
        const name = csvSheetName(file);
        if (sheet !== null && sheet !== name) {
          throw new ReadError('unreadable', `${where(file)}是 CSV 文件，只有一个工作表“${name}”`, { file });
        }
        return readCsv({ file, size, limits, options });
      }
      case 'ods':
      case 'xlsb':
        return readSheetJsSheet(file, detected.format, detected.zip, sheet, limits, options);
      default:
        return readSheetJsSheet(file, detected.format, null, sheet, limits, options);
    }
  });
}

async function guarded<T>(
  file: string,
  options: ReadOptions | undefined,
  run: (limits: ReadLimits, detection: Detection) => Promise<T>,
): Promise<T> {
  const limits = resolveLimits(options?.limits);
  const signal = options?.signal;
  try {
    if (isAborted(signal)) throw new ReadError('cancelled', `已取消读取${where(file)}`, { file });
    options?.onProgress?.({ phase: 'detect', rowsRead: 0, percent: null });
    return await run(limits, await detectFormat(file, limits, signal));
  } catch (e) {
    if (e instanceof ReadError) throw e;
    if (isAborted(signal)) throw new ReadError('cancelled', `已取消读取${where(file)}`, { file }, e);
    // fs errors while reading (file removed, locked) and anything unexpected from a parser.
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw fileError(file, e);
    if (e instanceof RangeError) {
      throw new ReadError(
        'too-large',
        `${where(file)}太大，读取时内存不足，请分成几个文件后再导入`,
        { file },
        e,
      );
    }
    throw new ReadError('unreadable', `${where(file)}已损坏或格式不正确，无法读取`, { file }, e);
  }
}
