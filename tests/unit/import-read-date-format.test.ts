import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  builtinFormatKind,
  cellFormatOf,
  dateCellText,
  formatCodeKind,
  serialToIsoDate,
  serialToTime,
} from '../../main/core/import/read/date-format.ts';

describe('date format recognition', () => {
  const dates = [
    'yyyy-mm-dd',
    'yyyy\\-mm\\-dd',
    'm/d/yy',
    'yyyy/m/d',
    'yyyy"年"m"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'dd/mm/yyyy;@',
    'yyyy-mm-dd hh:mm:ss',
    'e"年"m"月"d"日"',
  ];
  /** Year and month without a day: Excel shows no day, so the reader gives none. */
  const months = ['mmm-yy', 'yyyy"年"m"月"', 'yyyy-mm', 'yyyy.mm', '[$-804]yyyy"年"m"月";@', 'yyyymm'];
  const times = ['hh:mm', 'h:mm:ss AM/PM', '[h]:mm:ss', 'mm:ss', '上午/下午h"时"mm"分"', 'h"时"mm"分"ss"秒"'];
  const neither = [
    'General',
    '0',
    '0.00',
    '#,##0',
    '0.00E+00',
    '@',
    '"d"0',
    '0"元"',
    '[Red]0.00',
    '0%',
    '#,##0.00_);(#,##0.00)',
  ];

  it('tells dates, times and numbers apart', () => {
    for (const f of dates) expect(formatCodeKind(f), f).toBe('date');
    for (const f of months) expect(formatCodeKind(f), f).toBe('month');
    for (const f of times) expect(formatCodeKind(f), f).toBe('time');
    for (const f of neither) expect(formatCodeKind(f), f).toBeNull();
  });

  it('agrees with SheetJS on whether a format is a date or time at all', () => {
    for (const f of [...dates, ...months, ...times, ...neither]) {
      expect(formatCodeKind(f) !== null, f).toBe(XLSX.SSF.is_date(f));
    }
  });

  it('knows the built-in ids, East Asian ones included', () => {
    expect(builtinFormatKind(14)).toBe('date');
    expect(builtinFormatKind(22)).toBe('date');
    expect(builtinFormatKind(31)).toBe('date'); // yyyy"年"m"月"d"日" in a Chinese Excel
    expect(builtinFormatKind(57)).toBe('month'); // yyyy"年"m"月" in a Chinese Excel
    expect(builtinFormatKind(17)).toBe('month'); // mmm-yy
    expect(builtinFormatKind(20)).toBe('time');
    expect(builtinFormatKind(32)).toBe('time');
    expect(builtinFormatKind(0)).toBeNull();
    expect(builtinFormatKind(49)).toBeNull();
  });
});

describe('formats that change what a number cell says', () => {
  it('pads whole numbers for zero-padding formats only', () => {
    expect(cellFormatOf('000000')).toBe(6);
    expect(cellFormatOf('00;@')).toBe(2);
    for (const f of ['0', 'General', '0.00', '#,##0', '@', 1, 2])
      expect(cellFormatOf(f), String(f)).toBeNull();
    expect(cellFormatOf(14)).toBe('date');
    expect(cellFormatOf('yyyy"年"m"月"')).toBe('month');
  });

  it('gives year and month for a month format', () => {
    expect(dateCellText(31113, 'month', false)).toBe('1985-03');
    expect(dateCellText(31113, 'date', false)).toBe('1985-03-07');
  });
});

describe('serial dates', () => {
  it('converts like Excel, including the 1900 leap-year bug', () => {
    expect(serialToIsoDate(1, false)).toBe('1900-01-01');
    expect(serialToIsoDate(59, false)).toBe('1900-02-28');
    expect(serialToIsoDate(60, false)).toBe('1900-02-29');
    expect(serialToIsoDate(61, false)).toBe('1900-03-01');
    expect(serialToIsoDate(31113, false)).toBe('1985-03-07');
    expect(serialToIsoDate(43910.75, false)).toBe('2020-03-20');
    expect(serialToIsoDate(43910.999999999, false)).toBe('2020-03-21');
    expect(serialToIsoDate(2958465, false)).toBe('9999-12-31');
  });

  it('supports the 1904 date system', () => {
    expect(serialToIsoDate(0.5, true)).toBe('1904-01-01');
    expect(serialToIsoDate(-1, true)).toBeNull();
    expect(serialToIsoDate(1, true)).toBe('1904-01-02');
    expect(serialToIsoDate(31113 - 1462, true)).toBe('1985-03-07');
  });

  it('leaves numbers that are not dates Excel can show', () => {
    expect(serialToIsoDate(0, false)).toBeNull();
    expect(serialToIsoDate(-5, false)).toBeNull();
    expect(serialToIsoDate(2958466, false)).toBeNull();
    expect(serialToIsoDate(Number.NaN, false)).toBeNull();
  });

  it('agrees with SheetJS for every day from 1900 to 2100', () => {
    for (let serial = 61; serial < 73_051; serial += 7) {
      const p = XLSX.SSF.parse_date_code(serial);
      const expected = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
      expect(serialToIsoDate(serial, false)).toBe(expected);
    }
  });

  it('renders times', () => {
    expect(serialToTime(0.5)).toBe('12:00:00');
    expect(serialToTime(0.75 + 30 / 86400)).toBe('18:00:30');
    expect(serialToTime(1.25)).toBe('30:00:00');
  });
});
