// Which sheet to import when none is named. Township workbooks often open with a 填表说明 or 说明 sheet,
// or carry a 汇总 beside the roster: the sheet read is the one whose header is recognised and maps the
// columns the import cannot do without (姓名 and 证件号码 into the register). When several sheets
// qualify, nothing is guessed: SheetChoiceError names them and the clerk chooses (the UI asks, the
// CLI lists them and wants --sheet).
import { autoMapColumns } from '../../../shared/import/map-columns.ts';
import { keyColumnsProblem } from '../../../shared/import/key-columns.ts';
import { targetsFor } from '../../../shared/import/ledger-targets.ts';
import { LedgerError } from '../../../shared/result.ts';
import { HeaderNotFoundError, locateHeader, type HeaderLocation } from './read/locate-header.ts';
import {
  readSheet,
  ReadError,
  where,
  type ReadOptions,
  type SheetData,
  type SheetInfo,
} from './read/index.ts';

/** Several sheets could be the one to import; `sheets` names them in workbook order. */
export class SheetChoiceError extends LedgerError {
  readonly sheets: string[];
  constructor(fileName: string, sheets: string[]) {
    super(
      'validation',
      `${where(fileName)}中有 ${sheets.length} 个工作表都像要导入的表：${sheets.map((s) => `“${s}”`).join('、')}，请选择其中一个`,
      { sheets },
    );
    this.name = 'SheetChoiceError';
    this.sheets = sheets;
  }
}

export interface ReadSheet {
  data: SheetData;
  header: HeaderLocation;
}

/** Reads `sheet`, or when it is null the one sheet that qualifies (see above). */
export async function readChosenSheet(
  file: string,
  sheets: readonly SheetInfo[],
  sheet: string | null,
  into: string | null,
  knownHeaders: readonly string[],
  options: ReadOptions & { fileName?: string },
): Promise<ReadSheet> {
  /** The name the clerk knows (an upload's temporary copy has another). */
  const fileName = options.fileName ?? file;
  const read = async (name: string | null): Promise<ReadSheet> => {
    const data = await readSheet(file, name, options);
    options.onProgress?.({ phase: 'header', rowsRead: data.rows.length, percent: null });
    return { data, header: locateHeader(data, knownHeaders) };
  };
  if (sheet !== null) return read(sheet);
  const visible = sheets.filter((s) => s.hidden !== true);
  const candidates = (visible.length > 0 ? visible : sheets).map((s) => s.name);
  // One sheet (and every CSV): read as before, its own errors as they are.
  if (candidates.length <= 1) return read(candidates[0] ?? null);

  const targets = targetsFor(into);
  let first: ReadSheet | null = null;
  const complete: string[] = [];
  const headed: string[] = [];
  let firstHeaded: ReadSheet | null = null;
  const noHeader: HeaderNotFoundError[] = [];
  for (const name of candidates) {
    let found: ReadSheet;
    try {
      found = await read(name);
    } catch (e) {
      // An empty sheet, or one without a header (填表说明), is not the one.
      if (e instanceof HeaderNotFoundError) noHeader.push(e);
      else if (!(e instanceof ReadError && e.code === 'empty')) throw e;
      continue;
    }
    const mapped = new Set(
      autoMapColumns(found.header.columns, undefined, targets).flatMap((m) => (m.target ? [m.target] : [])),
    );
    if (keyColumnsProblem(into, (key) => mapped.has(key), true) === null) {
      complete.push(name);
      first ??= found;
    } else {
      headed.push(name);
      firstHeaded ??= found;
    }
  }
  // Sheets that have what the import needs come first; a header alone qualifies when none has it
  // (the clerk then maps the missing column by hand).
  const [names, chosen] = complete.length > 0 ? [complete, first] : [headed, firstHeaded];
  if (names.length > 1) throw new SheetChoiceError(fileName, names);
  if (chosen !== null) return chosen;
  if (noHeader.length === 1 && noHeader[0]) throw noHeader[0];
  if (noHeader.length > 1)
    throw new HeaderNotFoundError(
      noHeader[0]?.sheet ?? '',
      `${where(fileName)}的工作表${noHeader.map((e) => `“${e.sheet}”`).join('、')}中都找不到表头：没有一行含有至少 2 个可识别的列名（如“姓名”“证件号码”“户编号”）。请把表头改为标准列名后再导入`,
    );
  throw new ReadError('empty', `${where(file)}的工作表都是空的，没有可导入的数据`, { file });
}
