// Reading real files in every supported format: streamed .xlsx (checked against SheetJS), .xls, .ods,
// CSV in UTF-8/GBK, and the HTML tables some systems save as .xls.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSheets, readSheet } from '../../main/core/import/read/index.ts';
import { numberCellsOf } from '../helpers/sheet-data.ts';
import {
  FIXTURES_DIR,
  dateCell,
  differencesFromSheetJs,
  gbkBytes,
  rowXml,
  tempDir,
  writeHandmadeXlsx,
  writeWorkbook,
  type Cell,
} from '../fixtures/workbooks.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (name: string): string => path.join(dir, name);

/** A village roster as clerks make it: title, seal line, 2-row merged header, merged household columns. */
const ROSTER: Cell[][] = [
  ['榔桥镇黄田村建档立卡贫困户花名册'],
  ['填报单位：黄田村（盖章）', '', '', '', '', '', '', '填报日期：2020年2月28日'],
  ['户编号', '户主', '家庭人口', '家庭成员情况', '', '', '', '出生日期'],
  ['', '', '', '姓名', '性别', '关系', '身份证号', ''],
  ['3418230000000501', '何艳兰', 3, '何艳兰', '男', '户主', '341823195606140252', dateCell('1956-06-14')],
  ['', '', '', '金梅翠', '女', '之母', 341823193711120000, dateCell('1937-11-12', 'yyyy"年"m"月"d"日"')],
  ['', '', '', '贾超福', '女', '之母', '34182319310920050X', dateCell('1931-09-20', 'm/d/yy')],
  ['合计', '', '1户', 3],
  ['填表人：', '', '', '审核人：'],
];
const ROSTER_MERGES = ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4', 'A5:A7', 'B5:B7', 'C5:C7'];

describe('streamed .xlsx', () => {
  it('reads text, raw number text, dates and merges, and agrees with SheetJS', async () => {
    const file = writeWorkbook(at('roster.xlsx'), [{ name: '花名册', rows: ROSTER, merges: ROSTER_MERGES }]);
    const data = await readSheet(file, null);
    expect(data.sheet).toBe('花名册');
    expect(data.rows.length).toBe(9);
    expect(data.rows.cells(0)).toEqual(['榔桥镇黄田村建档立卡贫困户花名册']);
    expect(data.rows.cells(4)).toEqual([
      '3418230000000501',
      '何艳兰',
      '3',
      '何艳兰',
      '男',
      '户主',
      '341823195606140252',
      '1956-06-14',
    ]);
    // An ID that Excel stored as a number stays the number text, so a later stage can see lost digits.
    expect(data.rows.cell(5, 6)).toBe('341823193711120000');
    expect(data.rows.cell(5, 7)).toBe('1937-11-12');
    expect(data.rows.cell(6, 7)).toBe('1931-09-20');
    expect(data.merges).toContainEqual({ s: { r: 4, c: 0 }, e: { r: 6, c: 0 } });
    expect(data.merges).toHaveLength(ROSTER_MERGES.length);
    expect(data.rowNumbers).toBeUndefined();
    expect(differencesFromSheetJs(file, data)).toEqual([]);
  });

  it('keeps number text exactly as the file stores it', async () => {
    const file = writeHandmadeXlsx(at('numbers.xlsx'), [
      {
        name: 'Sheet1',
        xml:
          '<row r="1"><c r="A1"><v>4.20626198503071E+17</v></c><c r="B1"><v>1234</v></c><c r="C1"><v>0.1</v></c>' +
          '<c r="D1" s="3"><v>3.5</v></c><c r="E1" s="1"><v>31113</v></c><c r="F1" s="2"><v>43910.5</v></c>' +
          '<c r="G1" s="4"><v>43910</v></c><c r="H1" s="1"><v>-3</v></c></row>',
      },
    ]);
    const data = await readSheet(file, null);
    expect(data.rows.cells(0)).toEqual([
      '4.20626198503071E+17',
      '1234',
      '0.1',
      '3.5',
      '1985-03-07',
      '2020-03-20',
      '2020-03-20',
      '-3', // not a date Excel can show: kept as the number
    ]);
    expect(differencesFromSheetJs(file, data)).toEqual([]);
  });

  it('reads every cell type, rich text without phonetic guides, escapes, and cells without r', async () => {
    const file = writeHandmadeXlsx(
      at('types.xlsx'),
      [
        {
          name: '类型',
          xml:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><f>A1&amp;"x"</f><v>张三&amp;x</v></c>' +
            '<c r="D1" t="inlineStr"><is><r><t>多</t></r><r><rPr><b/><color rgb="FFFF0000"/></rPr><t xml:space="preserve">段 </t></r></is></c>' +
            '<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="s"><v>2</v></c></row>' +
            // no r on the row and on the cells: they follow on
            '<row><c t="s"><v>3</v></c><c/><c><v>7</v></c></row>' +
            '<row r="5" spans="1:3"><c r="C5" t="d"><v>2020-03-20T00:00:00</v></c><c r="A5" t="s"><v>4</v></c></row>',
        },
      ],
      {
        sharedStrings:
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<si><t>证件号码</t></si>' +
          '<si><r><t>何</t></r><r><rPr><sz val="11"/></rPr><t>艳兰</t></r><rPh sb="0" eb="1"><t>ホー</t></rPh><phoneticPr fontId="1"/></si>' +
          '<si><t>第一行_x000D_&#10;第二行 &lt;备注&gt;</t></si>' +
          '<si><t/></si>' +
          '<si><t xml:space="preserve">  空格  </t></si></sst>',
      },
    );
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([
      ['证件号码', '何艳兰', '张三&x', '多段 ', 'TRUE', 'FALSE', '#N/A', '第一行\r\n第二行 <备注>'],
      ['', '', '7'], // row 2: an empty shared string, an empty cell, then 7 — all without r
      [],
      [],
      ['  空格  ', '', '2020-03-20'], // cells out of order, an ISO date cell
    ]);
  });

  it('lists sheets with visibility and declared rows, and picks the first visible sheet with data', async () => {
    const file = writeWorkbook(at('sheets.xlsx'), [
      { name: '说明', rows: [['仅供参考']], hidden: true },
      { name: '空表', rows: [] },
      {
        name: '花名册',
        rows: [
          ['姓名', '证件号码'],
          ['张三', '1'],
        ],
      },
    ]);
    const sheets = await listSheets(file);
    expect(sheets).toEqual([
      { name: '说明', rowCount: 1, hidden: true },
      { name: '空表', rowCount: 1, hidden: false },
      { name: '花名册', rowCount: 2, hidden: false },
    ]);
    expect((await readSheet(file, null)).sheet).toBe('花名册');
    expect((await readSheet(file, '说明')).rows.toArrays()).toEqual([['仅供参考']]);
    await expect(readSheet(file, '空表')).rejects.toMatchObject({ code: 'empty' });
    await expect(readSheet(file, '不存在')).rejects.toThrow(
      /没有名为“不存在”的工作表（现有：“说明”、“空表”、“花名册”）/,
    );
  });

  it('handles namespace prefixes, the 1904 date system and a stray cell far below the table', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const file = writeHandmadeXlsx(
      at('prefixed.xlsx'),
      [
        {
          name: 'x',
          xml:
            `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:dimension ref="A1:B900000"/><x:sheetData>` +
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>出生日期</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>' +
            '<x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>张三</x:t></x:is></x:c></x:row>' +
            '<x:row r="900000"><x:c r="B900000"><x:v>9</x:v></x:c></x:row>' +
            '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>',
        },
      ],
      { date1904: true },
    );
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([
      ['出生日期', '姓名'],
      ['1904-01-01', '张三'],
      ['', '9'],
    ]);
    expect(data.rowNumbers).toEqual([1, 2, 900_000]);
    expect(data.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }]);
    expect(await listSheets(file)).toEqual([{ name: 'x', rowCount: 900_000, hidden: false }]);
  });

  it('reports progress and reads generated workbooks exactly as SheetJS does', async () => {
    const rows: Cell[][] = [['户编号', '姓名', '证件号码', '出生日期', '人均纯收入', '是否享受低保', '备注']];
    for (let i = 0; i < 3000; i++) {
      rows.push([
        String(3418230000000000 + Math.floor(i / 4)),
        `姓名${i}`,
        i % 97 === 0 ? 341823190000000000 + i * 1000 : `3418231950010${String(i).padStart(5, '0')}`,
        dateCell(`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`),
        i * 1.25,
        i % 2 === 0,
        i % 13 === 0 ? '含"引号"&<尖括号>' : '',
      ]);
    }
    const file = writeWorkbook(at('generated.xlsx'), [{ name: '人口', rows }]);
    const phases = new Set<string>();
    const data = await readSheet(file, null, { onProgress: (p) => phases.add(p.phase) });
    expect(data.rows.length).toBe(3001);
    expect([...phases]).toEqual(expect.arrayContaining(['detect', 'strings', 'sheet']));
    expect(differencesFromSheetJs(file, data)).toEqual([]);
  });
});

describe('legacy and other formats through SheetJS', () => {
  it('reads .xls (BIFF8) with merges, dates and numeric IDs like the .xlsx', async () => {
    const file = writeWorkbook(
      at('roster.xls'),
      [{ name: '花名册', rows: ROSTER, merges: ROSTER_MERGES }],
      'xls',
    );
    const xlsx = await readSheet(
      writeWorkbook(at('same.xlsx'), [{ name: '花名册', rows: ROSTER, merges: ROSTER_MERGES }]),
      null,
    );
    const xls = await readSheet(file, null);
    expect(xls.rows.toArrays()).toEqual(xlsx.rows.toArrays());
    // The same cells are numbers in both: 家庭人口 and the ID Excel stored as a number (not the dates).
    expect(numberCellsOf(xls)).toEqual(numberCellsOf(xlsx));
    expect(xlsx.rows.numberColumns(4)).toEqual([2]);
    expect(xlsx.rows.numberColumns(5)).toEqual([6]);
    expect(xls.merges).toHaveLength(ROSTER_MERGES.length);
    expect(await listSheets(file)).toEqual([{ name: '花名册', rowCount: 9, hidden: false }]);
  });

  it('reads .ods', async () => {
    const file = writeWorkbook(
      at('roster.ods'),
      [
        {
          name: '人口',
          rows: [
            ['姓名', '证件号码', '家庭人口数'],
            ['张三', '341823195606140252', 3],
            ['李四', '', 1],
          ],
        },
      ],
      'ods',
    );
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([
      ['姓名', '证件号码', '家庭人口数'],
      ['张三', '341823195606140252', '3'],
      ['李四', '', '1'],
    ]);
  });

  it('reads .xlsb and SpreadsheetML 2003 (.xml saved as .xls)', async () => {
    const rows = [
      ['姓名', '证件号码', '家庭人口数'],
      ['张三', '341823195606140252', 3],
    ];
    const xlsb = writeWorkbook(at('book.xlsb'), [{ name: '人口', rows }], 'xlsb');
    const xlml = writeWorkbook(at('book2003.xml'), [{ name: '人口', rows }], 'xlml');
    fs.renameSync(xlml, at('book2003.xls'));
    for (const file of [xlsb, at('book2003.xls')]) {
      expect((await readSheet(file, null)).rows.toArrays(), file).toEqual([
        ['姓名', '证件号码', '家庭人口数'],
        ['张三', '341823195606140252', '3'],
      ]);
    }
  });

  it('reads an HTML table saved with an .xls name, GBK or UTF-8', async () => {
    const html = (charset: string, cell: (s: string) => string): string =>
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><table>` +
      `<tr><td>${cell('姓名')}</td><td>${cell('证件号码')}</td></tr><tr><td>${cell('张三')}</td><td>341823195606140252</td></tr></table></body></html>`;
    // GBK bytes: the page is ASCII apart from the cells, which are spliced in as GBK.
    const marks: string[] = [];
    const template = html('gb2312', (s) => `\u0000${marks.push(s) - 1}\u0000`);
    const parts = template
      .split('\u0000')
      .map((piece, i) => (i % 2 === 1 ? gbkBytes(marks[Number(piece)] ?? '') : Buffer.from(piece)));
    fs.writeFileSync(at('export.xls'), Buffer.concat(parts));
    fs.writeFileSync(
      at('export-utf8.xls'),
      html('utf-8', (s) => s),
    );
    for (const name of ['export.xls', 'export-utf8.xls']) {
      const data = await readSheet(at(name), null);
      expect(data.rows.cells(0), name).toEqual(['姓名', '证件号码']);
      expect(data.rows.cell(1, 0), name).toBe('张三');
      // An HTML table has no number cells: the ID is its text, not a double SheetJS guessed from it.
      expect(data.rows.cell(1, 1), name).toBe('341823195606140252');
      expect(numberCellsOf(data), name).toEqual([undefined, undefined]);
    }
  });
});

describe('CSV', () => {
  it('reads the GBK fixture: quotes, doubled quotes, line breaks in quotes, ="…" IDs', async () => {
    const data = await readSheet(path.join(FIXTURES_DIR, 'members-gbk.csv'), null);
    expect(data.sheet).toBe('members-gbk');
    expect(data.rows.toArrays()).toEqual([
      ['泾县云岭镇汀潭村建档立卡人口名单'],
      ['户编号', '姓名', '性别', '出生日期', '证件号码', '与户主关系', '健康状况', '备注'],
      [
        '3418230000000901',
        '朱镕基',
        '男',
        '1973/10/07',
        '341823197310070258',
        '户主',
        '残疾,长期慢性病',
        '他说"好"',
      ],
      [
        '3418230000000901',
        '谭凤',
        '女',
        '2000/10/24',
        '341823200010240387',
        '之女',
        '健康',
        '第一行\r\n第二行',
      ],
      ['合计', '2人'],
    ]);
    expect(await listSheets(path.join(FIXTURES_DIR, 'members-gbk.csv'))).toEqual([
      { name: 'members-gbk', rowCount: null, hidden: false },
    ]);
  });

  it('reads UTF-8 with BOM, tab- and semicolon-separated, and UTF-16', async () => {
    fs.writeFileSync(at('bom.csv'), '\ufeff姓名,证件号码\r\n张三,"341823195606140252"\r\n');
    fs.writeFileSync(at('tab.txt'), '姓名\t证件号码\n张三\t1\n');
    fs.writeFileSync(at('semi.csv'), '姓名;证件号码;收入\n张三;1;1,5\n');
    fs.writeFileSync(
      at('utf16.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名,证件号码\n张三,1\n', 'utf16le')]),
    );
    for (const name of ['bom.csv', 'tab.txt', 'semi.csv', 'utf16.csv']) {
      const data = await readSheet(at(name), null);
      expect(data.rows.cells(0), name).toEqual([
        '姓名',
        '证件号码',
        ...(name === 'semi.csv' ? ['收入'] : []),
      ]);
      expect(data.rows.cell(1, 0), name).toBe('张三');
    }
    expect((await readSheet(at('semi.csv'), null)).rows.cells(1)).toEqual(['张三', '1', '1,5']);
  });

  it('re-reads as GB18030 when invalid UTF-8 appears only after the first megabyte', async () => {
    const ascii = Buffer.from(`${'a,b\n'.repeat(300_000)}`);
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a]); // 张三,1
    fs.writeFileSync(at('late-gbk.csv'), Buffer.concat([ascii, gbk]));
    const data = await readSheet(at('late-gbk.csv'), null);
    expect(data.rows.cells(data.rows.length - 1)).toEqual(['张三', '1']);
  });

  it('reads a CSV whose first cell starts with "<" as CSV', async () => {
    fs.writeFileSync(at('angle.csv'), '<备注>,姓名\n说明,张三\n');
    expect((await readSheet(at('angle.csv'), null)).rows.toArrays()).toEqual([
      ['<备注>', '姓名'],
      ['说明', '张三'],
    ]);
  });

  it('honours Excel’s sep= line', async () => {
    fs.writeFileSync(at('sep.csv'), 'sep=;\n姓名;备注\n张三;a,b\n');
    expect((await readSheet(at('sep.csv'), null)).rows.toArrays()).toEqual([
      ['姓名', '备注'],
      ['张三', 'a,b'],
    ]);
  });
});

describe('handmade sheets', () => {
  it('builds rows with rowXml for other tests', async () => {
    const file = writeHandmadeXlsx(at('inline.xlsx'), [
      { name: 's', xml: rowXml(1, ['姓名', '', '证件号码']) },
    ]);
    expect((await readSheet(file, null)).rows.toArrays()).toEqual([['姓名', '', '证件号码']]);
  });
});
