// The readers' column store (main/core/import/read/sheet-rows.ts): what goes in row by row reads back
// cell by cell, whichever way a column is stored (dictionary codes of one, two or four bytes, or its texts
// for a column of mostly different values), with shared strings resolved after the sheet, merged cells
// filled in, and empty rows at the end dropped.
import { describe, expect, it } from 'vitest';
import { SheetRows, textIn } from '../../main/core/import/read/sheet-rows.ts';

describe('SheetRows', () => {
  it('reads back ragged rows, missing cells as empty, and the number cells', () => {
    const rows = SheetRows.of(
      [['户编号', '姓名'], ['H1', '张三', '汉族', '备注'], [], ['H2']],
      [undefined, [0], undefined, [0]],
    );
    expect(rows.length).toBe(4);
    expect(rows.width).toBe(4);
    expect(rows.toArrays()).toEqual([['户编号', '姓名'], ['H1', '张三', '汉族', '备注'], [], ['H2']]);
    expect(rows.cell(1, 3)).toBe('备注');
    expect(rows.cell(3, 3)).toBe('');
    expect(rows.cell(9, 0)).toBe('');
    expect(rows.cell(0, 40)).toBe('');
    expect([rows.isNumber(1, 0), rows.isNumber(1, 1), rows.isNumber(0, 0)]).toEqual([true, false, false]);
    expect(rows.numberColumns(3)).toEqual([0]);
    expect(rows.numberColumns(2)).toBeUndefined();
  });

  it('keeps every value of a column past 255 and 65,535 distinct texts, and a mostly distinct column as texts', () => {
    const n = 70_000;
    const rows = new SheetRows();
    for (let i = 0; i < n; i++) rows.append([`户${i % 300}`, `人${i % 66_000}`, `证${i}`], 3, null);
    for (const i of [0, 255, 256, 299, 300, 1999, 2000, 65_535, 65_536, n - 1])
      expect(rows.cells(i)).toEqual([`户${i % 300}`, `人${i % 66_000}`, `证${i}`]);
    // The dictionary columns give codes (equal codes, equal texts); the distinct one keeps its texts.
    expect(rows.column(0).codes?.[300]).toBe(rows.column(0).codes?.[0]);
    expect(rows.column(2).codes).toBeNull();
    expect(textIn(rows.column(0), 301)).toBe('户1');
    expect(textIn(rows.column(7), 0)).toBe('');
  });

  it('resolves shared-string indexes after the sheet, in dictionary and text columns alike', () => {
    const rows = new SheetRows();
    const strings = Array.from({ length: 3000 }, (_, k) => `串${k}`);
    for (let i = 0; i < 2500; i++) rows.append([i % 3, 100 + i, i % 2 === 0 ? '文本' : 7], 3, null);
    rows.resolveShared(strings, 100, () => {
      throw new Error('not too long');
    });
    expect(rows.cells(0)).toEqual(['串0', '串100', '文本']);
    expect(rows.cells(2499)).toEqual(['串0', '串2599', '串7']);
    // A missing item reads as empty: an index past the table.
    const short = new SheetRows();
    short.append([0, 5], 2, null);
    short.resolveShared(['a'], 100, () => {
      throw new Error('not too long');
    });
    expect(short.cells(0)).toEqual(['a']);
  });

  it('names the first row and column holding a shared string over the cell limit', () => {
    const rows = new SheetRows();
    rows.append(['姓名', '备注'], 2, null);
    rows.append(['张三', 0], 2, null);
    rows.append(['李四', 1], 2, null);
    let where: [number, number, number] | null = null;
    expect(() =>
      rows.resolveShared(['短', 'x'.repeat(50)], 10, (row, column, length) => {
        where = [row, column, length];
        throw new Error('too long');
      }),
    ).toThrow('too long');
    expect(where).toEqual([2, 1, 50]);
  });

  it('drops the rows at the end that turned out empty, fills cells in place, and takes rows after sealing', () => {
    const rows = new SheetRows();
    rows.append(['户编号', '姓名'], 2, null);
    rows.append(['H1', '张三'], 2, null);
    rows.append(['', '李四'], 2, null);
    rows.append([0], 1, null);
    rows.append([0, 0], 2, null);
    rows.seal();
    rows.resolveShared([''], 100, () => {
      throw new Error('not too long');
    });
    expect(rows.dropTrailingEmpty()).toBe(2);
    expect(rows.length).toBe(3);
    rows.set(2, 0, 'H1', true);
    rows.set(2, 3, '新列', false);
    expect(rows.toArrays()).toEqual([
      ['户编号', '姓名'],
      ['H1', '张三'],
      ['H1', '李四', '', '新列'],
    ]);
    expect(rows.isNumber(2, 0)).toBe(true);
    // A row appended after the drop starts empty, not with what the dropped row held.
    rows.append(['H2'], 1, null);
    expect(rows.cells(3)).toEqual(['H2']);
  });
});
