import { describe, expect, it } from 'vitest';
import {
  HeaderNotFoundError,
  cleanHeaderText,
  headerKey,
  isNumberingRow,
  isUnitsRow,
  knownHeaderNames,
  locateHeader,
} from '../../main/core/import/read/locate-header.ts';
import type { Merge, SheetData } from '../../main/core/import/read/types.ts';
import { SheetRows } from '../../main/core/import/read/sheet-rows.ts';

const KNOWN = knownHeaderNames();

/** 'A3:A4' → Merge. */
function merge(ref: string): Merge {
  const [a = '', b = ''] = ref.split(':');
  const cell = (s: string): { r: number; c: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (m === null) throw new Error(ref);
    let c = 0;
    for (const ch of m[1] ?? '') c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  return { s: cell(a), e: cell(b) };
}

const sheet = (rows: string[][], merges: string[] = [], name = '花名册'): SheetData => ({
  sheet: name,
  rows: SheetRows.of(rows),
  merges: merges.map(merge),
});

/** The village roster shape: title, seal/date line, 2-row header with a group over the member columns. */
const roster = sheet(
  [
    ['榔桥镇黄田村建档立卡贫困户花名册'],
    ['填报单位：黄田村村委会（盖章）', '', '', '', '', '', '', '填报日期：2020年2月28日'],
    ['序号', '户主', '家庭人口', '家庭成员情况', '', '', '', '贫困户属性'],
    ['', '', '', '姓  名', '性别', '与户主\n关系', '身份证号', ''],
    ['单位：户、人'],
    ['1', '何艳兰', '3', '何艳兰', '男', '户主', '341823195606140252', '低保贫困户'],
  ],
  ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4'],
);

describe('header names', () => {
  it('cleans layout spaces and line breaks', () => {
    expect(cleanHeaderText('姓  名')).toBe('姓名');
    expect(cleanHeaderText('务工时间\n（月）')).toBe('务工时间（月）');
    expect(cleanHeaderText('  ID  Number ')).toBe('ID Number');
  });

  it('gives one key for full-width/half-width, markers and colons', () => {
    expect(headerKey('务工时间（月）')).toBe(headerKey('务工时间(月)'));
    expect(headerKey('*证件号码')).toBe(headerKey('证件号码'));
    expect(headerKey('姓　名：')).toBe('姓名');
    expect(headerKey('AAB004')).toBe('aab004');
  });

  it('collects labels and aliases from the shared field definitions', () => {
    for (const name of [
      '户编号',
      '户主姓名',
      '证件号码',
      '公民身份号码',
      '与户主关系',
      '务工时间（月）',
      'AAC001',
    ]) {
      expect(KNOWN).toContain(name);
    }
  });
});

describe('locateHeader', () => {
  it('finds a merged 2-row header under a title, with group names flattened', () => {
    const h = locateHeader(roster, KNOWN);
    expect(h.headerRows).toEqual([2, 3]);
    expect(h.columns.map((c) => [c.letter, c.name, c.leaf])).toEqual([
      ['A', '序号', '序号'],
      ['B', '户主', '户主'],
      ['C', '家庭人口', '家庭人口'],
      ['D', '家庭成员情况/姓名', '姓名'],
      ['E', '家庭成员情况/性别', '性别'],
      ['F', '家庭成员情况/与户主关系', '与户主关系'],
      ['G', '家庭成员情况/身份证号', '身份证号'],
      ['H', '贫困户属性', '贫困户属性'],
    ]);
    expect(h.dataStart).toBe(5); // the units row is skipped
    expect(h.title).toBe('榔桥镇黄田村建档立卡贫困户花名册');
    expect({ ...h.meta }).toEqual({ 填报单位: '黄田村村委会（盖章）', 填报日期: '2020年2月28日' });
  });

  it('finds the national export header on row 3', () => {
    const h = locateHeader(
      sheet([
        ['（自定义）建档立卡人口信息'],
        ['导出时间：2020-02-28'],
        ['序号', '县(市、区、旗)', '户编号', '人编号', '姓名', '证件号码', '与户主关系', '务工时间（月）'],
        ['1', '泾县', '3418230000000801', '341823000000080101', '徐华伟', '341823197606050256', '户主', '0'],
      ]),
      KNOWN,
    );
    expect(h.headerRows).toEqual([2]);
    expect(h.dataStart).toBe(3);
    expect(h.title).toBe('（自定义）建档立卡人口信息');
    expect({ ...h.meta }).toEqual({ 导出时间: '2020-02-28' });
    expect(h.columns.find((c) => c.letter === 'H')?.name).toBe('务工时间（月）');
  });

  it('reads several meta pairs from one line and keeps the title', () => {
    const h = locateHeader(
      sheet([
        ['贫困劳动力外出务工情况统计表'],
        ['填报单位：XX乡(镇)人民政府（盖章）    统计时间：2020年 月 日      单位：户、人'],
        ['姓名', '证件号码', '户编号'],
        ['张三', '1', '2'],
      ]),
      KNOWN,
    );
    expect({ ...h.meta }).toEqual({
      填报单位: 'XX乡(镇)人民政府（盖章）',
      统计时间: '2020年 月 日',
      单位: '户、人',
    });
    expect(h.title).toBe('贫困劳动力外出务工情况统计表');
  });

  it('does not take a title merged across the table for a group header', () => {
    const h = locateHeader(
      sheet(
        [
          ['黄田村花名册', '', ''],
          ['姓名', '性别', '证件号码'],
          ['张三', '男', '1'],
        ],
        ['A1:C1'],
      ),
      KNOWN,
    );
    expect(h.headerRows).toEqual([1]);
    expect(h.title).toBe('黄田村花名册');
  });

  it('takes the lower row as sub-header when the best row is the group row', () => {
    const h = locateHeader(
      sheet(
        [
          ['户编号', '户主姓名', '家庭人口数', '成员', '', ''],
          ['', '', '', '甲', '乙', '丙'],
          ['1', '王五', '3', 'x', 'y', 'z'],
        ],
        ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1'],
      ),
      KNOWN,
    );
    expect(h.headerRows).toEqual([0, 1]);
    expect(h.columns.map((c) => c.name)).toEqual([
      '户编号',
      '户主姓名',
      '家庭人口数',
      '成员/甲',
      '成员/乙',
      '成员/丙',
    ]);
    expect(h.dataStart).toBe(2);
  });

  it('skips a units row and a column-number row under the header', () => {
    const h = locateHeader(
      sheet([
        ['姓名', '证件号码', '人均纯收入'],
        ['', '', '（元）'],
        ['甲', '乙', '1'],
        ['张三', '1', '2'],
      ]),
      KNOWN,
    );
    expect(h.dataStart).toBe(3);
  });

  it('gives one name to a leaf merged across two columns', () => {
    const h = locateHeader(
      sheet(
        [
          ['姓名', '证件号码', '备注', ''],
          ['a', 'b', 'c', 'd'],
        ],
        ['C1:D1'],
      ),
      KNOWN,
    );
    expect(h.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C']);
  });

  it('explains in Chinese when no row looks like a header', () => {
    const data = sheet([['统计表'], ['甲', '乙', '丙'], ['1', '2', '3']], [], '汇总');
    expect(() => locateHeader(data, KNOWN)).toThrow(HeaderNotFoundError);
    expect(() => locateHeader(data, KNOWN)).toThrow(/工作表“汇总”的前 3 行中找不到表头/);
  });

  it('keeps meta keys as data even when they are __proto__ or constructor', () => {
    const h = locateHeader(
      sheet([
        ['__proto__：polluted', 'constructor：x'],
        ['姓名', '证件号码'],
        ['a', 'b'],
      ]),
      KNOWN,
    );
    expect(h.meta['__proto__']).toBe('polluted');
    expect(Object.keys(h.meta)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('row shapes', () => {
  it('recognises units rows', () => {
    expect(isUnitsRow(['单位：户、人'])).toBe(true);
    expect(isUnitsRow(['', '（元）', '(人)', '亩'])).toBe(true);
    expect(isUnitsRow(['元/人'])).toBe(true);
    expect(isUnitsRow(['张三', '元'])).toBe(false);
    // A data row starting with a number (户编号, 序号) is refused before any normalising.
    expect(isUnitsRow(['4206261000010001', '元'])).toBe(false);
    expect(isUnitsRow([' （12', '人'])).toBe(false);
    expect(isUnitsRow(['kg'])).toBe(false);
    // Full-width and compatibility forms read as NFKC reads them (㎡ and m² are m2).
    expect(isUnitsRow(['％', '（㎡）', 'm²', '\u3000万元'])).toBe(true);
    expect(isUnitsRow([])).toBe(false);
  });

  it('recognises column-number rows', () => {
    expect(isNumberingRow(['1', '2', '3', '4'])).toBe(true);
    expect(isNumberingRow(['甲', '乙', '1', '2', '3'])).toBe(true);
    expect(isNumberingRow(['1', '2'])).toBe(false);
    expect(isNumberingRow(['1', '3', '4'])).toBe(false);
  });
});
