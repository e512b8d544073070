// Dates as clerks type them, and the year-and-month-only 出生年月 of village rosters.
import { describe, expect, it } from 'vitest';
import { parseDateInput, parseYearMonth } from '../../shared/date-input.ts';
import { excelDigits } from '../../shared/import/normalize.ts';

describe('parseYearMonth', () => {
  it('reads a year and month in the shapes rosters use', () => {
    for (const text of [
      '1985.03',
      '1985.3',
      '1985-3',
      '1985/03',
      '1985年3月',
      '1985年03月',
      '198503',
      '1985-03',
      '１９８５年３月',
      ' 1985 . 3 ',
    ])
      expect(parseYearMonth(text), text).toBe('1985-03');
  });

  it('refuses full dates, impossible months and other text', () => {
    for (const text of [
      '1985-03-07',
      '19850307',
      '1985.13',
      '1985.0',
      '198513',
      '1899.12',
      '85.3',
      '1985',
      '三月',
      '',
    ])
      expect(parseYearMonth(text), text).toBeNull();
  });

  it('leaves full dates to parseDateInput, which does not take a year and month', () => {
    expect(parseDateInput('1985.3.7')).toBe('1985-03-07');
    expect(parseDateInput('198503')).toBeNull();
    expect(parseDateInput('1985.03')).toBeNull();
  });
});

describe('excelDigits', () => {
  it('gives a number as Excel shows it: 15 significant digits, then zeros', () => {
    expect(excelDigits('3.4182319731007E+17')).toBe('341823197310070000');
    expect(excelDigits('341823197310070300')).toBe('341823197310070000'); // a double read from an .xls
    expect(excelDigits('341823197310070258')).toBe('341823197310070000');
    expect(excelDigits('3.41823731007123E+14')).toBe('341823731007123');
    expect(excelDigits('000012')).toBe('000012');
    expect(excelDigits('1234')).toBe('1234');
  });

  it('is null for anything but a whole non-negative number', () => {
    for (const text of ['3.5', '-12', '12a', '', '1985.03']) expect(excelDigits(text), text).toBeNull();
  });
});
