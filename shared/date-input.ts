// Dates as clerks type them: 19850307, 1985.3.7, 1985-03-07, 1985/3/7, 1985年3月7日 → '1985-03-07'.
// Also the shape Excel and national exports produce: '1985-03-07 00:00:00'. A year and month without a
// day (rosters' 出生年月: 198503, 1985.03, 1985年3月) is a different thing, read by parseYearMonth.

const pad = (n: number) => String(n).padStart(2, '0');

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= (days[month - 1] ?? 0);
}

const halfWidthDigits = (raw: string): string =>
  raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** ISO 'YYYY-MM-DD' for a typed date, or null when it is not a real calendar date. */
export function parseDateInput(raw: string): string | null {
  const text = halfWidthDigits(raw).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/**
 * 'YYYY-MM' for a year and month written without a day: 198503, 1985.03, 1985.3, 1985-3, 1985/03,
 * 1985年3月 (and '1985-03', what the readers give for a date cell formatted as year and month); null
 * for anything else, a full date included.
 */
export function parseYearMonth(raw: string): string | null {
  const text = halfWidthDigits(raw);
  const m = /^(\d{4})(\d{2})$/.exec(text) ?? /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(text);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return isRealDate(year, month, 1) ? `${year}-${pad(month)}` : null;
}

/** Today in the local calendar as 'YYYY-MM-DD' (the clerk's date, not UTC). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
