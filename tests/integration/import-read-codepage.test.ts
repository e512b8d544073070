// Old .xls files from Chinese offices: Excel 5.0/95 (BIFF5) stores text in the workbook's ANSI code
// page, 936 (GBK) on Chinese Windows. SheetJS decodes it only when its code-page tables are loaded.
// WPS's own .et is the same OLE2/BIFF8 container and is read by content, whatever the extension.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../main/core/import/read/index.ts';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from 'xlsx/dist/cpexcel.full.mjs';
import { tempDir, writeWorkbook } from '../fixtures/workbooks.ts';

// The module's typings put utils on `cptable`; at run time the ESM build exports it beside it.
const { utils } = cpexcel as unknown as { utils: CP$Utils };
const gbkBytes = (text: string): Buffer => Buffer.from(utils.encode(936, text, 'buf') as Uint8Array);

/**
 * SheetJS cannot write Chinese into BIFF5, so the workbook is written with ASCII placeholders of the
 * same byte length, the GBK bytes are swapped in, and the CODEPAGE record (0x0042) is set to 936.
 */
function gbkBiff5(file: string, rows: string[][]): string {
  const placeholders = new Map<string, string>();
  const ascii = rows.map((row) =>
    row.map((text) => {
      if (/^[\x20-\x7e]*$/.test(text)) return text;
      const bytes = gbkBytes(text);
      const stand = String.fromCharCode(
        ...[...bytes].map((_, i) => 0x41 + ((placeholders.size * 7 + i) % 26)),
      );
      placeholders.set(stand, text);
      return stand;
    }),
  );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(ascii), 'Sheet1');
  const buf = Buffer.from(XLSX.write(book, { bookType: 'biff5', type: 'buffer' }) as Uint8Array);
  for (const [stand, text] of placeholders) {
    const at = buf.indexOf(Buffer.from(stand, 'latin1'));
    expect(at).toBeGreaterThan(0);
    gbkBytes(text).copy(buf, at);
  }
  let codepage = -1;
  for (let i = 0; i < buf.length - 6; i++) {
    if (buf.readUInt16LE(i) === 0x42 && buf.readUInt16LE(i + 2) === 2) {
      codepage = i;
      break;
    }
  }
  expect(codepage).toBeGreaterThan(0);
  buf.writeUInt16LE(936, codepage + 4);
  fs.writeFileSync(file, buf);
  return file;
}

describe('legacy Chinese workbooks', () => {
  it('reads an Excel 95 .xls in GBK (code page 936) as Chinese', async () => {
    const file = gbkBiff5(path.join(tempDir(), '花名册-95.xls'), [
      ['姓名', '证件号码', '所在村'],
      ['张三', '420626198801011234', '黄田村'],
    ]);
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([
      ['姓名', '证件号码', '所在村'],
      ['张三', '420626198801011234', '黄田村'],
    ]);
  });

  it('reads a WPS .et workbook by its content', async () => {
    const file = writeWorkbook(
      path.join(tempDir(), '花名册.et'),
      [
        {
          name: '花名册',
          rows: [
            ['姓名', '性别'],
            ['李四', '女'],
          ],
        },
      ],
      'biff8',
    );
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([
      ['姓名', '性别'],
      ['李四', '女'],
    ]);
  });
});
