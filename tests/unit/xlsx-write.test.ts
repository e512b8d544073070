// The streaming .xlsx writer: what it writes must read back the same in SheetJS, be a sound zip, and
// be well-formed XML in every part, since Excel refuses a whole file over one bad character.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  columnIndex,
  columnLetter,
  createWorkbookWriter,
  dateCell,
  safeSheetName,
  textCell,
} from '../../main/core/xlsx-write/index.ts';
import type { CellValue, RowOptions, SheetOptions } from '../../main/core/xlsx-write/index.ts';
import { skipWithout } from '../helpers/tools.ts';

XLSX.set_fs(fs);

const root = fs.mkdtempSync(path.join(tmpdir(), 'xlsx-write-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let fileNo = 0;
/** A fresh, empty folder per file, so tests can also check that no temporary file is left behind. */
function newFile(name = 'out.xlsx'): string {
  const dir = path.join(root, String(++fileNo));
  fs.mkdirSync(dir);
  return path.join(dir, name);
}

interface SheetSpec {
  options: SheetOptions;
  rows: Array<readonly CellValue[] | { cells: readonly CellValue[]; options: RowOptions }>;
}

async function writeBook(file: string, sheets: SheetSpec[]): Promise<void> {
  const book = createWorkbookWriter(file);
  for (const spec of sheets) {
    const sheet = book.addSheet(spec.options);
    for (const row of spec.rows) {
      if ('cells' in row) sheet.addRow(row.cells, row.options);
      else sheet.addRow(row);
    }
    sheet.end();
  }
  await book.close();
}

const read = (file: string): XLSX.WorkBook => XLSX.readFile(file, { cellStyles: true });
const sheetOf = (wb: XLSX.WorkBook, name: string): XLSX.WorkSheet => {
  const ws = wb.Sheets[name];
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};
const cellAt = (ws: XLSX.WorkSheet, ref: string): XLSX.CellObject | undefined =>
  ws[ref] as XLSX.CellObject | undefined;

// ---------------------------------------------------------------------------------------------
// An independent zip reader: walks the central directory, checks every local header against it,
// inflates every entry and checks its size and CRC. It shares no code with the writer.
function readZipParts(file: string): Map<string, string> {
  const buf = fs.readFileSync(file);
  const eocd = buf.length - 22;
  expect(buf.readUInt32LE(eocd), 'end of central directory').toBe(0x06054b50);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  expect(cdOffset + cdSize, 'central directory ends where the end record starts').toBe(eocd);
  const parts = new Map<string, string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extra + comment;

    expect(buf.readUInt32LE(local), `${name}: local header`).toBe(0x04034b50);
    expect(buf.readUInt16LE(local + 6) & 0x0008, `${name}: no data descriptor`).toBe(0);
    expect(buf.readUInt16LE(local + 8), `${name}: deflate`).toBe(8);
    expect(buf.readUInt32LE(local + 14), `${name}: local CRC`).toBe(crc);
    expect(buf.readUInt32LE(local + 18), `${name}: local compressed size`).toBe(compressed);
    expect(buf.readUInt32LE(local + 22), `${name}: local size`).toBe(size);
    const localName = buf.readUInt16LE(local + 26);
    const start = local + 30 + localName + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(start, start + compressed));
    expect(data.length, `${name}: inflated size`).toBe(size);
    expect(crc32(data), `${name}: CRC of the data`).toBe(crc);
    parts.set(name, data.toString('utf8'));
  }
  expect(p, 'central directory size').toBe(cdOffset + cdSize);
  return parts;
}

/**
 * A small XML 1.0 well-formedness check (no DTDs, comments or CDATA: the writer emits none): allowed
 * characters only, one root, tags balanced, attributes unique and quoted, only the five entities or
 * character references.
 */
function assertWellFormed(xml: string, part: string): void {
  const fail = (why: string, at: number): never => {
    throw new Error(`${part}: ${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 80))}`);
  };
  const badChar =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(
      xml,
    );
  if (badChar !== null) fail('character not allowed in XML 1.0', badChar.index);
  const badRef = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const attr = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/g;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration', 0);
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (badRef.test(text)) fail('bad entity reference', i);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root element', i);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (m === null) return fail('malformed tag', lt);
    const [all, close, name = '', attrs = '', selfClose] = m;
    if (close === '/') {
      if (attrs !== '' || selfClose === '/') fail('end tag with attributes', lt);
      if (stack.pop() !== name) fail(`mismatched end tag </${name}>`, lt);
    } else {
      const seen = new Set<string>();
      for (const a of attrs.matchAll(attr)) {
        if (seen.has(a[1] ?? '')) fail(`duplicate attribute ${a[1]}`, lt);
        seen.add(a[1] ?? '');
        if (badRef.test(a[2] ?? '')) fail('bad entity reference in attribute', lt);
      }
      if (stack.length === 0 && ++roots > 1) fail('second root element', lt);
      if (selfClose !== '/') stack.push(name);
    }
    i = lt + all.length;
  }
  if (stack.length > 0) fail(`unclosed <${stack.join('><')}>`, xml.length);
  if (roots !== 1) fail('no root element', 0);
}

function checkPackage(file: string): Map<string, string> {
  const parts = readZipParts(file);
  for (const [name, xml] of parts) assertWellFormed(xml, name);
  for (const required of [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
  ]) {
    expect(parts.has(required), required).toBe(true);
  }
  return parts;
}

const part = (parts: Map<string, string>, name: string): string => {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`missing part ${name}`);
  return xml;
};

// ---------------------------------------------------------------------------------------------

describe('the test helpers', () => {
  it('the well-formedness check rejects broken XML', () => {
    expect(() => assertWellFormed('<a><b/></a>', 'ok')).not.toThrow();
    expect(() => assertWellFormed('<a><b></a></b>', 'x')).toThrow(/mismatched/);
    expect(() => assertWellFormed('<a>&nbsp;</a>', 'x')).toThrow(/entity/);
    expect(() => assertWellFormed('<a>\u0001</a>', 'x')).toThrow(/character/);
    expect(() => assertWellFormed('<a>\uD800</a>', 'x')).toThrow(/character/);
    expect(() => assertWellFormed('<a x="1" x="2"/>', 'x')).toThrow(/duplicate/);
    expect(() => assertWellFormed('<a x=1/>', 'x')).toThrow(/malformed/);
    expect(() => assertWellFormed('<a/><b/>', 'x')).toThrow(/second root/);
    expect(() => assertWellFormed('<a>', 'x')).toThrow(/unclosed/);
  });
});

describe('xlsx writer: cell values', () => {
  it('writes text, numbers, booleans and blanks that read back unchanged', async () => {
    const file = newFile();
    const id = '330522198501011234';
    await writeBook(file, [
      {
        options: { name: '花名册' },
        rows: [
          ['姓名', '身份证号', '年龄', '收入', '是否', '空', '户编号'],
          ['张三', id, 42, 1234.56, true, null, textCell('0012')],
          ['李四', textCell(id), -7, 1e21, false, '', 0],
          [null, NaN, Infinity, 0.1 + 0.2, { value: 3, style: { numFmt: '0.00' } }],
        ],
      },
    ]);
    checkPackage(file);
    const ws = sheetOf(read(file), '花名册');
    expect(ws['!ref']).toBe('A1:G4');
    expect(cellAt(ws, 'A2')).toMatchObject({ t: 's', v: '张三' });
    // An 18-digit ID is text, digit for digit, never 3.30522E+17.
    expect(cellAt(ws, 'B2')).toMatchObject({ t: 's', v: id });
    expect(cellAt(ws, 'B3')).toMatchObject({ t: 's', v: id, z: '@' });
    expect(cellAt(ws, 'G2')).toMatchObject({ t: 's', v: '0012', z: '@' });
    expect(cellAt(ws, 'C2')).toMatchObject({ t: 'n', v: 42 });
    expect(cellAt(ws, 'D2')).toMatchObject({ t: 'n', v: 1234.56 });
    expect(cellAt(ws, 'C3')).toMatchObject({ t: 'n', v: -7 });
    expect(cellAt(ws, 'D3')).toMatchObject({ t: 'n', v: 1e21 });
    expect(cellAt(ws, 'G3')).toMatchObject({ t: 'n', v: 0 });
    expect(cellAt(ws, 'D4')).toMatchObject({ t: 'n', v: 0.1 + 0.2 });
    expect(cellAt(ws, 'E4')).toMatchObject({ t: 'n', v: 3, z: '0.00', w: '3.00' });
    expect(cellAt(ws, 'E2')).toMatchObject({ t: 'b', v: true });
    expect(cellAt(ws, 'E3')).toMatchObject({ t: 'b', v: false });
    // null, '' and numbers with no cell representation (NaN, Infinity) are blank.
    for (const ref of ['F2', 'F3', 'A4', 'B4', 'C4']) expect(cellAt(ws, ref)?.v, ref).toBeUndefined();
  });

  it('never writes a formula: text starting with = + - @ stays text', async () => {
    const file = newFile();
    const risky = [
      '=SUM(A1:A2)',
      '+1',
      '-1',
      '@A1',
      '=HYPERLINK("http://example.com","点我")',
      "=cmd|' /C calc'!A0",
      '=1+1',
      '-2+3',
    ];
    await writeBook(file, [
      {
        options: { name: 'S' },
        rows: [risky, risky.map((s) => textCell(s)), risky.map((value) => ({ value }))],
      },
    ]);
    const parts = checkPackage(file);
    expect(part(parts, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[\s>/]/);
    const ws = sheetOf(read(file), 'S');
    let seen = 0;
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      expect(c.f, ref).toBeUndefined();
      expect(c.t, ref).toBe('s');
      expect(risky).toContain(c.v);
      seen++;
    }
    expect(seen).toBe(risky.length * 3);
  });

  it('escapes markup and drops or replaces characters that XML 1.0 forbids', async () => {
    const file = newFile();
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    const values = [
      `a${controls}b`,
      'lone high \uD800 end',
      'lone low \uDC00 end',
      'reversed \uDC00\uD800 end',
      'pair 😀 ok',
      'non-characters \uFFFE\uFFFF',
      `& < > " ' &amp; <t> ]]>`,
      'literal _x0041_ and _x00e9_ stay',
      'line\r\nbreak\rhere',
      '  spaces kept  ',
    ];
    await writeBook(file, [
      { options: { name: 'S' }, rows: values.map((v) => [v, { value: v, style: { bold: true } }]) },
    ]);
    checkPackage(file);
    const ws = sheetOf(read(file), 'S');
    const expected = [
      'a\t\n\nb', // tab and line feed kept, a lone CR became a line feed, the rest removed
      'lone high \uFFFD end',
      'lone low \uFFFD end',
      'reversed \uFFFD\uFFFD end',
      'pair 😀 ok',
      'non-characters \uFFFD\uFFFD',
      `& < > " ' &amp; <t> ]]>`,
      'literal _x0041_ and _x00e9_ stay',
      'line\nbreak\nhere',
      '  spaces kept  ',
    ];
    expected.forEach((text, r) => {
      expect(cellAt(ws, `A${r + 1}`)?.v, `row ${r + 1}`).toBe(text);
      expect(cellAt(ws, `B${r + 1}`)?.v, `row ${r + 1} styled`).toBe(text);
    });
  });

  it("cuts text at Excel's 32,767-character limit without splitting a character", async () => {
    const file = newFile();
    const long = 'x'.repeat(32_766) + '😀' + 'tail';
    await writeBook(file, [{ options: { name: 'S' }, rows: [[long, '字'.repeat(40_000)]] }]);
    checkPackage(file);
    const ws = sheetOf(read(file), 'S');
    expect(cellAt(ws, 'A1')?.v).toBe('x'.repeat(32_766));
    expect(String(cellAt(ws, 'B1')?.v)).toHaveLength(32_767);
  });

  it('writes ISO dates as Excel dates, and anything else as the text it is', async () => {
    const file = newFile();
    await writeBook(file, [
      {
        options: { name: 'S' },
        rows: [[dateCell('2024-03-05'), dateCell('2024-02-30'), dateCell('不详'), dateCell('1900-01-01')]],
      },
    ]);
    const ws = sheetOf(read(file), 'S');
    expect(cellAt(ws, 'A1')).toMatchObject({ t: 'n', v: 45356, z: 'yyyy-mm-dd', w: '2024-03-05' });
    expect(cellAt(ws, 'B1')).toMatchObject({ t: 's', v: '2024-02-30' });
    expect(cellAt(ws, 'C1')).toMatchObject({ t: 's', v: '不详' });
    expect(cellAt(ws, 'D1')).toMatchObject({ t: 's', v: '1900-01-01' });
  });

  it('refuses a value it cannot write, without writing half a row', async () => {
    const file = newFile();
    const book = createWorkbookWriter(file);
    const sheet = book.addSheet({ name: 'S' });
    sheet.addRow(['第一行']);
    expect(() => sheet.addRow(['ok', 10n as unknown as CellValue])).toThrow(/B 列.*无法写入/);
    expect(() => sheet.addRow([new Date() as unknown as CellValue])).toThrow(/dateCell/);
    expect(() => sheet.addRow(new Array<CellValue>(16_385).fill(1))).toThrow(/16384/);
    sheet.addRow(['第二行']);
    sheet.end();
    await book.close();
    const ws = sheetOf(read(file), 'S');
    expect(ws['!ref']).toBe('A1:A2');
    expect(cellAt(ws, 'A2')?.v).toBe('第二行');
  });
});

describe('xlsx writer: sheets and layout', () => {
  it('writes several sheets with merges, widths, frozen panes, row heights and print setup', async () => {
    const file = newFile();
    await writeBook(file, [
      {
        options: {
          name: '统计表',
          columns: [{ width: 20 }, {}, { width: 8.5 }],
          merges: [
            { from: { row: 0, col: 0 }, to: { row: 0, col: 3 } },
            { from: { row: 2, col: 1 }, to: { row: 1, col: 1 } }, // given bottom-up: normalised
            { from: { row: 1, col: 2 }, to: { row: 1, col: 3 } },
            { from: { row: 5, col: 5 }, to: { row: 5, col: 5 } }, // a single cell: not a merge
          ],
          freeze: { rows: 3, cols: 1 },
          landscape: true,
          printTitleRows: { from: 1, to: 2 },
        },
        rows: [
          { cells: ['2024年脱贫人口统计表'], options: { height: 30, style: { bold: true, fontSize: 16 } } },
          ['乡镇', '户数', '人数', ''],
          ['', '', '男', '女'],
          ['城关镇', 12, 30, 28],
        ],
      },
      { options: { name: 'Sheet 2' }, rows: [['第二页']] },
      { options: { name: "O'Brien 表" }, rows: [] },
    ]);
    const parts = checkPackage(file);
    const wb = read(file);
    expect(wb.SheetNames).toEqual(['统计表', 'Sheet 2', "O'Brien 表"]);
    const ws = sheetOf(wb, '统计表');
    expect(ws['!merges']).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
      { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
      { s: { r: 1, c: 2 }, e: { r: 1, c: 3 } },
    ]);
    expect(ws['!cols']?.[0]?.width).toBe(20);
    expect(ws['!cols']?.[1]).toBeUndefined();
    expect(ws['!cols']?.[2]?.width).toBe(8.5);
    expect(ws['!rows']?.[0]?.hpt).toBe(30);
    expect(cellAt(ws, 'A1')?.v).toBe('2024年脱贫人口统计表');
    expect(cellAt(ws, 'D4')?.v).toBe(28);
    expect(cellAt(sheetOf(wb, 'Sheet 2'), 'A1')?.v).toBe('第二页');
    expect(sheetOf(wb, "O'Brien 表")['!ref']).toBeUndefined();
    expect(wb.Workbook?.Names).toEqual([
      expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'统计表'!$2:$3" }),
    ]);

    const sheet1 = part(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toContain(
      '<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>',
    );
    expect(sheet1).toContain('<sheetView tabSelected="1" workbookViewId="0">');
    expect(sheet1).toContain('orientation="landscape"');
    expect(sheet1).toContain('paperSize="9"');
    const sheet2 = part(parts, 'xl/worksheets/sheet2.xml');
    expect(sheet2).not.toContain('<pane');
    expect(sheet2).not.toContain('tabSelected');
    expect(sheet2).toContain('orientation="portrait"');
    expect(part(parts, 'xl/workbook.xml')).toContain('<sheet name="O\'Brien 表" sheetId="3" r:id="rId3"/>');
    const types = part(parts, '[Content_Types].xml');
    for (const n of [1, 2, 3]) expect(types).toContain(`/xl/worksheets/sheet${n}.xml`);
  });

  it('writes the print layout of a statistics report: margins, centred, a page-number footer', async () => {
    const file = newFile();
    await writeBook(file, [
      {
        options: {
          name: '报表',
          landscape: true,
          fitToWidth: true,
          centerHorizontally: true,
          margins: { left: 0.4, right: 0.4, top: 0.6 },
          pageFooter: '第 &P 页，共 &N 页 <&&>',
        },
        rows: [['合计', 1]],
      },
      { options: { name: '默认' }, rows: [['x']] },
    ]);
    const parts = checkPackage(file);
    const sheet1 = part(parts, 'xl/worksheets/sheet1.xml');
    // Schema order: printOptions, pageMargins, pageSetup, headerFooter.
    expect(sheet1).toContain(
      '<printOptions horizontalCentered="1"/>' +
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>' +
        '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页 &lt;&amp;&amp;&gt;</oddFooter></headerFooter></worksheet>',
    );
    const sheet2 = part(parts, 'xl/worksheets/sheet2.xml');
    expect(sheet2).toContain(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
    expect(sheet2).not.toContain('printOptions');
    expect(sheet2).not.toContain('headerFooter');
    const book = createWorkbookWriter(newFile());
    expect(() => book.addSheet({ name: 'A', margins: { left: -1 } })).toThrow(/页边距/);
    expect(() => book.addSheet({ name: 'A', pageFooter: '页'.repeat(251) })).toThrow(/页脚/);
    await book.abort();
  });

  it('refuses sheet names Excel would refuse, saying why in Chinese', () => {
    const book = createWorkbookWriter(newFile());
    const bad: Array<[string, RegExp]> = [
      ['一'.repeat(32), /太长.*31/],
      ['', /不能为空/],
      ['   ', /不能为空/],
      ["'开头", /单引号/],
      ["结尾'", /单引号/],
      ['History', /保留/],
      ['a\u0001b', /控制字符/],
      ...[...'[]:*?/\\'].map((ch): [string, RegExp] => [`表${ch}一`, /不允许的字符/]),
    ];
    for (const [name, message] of bad) {
      expect(() => book.addSheet({ name }), JSON.stringify(name)).toThrow(message);
    }
    const sheet = book.addSheet({ name: '一'.repeat(31) });
    sheet.end();
    book.addSheet({ name: 'Sheet1' }).end();
    expect(() => book.addSheet({ name: 'sheet1' })).toThrow(/重复/);
    return book.abort();
  });

  it('refuses overlapping merges and options outside the grid', async () => {
    const book = createWorkbookWriter(newFile());
    const merge = (r1: number, c1: number, r2: number, c2: number) => ({
      from: { row: r1, col: c1 },
      to: { row: r2, col: c2 },
    });
    expect(() => book.addSheet({ name: 'A', merges: [merge(0, 0, 1, 3), merge(1, 3, 4, 4)] })).toThrow(
      /A1:D2 与 D2:E5 重叠/,
    );
    expect(() => book.addSheet({ name: 'A', merges: [merge(0, 0, 0, 16_384)] })).toThrow(/列号/);
    expect(() => book.addSheet({ name: 'A', merges: [merge(-1, 0, 0, 1)] })).toThrow(/行号/);
    expect(() => book.addSheet({ name: 'A', freeze: { rows: 1.5 } })).toThrow(/冻结/);
    expect(() => book.addSheet({ name: 'A', columns: [{ width: 300 }] })).toThrow(/列宽/);
    expect(() => book.addSheet({ name: 'A', printTitleRows: { from: 3, to: 1 } })).toThrow(/打印标题/);
    // Nothing above was written: the name is still free.
    book.addSheet({ name: 'A', merges: [merge(0, 0, 1, 3), merge(2, 0, 2, 3)] }).end();
    await book.abort();
  });

  it('makes any text a valid sheet name', () => {
    expect(safeSheetName('花名册')).toBe('花名册');
    expect(safeSheetName('2024/03 [终稿]: 名单?')).toBe('2024_03 _终稿__ 名单_');
    expect(safeSheetName("'引号'")).toBe('引号');
    expect(safeSheetName('  ')).toBe('Sheet1');
    expect(safeSheetName('history', '错误报告')).toBe('错误报告');
    expect(safeSheetName('字'.repeat(40))).toBe('字'.repeat(31));
    expect(safeSheetName('x'.repeat(30) + '😀')).toBe('x'.repeat(30));
    expect(safeSheetName('a\uD800b')).toBe('a_b');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 701, 702, 16_383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'h', 'AA', 'XFD', 'XFE', '', 'A1', 'ABCD'].map(columnIndex)).toEqual([
      0, 7, 26, 16_383, -1, -1, -1, -1,
    ]);
    expect(() => columnLetter(16_384)).toThrow(/超出/);
  });
});

describe('xlsx writer: styles', () => {
  it('stores equal styles once and gives cells the right fill, font and format', async () => {
    const file = newFile();
    const rows: CellValue[][] = [];
    // Fresh objects every time, spelled differently: still one style.
    for (let i = 0; i < 300; i++) {
      const fill = ['FFFF0000', 'ff0000', '#FF0000'][i % 3] ?? '';
      rows.push([
        { value: `红${i}`, style: { bold: true, fill } },
        { value: i, style: { numFmt: '0.00' } },
      ]);
    }
    await writeBook(file, [
      {
        options: { name: 'S' },
        rows: [
          ...rows,
          {
            cells: [
              '行默认',
              { value: '格覆盖', style: { fill: 'FF00FF00' } },
              { value: 'x', style: { bold: false } },
            ],
            options: { style: { bold: true, border: 'thin' } },
          },
          [
            {
              value: '红字',
              style: { fontColor: 'FFFF0000', fontSize: 9, align: 'right', valign: 'top', wrap: true },
            },
          ],
          [textCell('@格式'), dateCell('2024-01-31')],
        ],
      },
    ]);
    const parts = checkPackage(file);
    const styles = part(parts, 'xl/styles.xml');
    const fills = [...styles.matchAll(/<fill>.*?<\/fill>/g)].map((m) => m[0]);
    expect(fills[0]).toContain('patternType="none"');
    expect(fills[1]).toContain('patternType="gray125"');
    expect(fills.filter((f) => f.includes('FFFF0000'))).toHaveLength(1);
    const fonts = [...styles.matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
    expect(fonts[0]).toBe(
      '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
    );
    expect(fonts.filter((f) => f.startsWith('<font><b/><sz val="11"/><name'))).toHaveLength(1);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(styles).not.toContain('formatCode="0.00"'); // built-in format 2, not a custom one

    const xfs = [
      ...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g),
    ].map((m) => m[0]);
    const xfKeys = xfs.map((x) => x.replace(/ xfId="0"/, ''));
    expect(new Set(xfKeys).size, 'no duplicate cell formats').toBe(xfKeys.length);
    const sheet = part(parts, 'xl/worksheets/sheet1.xml');
    const styleOf = (ref: string): string => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1];
      return xfs[Number(s ?? 0)] ?? '';
    };
    const fontOf = (ref: string): string => fonts[Number(/fontId="(\d+)"/.exec(styleOf(ref))?.[1])] ?? '';
    const fillOf = (ref: string): string => fills[Number(/fillId="(\d+)"/.exec(styleOf(ref))?.[1])] ?? '';
    // 300 rows, 3 spellings of one red: one format for column A, one for column B.
    expect(new Set(Array.from({ length: 300 }, (_, i) => styleOf(`A${i + 1}`))).size).toBe(1);
    expect(new Set(Array.from({ length: 300 }, (_, i) => styleOf(`B${i + 1}`))).size).toBe(1);
    expect(styleOf('B1')).toContain('numFmtId="2"');
    // Row default + cell style, field by field.
    expect(styleOf('A301')).toContain('borderId="1"');
    expect(fontOf('A301')).toContain('<b/>');
    expect(styleOf('B301')).toContain('borderId="1"');
    expect(fontOf('B301')).toContain('<b/>');
    expect(fillOf('B301')).toContain('FF00FF00');
    expect(fontOf('C301')).not.toContain('<b/>');
    expect(styleOf('C301')).toContain('borderId="1"');
    expect(fontOf('A302')).toBe(
      '<font><sz val="9"/><color rgb="FFFF0000"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
    );
    expect(styleOf('A302')).toContain('<alignment horizontal="right" vertical="top" wrapText="1"/>');
    expect(styleOf('A303')).toContain('numFmtId="49"');
    expect(styleOf('B303')).toContain('numFmtId="164"');

    // SheetJS exposes fills on read.
    const ws = sheetOf(read(file), 'S');
    expect(cellAt(ws, 'A1')?.s).toMatchObject({ patternType: 'solid', fgColor: { rgb: 'FF0000' } });
    expect(cellAt(ws, 'B1')?.s).toMatchObject({ patternType: 'none' });
    expect(cellAt(ws, 'B301')?.s).toMatchObject({ fgColor: { rgb: '00FF00' } });
  });

  it('refuses colours and sizes Excel cannot show', () => {
    const book = createWorkbookWriter(newFile());
    const sheet = book.addSheet({ name: 'S' });
    expect(() => sheet.addRow([{ value: 1, style: { fill: 'red' } }])).toThrow(/颜色“red”无效/);
    expect(() => sheet.addRow([{ value: 1, style: { fontColor: 'FF00' } }])).toThrow(/颜色/);
    expect(() => sheet.addRow([{ value: 1, style: { fontSize: 0 } }])).toThrow(/字号/);
    expect(() => sheet.addRow(['x'], { height: 500 })).toThrow(/行高/);
    return book.abort();
  });
});

describe('xlsx writer: file handling', () => {
  const listing = (file: string): string[] => fs.readdirSync(path.dirname(file)).sort();

  it('streams rows to disk as they come, under a temporary name until close', async () => {
    const file = newFile('大表.xlsx');
    const book = createWorkbookWriter(file);
    const sheet = book.addSheet({ name: 'S' });
    const row = Array.from({ length: 20 }, (_, i) => `第${i}列的一些文字`);
    for (let r = 0; r < 5_000; r++) sheet.addRow(row); // about 5 MB of XML: several 1 MB chunks
    // Already compressed and on disk: buffers do not grow with the row count.
    const [temp, ...others] = listing(file);
    expect(others).toEqual([]);
    expect(temp).toMatch(/^大表\.xlsx\.[0-9a-f]{8}\.tmp$/);
    expect(fs.statSync(path.join(path.dirname(file), temp ?? '')).size).toBeGreaterThan(50_000);
    sheet.end();
    await book.close();
    expect(listing(file)).toEqual(['大表.xlsx']);
    expect(sheetOf(XLSX.readFile(file, { dense: true }), 'S')['!ref']).toBe('A1:T5000');
  });

  it('replaces an existing file only with a complete one', async () => {
    const file = newFile();
    fs.writeFileSync(file, 'old report');
    const book = createWorkbookWriter(file);
    book.addSheet({ name: 'S' }).addRow(['新']);
    expect(fs.readFileSync(file, 'utf8')).toBe('old report');
    await book.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('old report');
    expect(listing(file)).toEqual(['out.xlsx']);

    const again = createWorkbookWriter(file);
    again.addSheet({ name: 'S' }).addRow(['新']);
    await again.close(); // ends the open sheet itself
    expect(cellAt(sheetOf(read(file), 'S'), 'A1')?.v).toBe('新');
  });

  it('keeps sheets in sequence and refuses use after close', async () => {
    const file = newFile();
    const book = createWorkbookWriter(file);
    const first = book.addSheet({ name: '一' });
    expect(() => book.addSheet({ name: '二' })).toThrow(/“一”尚未结束/);
    first.end();
    first.end(); // harmless
    expect(() => first.addRow(['x'])).toThrow(/已经结束/);
    book.addSheet({ name: '二' }).end();
    await book.close();
    expect(() => book.addSheet({ name: '三' })).toThrow(/已经关闭/);
    await expect(book.close()).rejects.toThrow(/已经关闭/);
    expect(read(file).SheetNames).toEqual(['一', '二']);
  });

  it('refuses a workbook without sheets and leaves nothing behind', async () => {
    const file = newFile();
    const book = createWorkbookWriter(file);
    await expect(book.close()).rejects.toThrow(/没有工作表/);
    expect(listing(file)).toEqual([]);
  });

  it('says in Chinese when the folder does not exist', () => {
    expect(() => createWorkbookWriter(path.join(root, '没有这个文件夹', 'a.xlsx'))).toThrow(
      /无法写入文件.*文件夹不存在/,
    );
  });

  it('writes 50,000 rows that read back complete', async () => {
    const file = newFile();
    const start = performance.now();
    const book = createWorkbookWriter(file);
    const sheet = book.addSheet({ name: '花名册', freeze: { rows: 1 } });
    sheet.addRow(['序号', '姓名', '身份证号', '乡镇', '村', '年龄', '收入', '备注'], {
      style: { bold: true },
    });
    for (let i = 1; i <= 50_000; i++) {
      sheet.addRow([
        i,
        `姓名${i}`,
        `33052219850101${String(i % 10_000).padStart(4, '0')}`,
        '城关镇',
        '光千社区',
        i % 90,
        i * 1.5,
        null,
      ]);
    }
    sheet.end();
    await book.close();
    const t0 = performance.now();
    const ws = sheetOf(XLSX.readFile(file, { dense: true }), '花名册');
    expect(ws['!ref']).toBe('A1:H50001');
    const data = ws['!data'] ?? [];
    expect(data).toHaveLength(50_001);
    expect(data[50_000]?.map((c) => c.v)).toEqual([
      50_000,
      '姓名50000',
      '330522198501010000',
      '城关镇',
      '光千社区',
      50_000 % 90,
      75_000,
    ]);
    console.info(
      `50,000 rows: written in ${Math.round(t0 - start)} ms, read back in ${Math.round(performance.now() - t0)} ms`,
    );
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Other readers, when the machine has them. They are not part of the project's toolchain, so each
// test says why it is skipped rather than failing.

function hasCommand(command: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return r.error === undefined && r.status === 0;
}
const office = ['soffice', 'libreoffice'].find((c) => hasCommand(c));
const unzip = hasCommand('unzip', ['-v']);
const python = hasCommand('python3');

async function sampleWorkbook(file: string): Promise<void> {
  await writeBook(file, [
    {
      options: {
        name: '花名册',
        merges: [{ from: { row: 0, col: 0 }, to: { row: 0, col: 3 } }],
        freeze: { rows: 2 },
      },
      rows: [
        { cells: ['标题'], options: { style: { bold: true, align: 'center' } } },
        { cells: ['姓名', '身份证号', '年龄', '公式样'], options: { style: { bold: true, border: 'thin' } } },
        ['张三', '330522198501011234', 42, '=1+1'],
        ['李"四"', textCell('00123'), 3.5, 'a&b<c>'],
      ],
    },
  ]);
}

describe('xlsx writer: other readers', () => {
  it.skipIf(skipWithout(unzip, 'unzip'))(
    `unzip -t accepts the file${unzip ? '' : ' (skipped: unzip is not installed)'}`,
    async () => {
      const file = newFile();
      await sampleWorkbook(file);
      const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(r.stdout).toContain('No errors detected');
    },
  );

  it.skipIf(skipWithout(python, 'python3'))(
    `Python's zipfile and expat parse every part${python ? '' : ' (skipped: python3 is not installed)'}`,
    async () => {
      const file = newFile();
      await sampleWorkbook(file);
      const script =
        'import sys, zipfile, xml.dom.minidom as m\n' +
        'z = zipfile.ZipFile(sys.argv[1])\n' +
        'assert z.testzip() is None\n' +
        'for n in z.namelist(): m.parseString(z.read(n))\n' +
        'print(len(z.namelist()))\n';
      const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(Number(r.stdout.trim())).toBeGreaterThanOrEqual(7);
    },
  );

  it.skipIf(skipWithout(office !== undefined, 'LibreOffice'))(
    `LibreOffice converts the file to the same CSV${office === undefined ? ' (skipped: LibreOffice is not installed)' : ''}`,
    async () => {
      const file = newFile('sample.xlsx');
      await sampleWorkbook(file);
      const outDir = path.dirname(file);
      const r = spawnSync(
        office ?? 'soffice',
        ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file],
        { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: outDir } },
      );
      expect(r.status).toBe(0);
      const csv = fs.readFileSync(path.join(outDir, 'sample.csv'), 'utf8').replace(/^\uFEFF/, '');
      expect(csv.trim().split(/\r?\n/)).toEqual([
        '标题,,,',
        '姓名,身份证号,年龄,公式样',
        '张三,330522198501011234,42,=1+1',
        '"李""四""",00123,3.5,a&b<c>',
      ]);
    },
    120_000,
  );
});
