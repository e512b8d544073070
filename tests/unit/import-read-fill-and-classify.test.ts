import { describe, expect, it } from 'vitest';
import { fillAndClassify, fillMergedDown } from '../../main/core/import/read/fill-and-classify.ts';
import { SheetRows } from '../../main/core/import/read/sheet-rows.ts';
import { classify } from '../helpers/sheet-data.ts';
import { knownHeaderNames, locateHeader } from '../../main/core/import/read/locate-header.ts';
import type { Merge, SheetData } from '../../main/core/import/read/types.ts';

const KNOWN = knownHeaderNames();
const m = (r1: number, c1: number, r2: number, c2: number): Merge => ({
  s: { r: r1, c: c1 },
  e: { r: r2, c: c2 },
});

/** Household columns A–C merged down over the member rows, as village rosters do. */
function roster(edit: (rows: string[][]) => void = () => {}): SheetData {
  const rows = [
    ['黄田村花名册'], // 1
    ['户编号', '户主姓名', '家庭人口数', '姓名', '与户主关系', '证件号码'], // 2
    ['H1', '何艳兰', '3', '何艳兰', '户主', '341823195606140252'], // 3
    ['', '', '', '金梅翠', '之母', '341823193711120385'], // 4
    ['', '', '', '贾超福', '之母', '34182319310920050X'], // 5
    [], // 6 blank
    ['H2', '陈鑫', '1', '陈鑫', '户主', '341823195711140643'], // 7
    ['户编号', '户主姓名', '家庭人口数', '姓名', '与户主关系', '证件号码'], // 8 repeated on a new page
    ['H3', '龚山', '2', '龚山', '户主', '341823197302031152'], // 9
    ['', '', '', '周国', '之女', '341823200209161280'], // 10
    ['榔桥镇小计', '', '3户', '6'], // 11
    ['合  计', '', '3户', '6'], // 12
    ['填表人：张三', '', '审核人：', '', '村支书签字：'], // 13
    ['', '', '', '', '2020年2月28日'], // 14
  ];
  edit(rows);
  return {
    sheet: '花名册',
    rows: SheetRows.of(rows),
    merges: [
      m(0, 0, 0, 5),
      m(2, 0, 4, 0),
      m(2, 1, 4, 1),
      m(2, 2, 4, 2),
      m(8, 0, 9, 0),
      m(8, 1, 9, 1),
      m(8, 2, 9, 2),
    ],
  };
}

describe('fillAndClassify', () => {
  it('fills merged household columns down to every member row', () => {
    const data = roster();
    const result = classify(data, locateHeader(data, KNOWN));
    expect(result.rows.map((r) => [r.row, r.cells.slice(0, 4).join('|')])).toEqual([
      [3, 'H1|何艳兰|3|何艳兰'],
      [4, 'H1|何艳兰|3|金梅翠'],
      [5, 'H1|何艳兰|3|贾超福'],
      [7, 'H2|陈鑫|1|陈鑫'],
      [9, 'H3|龚山|2|龚山'],
      [10, 'H3|龚山|2|周国'],
    ]);
    expect(result.filledCells).toBe(9);
    // Filled in the sheet's rows themselves (the import reads them there).
    expect(data.rows.cell(3, 0)).toBe('H1');
  });

  it('lists every skipped row with its Excel row number and reason', () => {
    const data = roster();
    const result = fillAndClassify(data, locateHeader(data, KNOWN));
    expect(result.skipped).toEqual([
      { row: 6, reason: '空行' },
      { row: 8, reason: '重复表头' },
      { row: 11, reason: '小计行' },
      { row: 12, reason: '合计行' },
      { row: 13, reason: '表尾签字行' },
      { row: 14, reason: '表尾签字行' },
    ]);
    expect(result.table.length + result.skipped.length).toBe(data.rows.length - 2);
  });

  it('fills only the first column of a merge (a horizontal merge joins columns for layout)', () => {
    const data: SheetData = {
      sheet: 's',
      rows: SheetRows.of([
        ['姓名', '证件号码', '住址', '备注'],
        ['张三', '1', '一组', ''],
        ['李四', '2', '', ''],
      ]),
      merges: [m(1, 2, 2, 3)],
    };
    expect(fillMergedDown(data, 1)).toBe(1);
    expect(data.rows.toArrays()).toEqual([
      ['姓名', '证件号码', '住址', '备注'],
      ['张三', '1', '一组'],
      ['李四', '2', '一组'],
    ]);
  });

  it('passes number cells on, and a number filled down from a merge stays a number', () => {
    const data: SheetData = {
      sheet: 's',
      rows: SheetRows.of(
        [
          ['户编号', '姓名', '家庭人口'],
          ['4206260000000501', '张三', '2'],
          ['', '李四', '2'],
        ],
        [undefined, [0, 2], [2]],
      ),
      merges: [m(1, 0, 2, 0)],
    };
    const result = classify(data, locateHeader(data, KNOWN));
    expect(result.rows.map((r) => [r.cells[0], r.numbers])).toEqual([
      ['4206260000000501', [0, 2]],
      ['4206260000000501', [0, 2]],
    ]);
  });

  it('keeps a member row that is blank of its own as blank even inside a household merge', () => {
    const data = roster((rows) => {
      rows[4] = []; // 贾超福's row emptied, A–C still merged over it
    });
    const result = fillAndClassify(data, locateHeader(data, KNOWN));
    expect(result.skipped[0]).toEqual({ row: 5, reason: '空行' });
  });

  it('uses rowNumbers when long empty runs were dropped', () => {
    const data: SheetData = {
      sheet: 's',
      rows: SheetRows.of([
        ['户编号', '姓名'],
        ['H1', '张三'],
        ['', '李四'],
        ['H9', '王五'],
      ]),
      rowNumbers: [1, 2, 3, 5000],
      merges: [m(1, 0, 2, 0)],
    };
    const result = classify(data, locateHeader(data, KNOWN));
    expect(result.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, 'H1'],
      [3, 'H1'],
      [5000, 'H9'],
    ]);
  });

  it('returns no rows for a header without data', () => {
    const data: SheetData = { sheet: 's', rows: SheetRows.of([['标题'], ['姓名', '证件号码']]), merges: [] };
    const header = locateHeader(data, KNOWN);
    expect(header.dataStart).toBe(2);
    expect(classify(data, header)).toEqual({ rows: [], skipped: [], filledCells: 0 });
  });

  it('does not take 合计 in a later column for a total row', () => {
    const data: SheetData = {
      sheet: 's',
      rows: SheetRows.of([
        ['姓名', '证件号码', '与户主关系', '文化程度', '备注'],
        ['张三', '1', '户主', '小学', '合计'],
      ]),
      merges: [],
    };
    expect(fillAndClassify(data, locateHeader(data, KNOWN)).table.length).toBe(1);
  });
});
