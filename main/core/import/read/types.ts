// The reader's contract: what every format reader (streaming .xlsx, SheetJS for .xls/.ods, CSV) returns,
// the limits that keep a hostile or broken file from exhausting the machine, and the one error type.
// The functions themselves (listSheets/readSheet) are in ./index.ts, which re-exports this file.
import { basename } from 'node:path';
import type { SheetRows } from './sheet-rows.ts';

export interface SheetInfo {
  name: string;
  /** Rows as the file declares them (the sheet's used range); null when unknown before a full scan. */
  rowCount: number | null;
  hidden?: boolean;
}

/** A merged range, 0-based and inclusive, in sheet coordinates (r = Excel row number − 1). */
export interface Merge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetData {
  sheet: string;
  /**
   * Cell text, stored by column (sheet-rows.ts): text cells as Excel shows them, number cells as the raw
   * number text the file stores ('4.20626198503071E+17' stays as is) or zero-padded when their format
   * says so (000000: '000012'), date-formatted numbers as 'YYYY-MM-DD' ('YYYY-MM' when the format shows
   * only year and month), booleans 'TRUE'/'FALSE', errors '#N/A' …, '' for empty.
   * Row i is Excel row i + 1 unless `rowNumbers` is present. Which cells the file stored as numbers
   * (dates and times not counted) is kept too (SheetRows.isNumber): an ID or a long 户编号 typed into a
   * number cell has kept only Excel's 15 significant digits, and a later stage must be able to say so
   * whatever the file's format.
   */
  rows: SheetRows;
  /** Merged ranges in sheet coordinates (see Merge); map them with sheetRowToIndex when rowNumbers is set. */
  merges: Merge[];
  /**
   * Excel row number of each row of `rows`, present only when long runs of empty rows were dropped
   * (a stray cell far below the table must not cost a million empty rows).
   */
  rowNumbers?: number[];
}

export interface ReadLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Total bytes inflated from a zip (.xlsx/.ods) during one read. */
  maxUncompressedBytes: number;
  /** Inflated ÷ compressed size of one zip entry, checked once the entry passes INFLATE_RATIO_FLOOR. */
  maxInflateRatio: number;
  /** Rows of one sheet, counted up to the last non-empty row. */
  maxRows: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /**
   * Characters of text one .xlsx sheet may hold: its inline text plus every distinct shared string its
   * cells use (a shared string held once however many cells show it).
   */
  maxTextChars: number;
}

/**
 * Chosen from the county scale (≈400,000 persons, ≈107,000 households) and performance.md:
 * - maxFileBytes 200 MB: the 400k-person workbook is 76 MB as .xlsx, 112 MB as UTF-8 CSV, 92 MB as GBK CSV;
 *   200 MB leaves room for wider sheets without letting a multi-GB file be read at all.
 * - maxUncompressedBytes 1.5 GB: the same workbook inflates to 468 MB of XML; 3× headroom for styled or
 *   wider sheets. The streaming reader never holds this, so the limit bounds time (~5 s of inflate), not memory.
 * - maxInflateRatio 60: a real sheet inflates 5–15× (measured 8–9× for the 400k file, ~12× for
 *   SheetJS-written ones); a zip bomb inflates hundreds to millions of times and is stopped after
 *   INFLATE_RATIO_FLOOR bytes, i.e. in milliseconds.
 * - maxRows 500,000: county scale is 400,000 persons; a sheet filled to Excel's 1,048,576 rows is refused
 *   as soon as row 500,001 is reached instead of after all of it is in memory.
 * - maxCellChars 32,767: Excel's own maximum, so a longer cell was not made by Excel or WPS. Such a file
 *   is refused with the cell's address (not truncated): silently cutting text would change data.
 * - maxTextChars 100 million: held as JS strings that is at most 200 MB (two bytes a Chinese character),
 *   so the import stays within 1 GB (docs/reliability.md); the 400k-person roster holds about 11 million
 *   characters of distinct text. Without it 1.5 GB of shared strings inside every other limit took the
 *   reader to 1.75 GB.
 */
export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1536 * 1024 * 1024,
  maxInflateRatio: 60,
  maxRows: 500_000,
  maxCellChars: 32_767,
  maxTextChars: 100_000_000,
});

/** The ratio check starts only after this many inflated bytes: small parts legitimately compress 100×. */
export const INFLATE_RATIO_FLOOR = 8 * 1024 * 1024;

export type ReadErrorCode = 'unreadable' | 'unsupported' | 'encrypted' | 'too-large' | 'empty' | 'cancelled';

/** The only error the readers throw on purpose; `message` is Chinese and names the file (and sheet). */
export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly file: string;
  readonly sheet: string | undefined;

  constructor(
    code: ReadErrorCode,
    message: string,
    where: { file: string; sheet?: string },
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ReadError';
    this.code = code;
    this.file = where.file;
    this.sheet = where.sheet;
  }
}

export interface ReadProgress {
  /** 'detect' | 'workbook' | 'strings' | 'sheet' | 'csv' — what is being read now. */
  phase: string;
  rowsRead: number;
  /** 0–100 for the current phase, null when the size is unknown. */
  percent: number | null;
}

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal;
  /** Called at most every 100 ms, and once at 100 % when a phase ends. */
  onProgress?: (p: ReadProgress) => void;
}

export function resolveLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

/** The file's name as the clerk knows it (no folders: the path may hold the user's name). */
export const fileLabel = (file: string): string => basename(file);

/** '文件“x.xlsx”' or '文件“x.xlsx”的工作表“花名册”', the subject of every message. */
export function where(file: string, sheet?: string): string {
  return sheet === undefined ? `文件“${fileLabel(file)}”` : `文件“${fileLabel(file)}”的工作表“${sheet}”`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${trimNumber(n / (1024 * 1024 * 1024))} GB`;
  if (n >= 1024 * 1024) return `${trimNumber(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${trimNumber(n / 1024)} KB`;
  return `${n} 字节`;
}

const trimNumber = (x: number): string => String(Math.round(x * 10) / 10);

/** 500000 → '500,000' (clerks read grouped digits more easily). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
