// Recognises date and time number formats, and turns Excel serial numbers into 'YYYY-MM-DD'.
// Excel stores a date as a plain number; only the cell's number format says it is a date, so the readers
// need this to give '1985-03-07' instead of '31113'.

export type DateKind = 'date' | 'time';

/**
 * Built-in format ids that are dates or times. 27–36 and 50–58 are the East Asian ones: in a Chinese
 * Excel 31 is yyyy"年"m"月"d"日" and 32 is h"时"mm"分". 22 (date and time) counts as a date.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

export function builtinFormatKind(id: number): DateKind | null {
  if (BUILTIN_DATE_IDS.has(id)) return 'date';
  if (BUILTIN_TIME_IDS.has(id)) return 'time';
  return null;
}

/** 'date' for yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日"…; 'time' for hh:mm, 上午/下午h"时"…; null otherwise. */
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
  if (/[yYdDeEgG]/.test(tokens) || /[bB][12]/.test(tokens)) return 'date';
  if (/[mM]/.test(tokens)) return hasTime ? 'time' : 'date';
  return hasTime ? 'time' : null;
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

/** The cell text for a date- or time-formatted number, or null to keep the raw number. */
export function dateCellText(serial: number, kind: DateKind, date1904: boolean): string | null {
  return kind === 'date' ? serialToIsoDate(serial, date1904) : serialToTime(serial);
}
