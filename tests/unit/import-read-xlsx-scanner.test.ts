// The sheet scanner sees the XML in inflate-sized chunks that can cut anywhere: inside a tag, a value,
// a multi-byte character. Whatever the cuts, the rows must be the same.
import { describe, expect, it } from 'vitest';
import { SharedStringsScanner } from '../../main/core/import/read/xlsx-shared-strings.ts';
import { SheetScanner, type SheetScanContext } from '../../main/core/import/read/xlsx-sheet-scanner.ts';
import { DEFAULT_LIMITS, type SheetData } from '../../main/core/import/read/types.ts';

const SHARED = ['姓名', '证件号码', '何艳兰'];
const ctx = (over: Partial<SheetScanContext> = {}): SheetScanContext => ({
  file: '花名册.xlsx',
  sheet: '花名册',
  styleFormats: [null, 'date', 'time'],
  date1904: false,
  limits: DEFAULT_LIMITS,
  ...over,
});

function scan(xml: string, cuts: readonly number[], over: Partial<SheetScanContext> = {}): SheetData {
  const bytes = Buffer.from(xml, 'utf8');
  const scanner = new SheetScanner(ctx(over));
  let previous = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(previous, cut));
    previous = cut;
  }
  return scanner.finish(SHARED);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

// Pretty-printed, with most of what a sheet can hold around the cells.
const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <dimension ref="A1:D6"/>
  <sheetViews><sheetView workbookViewId="0"/></sheetViews>
  <cols><col min="1" max="4" width="12" customWidth="1"/></cols>
  <sheetData>
    <row r="1" spans="1:4">
      <c r="A1" t="s"><v>0</v></c>
      <c r="B1" t='s'><v>1</v></c>
      <c r="C1" t="inlineStr"><is><r><t>出生</t></r><r><rPr><b/></rPr><t>日期</t></r><rPh sb="0" eb="2"><t>しゅっせい</t></rPh></is></c>
    </row>
    <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3.41823195606140E+17</v></c><c r="C2" s="1"><v>20620</v></c><c r="D2" s="2"><v>0.5</v></c></row>
    <row r="3" customFormat="1" s="3"/>
    <row r="4"><c r="A4" t="str"><f>A2&amp;"（户主）"</f><v>何艳兰（户主）</v></c><c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4" s="1"/><c r="D4" t="b"><v>1</v></c></row>
    <row r="6"><c t="inlineStr"><is><t xml:space="preserve"> 前后空格 </t></is></c><c><v>-12.5</v></c></row>
  </sheetData>
  <mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="C4:D6"/></mergeCells>
  <rowBreaks count="1"><brk id="3" max="16383" man="1"/></rowBreaks>
  <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`;

const EXPECTED_ROWS = [
  ['姓名', '证件号码', '出生日期'],
  ['何艳兰', '3.41823195606140E+17', '1956-06-14', '12:00:00'],
  [],
  ['何艳兰（户主）', '#DIV/0!', '', 'TRUE'],
  [],
  [' 前后空格 ', '-12.5'],
];
const EXPECTED_MERGES = [
  { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
  { s: { r: 3, c: 2 }, e: { r: 5, c: 3 } },
];

describe('SheetScanner', () => {
  it('reads a sheet in one piece', () => {
    const data = scan(SHEET, []);
    expect(data.rows.toArrays()).toEqual(EXPECTED_ROWS);
    expect(data.merges).toEqual(EXPECTED_MERGES);
  });

  it('gives the same rows wherever one chunk boundary falls', () => {
    const length = Buffer.byteLength(SHEET);
    for (let cut = 1; cut < length; cut++) {
      const data = scan(SHEET, [cut]);
      expect(data.rows.toArrays(), `cut at ${cut}`).toEqual(EXPECTED_ROWS);
      expect(data.merges, `cut at ${cut}`).toEqual(EXPECTED_MERGES);
    }
  });

  it('gives the same rows from one-byte and random chunks', () => {
    const length = Buffer.byteLength(SHEET);
    expect(
      scan(
        SHEET,
        Array.from({ length: length - 1 }, (_, i) => i + 1),
      ).rows.toArrays(),
    ).toEqual(EXPECTED_ROWS);
    let seed = 7;
    for (let run = 0; run < 50; run++) {
      const cuts = new Set<number>();
      for (let k = 0; k < 12; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        cuts.add(1 + (seed % (length - 1)));
      }
      expect(
        scan(
          SHEET,
          [...cuts].sort((a, b) => a - b),
        ).rows.toArrays(),
      ).toEqual(EXPECTED_ROWS);
    }
  });

  it('handles a namespace prefix across chunks', () => {
    const prefixed = SHEET.replace(/<(\/?)(?!\?)([a-zA-Z])/g, '<$1x:$2').replace(
      `xmlns="${NS}"`,
      `xmlns:x="${NS}"`,
    );
    expect(prefixed).toContain('<x:row r="1"');
    const length = Buffer.byteLength(prefixed);
    for (let cut = 1; cut < length; cut += 7) {
      expect(scan(prefixed, [cut]).rows.toArrays(), `cut at ${cut}`).toEqual(EXPECTED_ROWS);
    }
  });

  it('reads the declared dimension from the head only', () => {
    const scanner = new SheetScanner(ctx({ headOnly: true }));
    scanner.push(Buffer.from(SHEET.slice(0, SHEET.indexOf('<sheetData') + 20)));
    expect(scanner.headDone).toBe(true);
    expect(scanner.dimensionRows).toBe(6);
  });

  it('refuses a sheet cut off inside <sheetData>', () => {
    expect(() => scan(SHEET.slice(0, SHEET.indexOf('<row r="4"')), [])).toThrow(
      /格式不正确（工作表数据不完整）/,
    );
  });

  it('refuses rows out of order and cells past column XFD', () => {
    const rows = (body: string): string =>
      `<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
    expect(() =>
      scan(rows('<row r="5"><c r="A5"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'), []),
    ).toThrow(/行号异常（第 2 行）/);
    expect(() => scan(rows('<row r="1"><c r="XFE1"><v>1</v></c></row>'), [])).toThrow(
      /超出 Excel 的最后一列 XFD/,
    );
  });
});

const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="8" uniqueCount="8"><si><t>户编号</t></si><si><t xml:space="preserve"> 前后空格 </t></si><si/><si><t/></si><si><r><t>何</t></r><r><rPr><b/></rPr><t>艳兰</t></r><rPh sb="0" eb="1"><t>ホー</t></rPh><phoneticPr fontId="1"/></si><si><t>A&amp;B &lt;C&gt; &#20013;&#x6587;</t></si><si><t>第一行_x000D_
第二行</t></si><si><t>abc</t><phoneticPr fontId="1"/></si></sst>`;
const EXPECTED_STRINGS = [
  '户编号',
  ' 前后空格 ',
  '',
  '',
  '何艳兰',
  'A&B <C> 中文',
  '第一行\r\n第二行',
  'abc',
];

describe('SharedStringsScanner', () => {
  const strings = (xml: string, cuts: readonly number[]): string[] => {
    const bytes = Buffer.from(xml, 'utf8');
    const scanner = new SharedStringsScanner('x.xlsx', 'xl/sharedStrings.xml');
    let previous = 0;
    for (const cut of [...cuts, bytes.length]) {
      scanner.push(bytes.subarray(previous, cut));
      previous = cut;
    }
    return scanner.finish();
  };

  it('reads plain, preserved, empty, rich and escaped items wherever the chunks are cut', () => {
    expect(strings(SST, [])).toEqual(EXPECTED_STRINGS);
    const length = Buffer.byteLength(SST);
    for (let cut = 1; cut < length; cut++)
      expect(strings(SST, [cut]), `cut at ${cut}`).toEqual(EXPECTED_STRINGS);
    expect(
      strings(
        SST,
        Array.from({ length: length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(EXPECTED_STRINGS);
  });

  it('handles a namespace prefix', () => {
    const prefixed = SST.replace(/<(\/?)(?!\?)([a-zA-Z])/g, '<$1x:$2').replace(
      `xmlns="${NS}"`,
      `xmlns:x="${NS}"`,
    );
    const length = Buffer.byteLength(prefixed);
    for (let cut = 1; cut < length; cut += 5)
      expect(strings(prefixed, [cut]), `cut at ${cut}`).toEqual(EXPECTED_STRINGS);
  });
});
