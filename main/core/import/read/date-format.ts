// Recognises the number formats that change what a number cell says, and turns Excel serial numbers into
// 'YYYY-MM-DD'. Excel stores a date as a plain number; only the cell's number format says it is a date,
// so the readers need this to give '1985-03-07' instead of '31113'. A year-and-month format (1985年3月)
// gives '1985-03', as Excel shows it: the day Excel stored is its own filler, not something the clerk wrote.
// A zero-padding format (000000) gives '000012' for 12, as Excel shows it.

/** 'month': a date shown as year and month only (yyyy"年"m"月", yyyy-mm, mmm-yy). */
export type DateKind = 'date' | 'month' | 'time';

/**
 * What a cell's number format does to its text: a date kind, or a count of digits to zero-pad a whole
 * number to (format 000000 → 6). null: the number text stays as the file stores it.
 */
export type CellFormat = DateKind | number;

/**
 * Built-in format ids that are dates or times. 27–36 and 50–58 are the East Asian ones, read as a Chinese
 * (zh-CN) Excel shows them: 31 is yyyy"年"m"月"d"日", 27/36/50/52/57 are yyyy"年"m"月", 32 is h"时"mm"分".
 * 17 is mmm-yy. 22 (date and time) counts as a date.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 22, 28, 29, 30, 31, 51, 53, 54, 58]);
const BUILTIN_MONTH_IDS = new Set([17, 27, 36, 50, 52, 57]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

export function builtinFormatKind(id: number): DateKind | null {
  if (BUILTIN_DATE_IDS.has(id)) return 'date';
  if (BUILTIN_MONTH_IDS.has(id)) return 'month';
  if (BUILTIN_TIME_IDS.has(id)) return 'time';
  return null;
}

/**
 * 'date' for yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日"…; 'month' for yyyy"年"m"月", yyyy-mm, mmm-yy; 'time'
 * for hh:mm, 上午/下午h"时"…; null otherwise.
 */
export function formatCodeKind(code: string): DateKind | null {
  const tokens = code
    .replace(/"[^"]*"/g, '') // literal text such as "年"
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, '') // padding and fill characters
    .replace(/\[(h+|m+|s+)\]/gi, ' $1 ') // elapsed time [h]:mm keeps its tokens
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales [$-804], [DBNum1]
    .replace(/AM\/PM|A\/P|上午\/下午/gi, ' h ')
    .replace(/general/gi, '')
    .replace(/[eE][+-]/g, ''); // scientific notation 0.00E+00
  const hasTime = /[hHsS]/.test(tokens);
  if (/[yYdDeEgG]/.test(tokens) || /[bB][12]/.test(tokens)) {
    // A year and a month without a day (and without a time, whose m would be minutes).
    return /[mM]/.test(tokens) && !/[dD]/.test(tokens) && !hasTime ? 'month' : 'date';
  }
  if (/[mM]/.test(tokens)) return hasTime ? 'time' : 'date';
  return hasTime ? 'time' : null;
}

/** 6 for 000000 (the first section, before any ';'), null for any other format. */
export function zeroPadWidth(code: string): number | null {
  const first = code.split(';')[0]?.trim() ?? '';
  return /^0{2,}$/.test(first) ? first.length : null;
}

/** The format of a custom format code, or of a built-in id (no built-in pads with zeros). */
export function cellFormatOf(format: string | number): CellFormat | null {
  if (typeof format === 'number') return builtinFormatKind(format);
  return formatCodeKind(format) ?? zeroPadWidth(format);
}

/** A whole number below 10^15 (Excel's exact range) padded to `width` digits, or null to keep the text. */
export function zeroPadded(value: number, width: number): string | null {
  if (!Number.isInteger(value) || value < 0 || value >= 1e15) return null;
  return String(value).padStart(width, '0');
}

const DAY_MS = 86_400_000;
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * 'YYYY-MM-DD' for an Excel serial date, or null when it is not a date Excel can show (negative, 0 in the
 * 1900 system, past 9999). Serial 60 is Excel's phantom 1900-02-29 (kept from Lotus 1-2-3), shown as such.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  // Round to the second first: 43910.99999999 is shown by Excel as the next day.
  let days = Math.floor(Math.round(serial * 86_400) / 86_400);
  // In the 1904 system (old Mac workbooks) serial 0 is 1904-01-01; in the 1900 system 0 is no date.
  if (days < (date1904 ? 0 : 1) || days > MAX_SERIAL) return null;
  if (date1904) days += 1462;
  else if (days === 60) return '1900-02-29';
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** 'HH:MM:SS' for the time part of a serial (hours run past 24 for elapsed times such as [h]:mm). */
export function serialToTime(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const seconds = Math.round(serial * 86_400);
  const h = Math.floor(seconds / 3600);
  return `${pad2(h)}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

/** The cell text for a date-, month- or time-formatted number, or null to keep the raw number. */
export function dateCellText(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (kind === 'time') return serialToTime(serial);
  const iso = serialToIsoDate(serial, date1904);
  return iso !== null && kind === 'month' ? iso.slice(0, 7) : iso;
}

/**
 * The text of a number cell with this format: a date, a month or a time as above, a zero-padded whole
 * number, or null to keep the number text.
 */
export function formattedNumberText(value: number, format: CellFormat, date1904: boolean): string | null {
  return typeof format === 'number' ? zeroPadded(value, format) : dateCellText(value, format, date1904);
}
