import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  cellAddress,
  columnIndex,
  columnLetter,
  describeCell,
  excelRowNumber,
  parseCellRef,
  sheetRowToIndex,
} from '../../main/core/import/read/cell-address.ts';
import type { SheetData } from '../../main/core/import/read/types.ts';

describe('column letters', () => {
  it('names columns as Excel does', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(51)).toBe('AZ');
    expect(columnLetter(52)).toBe('BA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
  });

  it('agrees with SheetJS on every column and round-trips', () => {
    for (let c = 0; c < 16384; c++) {
      const letters = columnLetter(c);
      expect(letters).toBe(XLSX.utils.encode_col(c));
      expect(columnIndex(letters)).toBe(c);
    }
    expect(columnIndex('xfd')).toBe(16383);
  });

  it('rejects what is not a column', () => {
    expect(columnIndex('')).toBe(-1);
    expect(columnIndex('A1')).toBe(-1);
    expect(columnIndex('ABCD')).toBe(-1);
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });

  it('parses cell references inside Excel grid only', () => {
    expect(parseCellRef('H8')).toEqual({ r: 7, c: 7 });
    expect(parseCellRef('$AA$10')).toEqual({ r: 9, c: 26 });
    expect(parseCellRef('XFE1')).toBeNull();
    expect(parseCellRef('A1048577')).toBeNull();
    expect(parseCellRef('A0')).toBeNull();
  });
});

describe('Excel row numbers', () => {
  it('are index + 1 when no rows were dropped', () => {
    const data: Pick<SheetData, 'rowNumbers'> & { rows: string[][] } = { rows: [['a'], ['b'], ['c']] };
    expect(excelRowNumber(data, 0)).toBe(1);
    expect(excelRowNumber(data, 2)).toBe(3);
    expect(sheetRowToIndex(data, 2)).toBe(2);
    expect(sheetRowToIndex(data, 3)).toBe(-1);
  });

  it('follow rowNumbers when a long empty run was dropped', () => {
    const data = { rows: [['a'], ['b'], ['z']], rowNumbers: [1, 2, 50_000] };
    expect(excelRowNumber(data, 2)).toBe(50_000);
    expect(sheetRowToIndex(data, 49_999)).toBe(2);
    expect(sheetRowToIndex(data, 1)).toBe(1);
    expect(sheetRowToIndex(data, 100)).toBe(-1);
  });

  it('describe a cell the way messages name it', () => {
    expect(cellAddress(8, 7)).toBe('H8');
    expect(describeCell('花名册', 8, 7)).toBe('工作表“花名册”第 8 行 H 列');
    expect(describeCell('花名册', 8)).toBe('工作表“花名册”第 8 行');
  });
});
