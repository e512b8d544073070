// The import's data rows stored by column (main/core/import/table-rows.ts): every cell reads back as
// written, number cells stay marked, and columns with more distinct texts than a byte or two bytes
// can number still read back right.
import { describe, expect, it } from 'vitest';
import { TableRows } from '../../main/core/import/table-rows.ts';

describe('TableRows', () => {
  it('gives back each row, its cells and its number cells', () => {
    const t = TableRows.from([
      { row: 5, cells: ['张三', '342623198501011234', '汉族'], numbers: [1] },
      { row: 6, cells: ['李四', '', '汉族', '备注'] },
      { row: 9, cells: [] },
    ]);
    expect(t.length).toBe(3);
    expect(t.allRowNumbers()).toEqual([5, 6, 9]);
    expect([t.row(0), t.row(1), t.row(2)]).toEqual([5, 6, 9]);
    expect(t.cell(0, 1)).toBe('342623198501011234');
    expect(t.cell(1, 3)).toBe('备注');
    expect(t.cell(0, 3)).toBe('');
    expect(t.cell(2, 0)).toBe('');
    expect(t.cell(0, 40)).toBe('');
    expect(t.isNumber(0, 1)).toBe(true);
    expect(t.isNumber(0, 0)).toBe(false);
    expect(t.isNumber(1, 1)).toBe(false);
    expect(t.cells(0)).toEqual(['张三', '342623198501011234', '汉族']);
    expect(t.cells(1)).toEqual(['李四', '', '汉族', '备注']);
    expect(t.cells(2)).toEqual([]);
  });

  it('reads back columns of 300 and of 70,000 distinct texts', () => {
    const n = 70_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      cells: [`户${i % 300}`, `人${i}`, i % 2 === 0 ? '是' : ''],
    }));
    const t = TableRows.from(rows);
    for (const i of [0, 1, 255, 256, 299, 300, 65_535, 65_536, n - 1]) {
      expect(t.cells(i)).toEqual(rows[i]?.cells.slice(0, i % 2 === 0 ? 3 : 2));
      expect(t.row(i)).toBe(i + 2);
    }
  });
});
