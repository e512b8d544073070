// Small pure helpers ledger definitions share: date arithmetic for 期满日期, 去向类别 from 区划代码,
// and the "其他 needs 说明" rule.
import type { Issue } from '../rules/issue.ts';
import type { LedgerValues } from './define.ts';

/** ISO date plus n days (n may be negative); null for a missing or malformed date. */
export function addDays(iso: unknown, days: number): string | null {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  return new Date(t + Math.round(days) * 86_400_000).toISOString().slice(0, 10);
}

/** ISO date plus n years (29 Feb falls back to 28 Feb). */
export function addYears(iso: unknown, years: number): string | null {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

/** 去向类别 codes (第三次农业普查's 县内 / 县外市内 / 市外省内 / 外省 split, plus 境外). */
export const DESTINATION = {
  inCounty: '01',
  inCity: '02',
  inProvince: '03',
  otherProvince: '04',
  abroad: '05',
} as const;

/**
 * 去向类别 of a work place against the home county, both 6-digit 区划代码; null when the code is too
 * coarse to tell (the home city named without its county, the home province without its city).
 */
export function destinationOf(homeCounty: string, place: string | null): string | null {
  if (place === null || !/^\d{6}$/.test(place) || !/^\d{6}$/.test(homeCounty)) return null;
  const province = place.slice(0, 2);
  const city = place.slice(0, 4);
  if (province !== homeCounty.slice(0, 2)) return DESTINATION.otherProvince;
  if (place.endsWith('0000')) return null; // the home province itself
  if (city !== homeCounty.slice(0, 4)) return DESTINATION.inProvince;
  if (place.endsWith('00')) return null; // the home city itself
  return place === homeCounty ? DESTINATION.inCounty : DESTINATION.inCity;
}

/** A code field set to 其他 (99 by convention) needs its 说明 field filled. */
export function otherNeedsNote(
  values: Readonly<LedgerValues>,
  column: string,
  noteColumn: string,
  message: string,
  otherCode = '99',
): Issue[] {
  const v = values[column];
  const codes = typeof v === 'string' ? v.split(',') : [];
  const note = values[noteColumn];
  return codes.includes(otherCode) && (note === null || note === undefined || note === '')
    ? [{ field: noteColumn, level: 'error', message }]
    : [];
}

/** An end date before its start date. */
export function notBefore(
  values: Readonly<LedgerValues>,
  start: string,
  end: string,
  message: string,
): Issue[] {
  const a = values[start];
  const b = values[end];
  return typeof a === 'string' && typeof b === 'string' && b < a
    ? [{ field: end, level: 'error', message }]
    : [];
}

/** ISO date plus n calendar months; the day falls back to the month's last (01-31 + 1 month = 02-28/29). */
export function addMonths(iso: unknown, months: number): string | null {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + Math.round(months);
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(iso.slice(8, 10)), last);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A value left empty (null, missing or ''). */
export const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** A numeric value (numbers, or numeric text from older rows); null when empty or not a number. */
export function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Whether a code field, or a multi-code field ("01,04"), holds `code`. */
export function hasCode(values: Readonly<LedgerValues>, column: string, code: string): boolean {
  const v = values[column];
  return typeof v === 'string' && v.split(',').includes(code);
}

/** One issue for each of `columns` left empty (已销号 needs 销号日期 and 销号人). */
export function requireFilled(
  values: Readonly<LedgerValues>,
  columns: readonly string[],
  message: string,
  level: Issue['level'] = 'error',
): Issue[] {
  return columns.filter((c) => isBlank(values[c])).map((field) => ({ field, level, message }));
}
