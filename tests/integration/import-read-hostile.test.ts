// Files that are broken, mislabelled, oversized or hostile: each must be refused quickly, with bounded
// memory, by a ReadError whose Chinese message names the file and, for limits, the limit.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fillAndClassify } from '../../main/core/import/read/fill-and-classify.ts';
import { ReadError, listSheets, readSheet, type ReadOptions } from '../../main/core/import/read/index.ts';
import { knownHeaderNames, locateHeader } from '../../main/core/import/read/locate-header.ts';
import {
  handmadeXlsxEntries,
  rowXml,
  tempDir,
  worksheetXml,
  writeHandmadeXlsx,
  writeWorkbook,
} from '../fixtures/workbooks.ts';
import { buildZip } from '../fixtures/zip-writer.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (name: string): string => path.join(dir, name);

/** The ReadError a read rejects with (fails the test if it resolves or throws something else). */
async function refusal(file: string, sheet: string | null = null, options?: ReadOptions): Promise<ReadError> {
  try {
    await readSheet(file, sheet, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return e as ReadError;
  }
  throw new Error(`${file} was read without error`);
}

const smallRoster = (): string =>
  writeWorkbook(at(`roster-${Math.random().toString(36).slice(2)}.xlsx`), [
    {
      name: '花名册',
      rows: [
        ['姓名', '证件号码'],
        ...Array.from({ length: 200 }, (_, i) => [`张${i}`, `3418231956061402${i}`]),
      ],
    },
  ]);

describe('broken files', () => {
  it('refuses a truncated zip', async () => {
    const bytes = fs.readFileSync(smallRoster());
    fs.writeFileSync(at('truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await refusal(at('truncated.xlsx'));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(
      /^文件“truncated\.xlsx”已损坏或不完整（找不到 zip 目录，文件可能在下载或拷贝时被截断）/,
    );
  });

  it('refuses a zip whose data is corrupt', async () => {
    const entries = handmadeXlsxEntries([
      { name: 's', xml: Array.from({ length: 500 }, (_, i) => rowXml(i + 1, [`姓名${i}`, `${i}`])).join('') },
    ]);
    const zip = buildZip(entries);
    // Flip bytes in the middle of the sheet's compressed data.
    const sheetAt = zip.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 200;
    for (let i = 0; i < 64; i++) zip[sheetAt + i] = (zip[sheetAt + i] ?? 0) ^ 0x5a;
    fs.writeFileSync(at('corrupt.xlsx'), zip);
    const e = await refusal(at('corrupt.xlsx'));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(
      /文件“corrupt\.xlsx”已损坏或不完整（“xl\/worksheets\/sheet1\.xml”(解压|校验)失败）/,
    );
  });

  it('refuses an empty file', async () => {
    fs.writeFileSync(at('empty.xlsx'), '');
    const e = await refusal(at('empty.xlsx'));
    expect(e.code).toBe('empty');
    expect(e.message).toBe('文件“empty.xlsx”是空文件（0 字节）');
  });

  it('refuses a workbook whose sheets are all empty, and a missing file', async () => {
    const file = writeHandmadeXlsx(at('blank.xlsx'), [
      { name: '空', xml: '<row r="1"/><row r="2"><c r="A2" s="1"/></row>' },
    ]);
    expect((await refusal(file)).code).toBe('empty');
    const missing = await refusal(at('不存在.xlsx'));
    expect(missing.code).toBe('unreadable');
    expect(missing.message).toBe('找不到文件“不存在.xlsx”，可能已被移动或删除');
  });

  it('reads a header with no rows, and the later stages return no data rows', async () => {
    const file = writeWorkbook(at('header-only.xlsx'), [
      { name: '花名册', rows: [['黄田村花名册'], ['姓名', '证件号码', '与户主关系']] },
    ]);
    const data = await readSheet(file, null);
    const header = locateHeader(data, knownHeaderNames());
    expect(header.dataStart).toBe(2);
    const { table, skipped, filledCells } = fillAndClassify(data, header);
    expect([table.length, skipped, filledCells]).toEqual([0, [], 0]);
  });
});

describe('files that are not workbooks', () => {
  it('names a Word document renamed .xlsx', async () => {
    const docx = buildZip([
      {
        name: '[Content_Types].xml',
        data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      {
        name: '_rels/.rels',
        data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      {
        name: 'word/document.xml',
        data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      },
    ]);
    fs.writeFileSync(at('x.xlsx'), docx);
    const e = await refusal(at('x.xlsx'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toBe('文件“x.xlsx”不是 Excel 工作簿（看起来是 Word 文档）');
    await expect(listSheets(at('x.xlsx'))).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('names a PDF, a plain zip and binary data', async () => {
    fs.writeFileSync(at('scan.xlsx'), '%PDF-1.7\n...');
    fs.writeFileSync(at('bundle.xlsx'), buildZip([{ name: '花名册.xlsx', data: 'x' }]));
    fs.writeFileSync(at('blob.xls'), Buffer.from([1, 2, 0, 4, 5, 0, 7]));
    expect((await refusal(at('scan.xlsx'))).message).toBe(
      '文件“scan.xlsx”不是 Excel 工作簿（看起来是 PDF 文件）',
    );
    expect((await refusal(at('bundle.xlsx'))).message).toMatch(
      /看起来是 zip 压缩包，请解压后导入其中的 Excel 文件/,
    );
    expect((await refusal(at('blob.xls'))).code).toBe('unsupported');
  });

  it('goes by content, not by extension', async () => {
    const xlsxAsCsv = at('really-xlsx.csv');
    fs.copyFileSync(smallRoster(), xlsxAsCsv);
    expect((await readSheet(xlsxAsCsv, null)).rows.cells(0)).toEqual(['姓名', '证件号码']);
    const odsAsXlsx = writeWorkbook(at('really-ods.ods'), [{ name: 'S', rows: [['姓名'], ['张三']] }], 'ods');
    fs.renameSync(odsAsXlsx, at('really-ods.xlsx'));
    expect((await readSheet(at('really-ods.xlsx'), null)).rows.toArrays()).toEqual([['姓名'], ['张三']]);
  });

  it('recognises an encrypted workbook (an OLE2 file with an EncryptionInfo stream)', async () => {
    const CFB = XLSX.CFB as {
      utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, data: Buffer): void };
      write(c: unknown, o: { type: 'buffer' }): Buffer;
    };
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
    fs.writeFileSync(at('locked.xlsx'), CFB.write(container, { type: 'buffer' }));
    const e = await refusal(at('locked.xlsx'));
    expect(e.code).toBe('encrypted');
    expect(e.message).toBe('文件“locked.xlsx”已加密（设置了打开密码），请在 Excel 中取消密码后再导入');
  });
});

describe('limits', () => {
  /** A sheet of `bytes` highly repetitive XML: compresses about 1000×. */
  function bombSheet(bytes: number): string {
    const head =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    return head + '<row><c><v>1</v></c></row>'.repeat(Math.ceil(bytes / 26)) + '</sheetData></worksheet>';
  }

  it('stops a zip bomb by its inflate ratio, with the limit in the message', async () => {
    const file = writeHandmadeXlsx(at('bomb.xlsx'), [{ name: '炸弹', xml: bombSheet(64 * 1024 * 1024) }]);
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const e = await refusal(file);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      '文件“bomb.xlsx”的工作表“炸弹”的压缩比超过 60 倍（导入上限），可能是损坏的文件或“压缩炸弹”，已停止读取',
    );
  });

  it('stops at maxUncompressedBytes while inflating, even when the directory lies about the size', async () => {
    const entries = handmadeXlsxEntries([{ name: '炸弹', xml: bombSheet(40 * 1024 * 1024) }]).map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, declaredSize: 1000 } : entry,
    );
    fs.writeFileSync(at('liar.xlsx'), buildZip(entries));
    const options = {
      limits: { maxUncompressedBytes: 16 * 1024 * 1024, maxInflateRatio: 1e9, maxRows: 1e7 },
    };
    const e = await refusal(at('liar.xlsx'), null, options);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/解压后超过 16 MB（导入上限）/);
    // With the default limits the ratio check catches it.
    expect((await refusal(at('liar.xlsx'))).message).toMatch(/压缩比超过 60 倍/);
  });

  it('refuses before inflating when the directory admits an entry is too big', async () => {
    const entries = handmadeXlsxEntries([{ name: 's', xml: rowXml(1, ['姓名']) }]).map((entry) =>
      entry.name === 'xl/worksheets/sheet1.xml' ? { ...entry, declaredSize: 0xfffffff0 } : entry,
    );
    fs.writeFileSync(at('huge.xlsx'), buildZip(entries));
    const e = await refusal(at('huge.xlsx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/解压后超过 1\.5 GB（导入上限）/);
  });

  it('refuses a file over maxFileBytes', async () => {
    const e = await refusal(smallRoster(), null, { limits: { maxFileBytes: 1000 } });
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^文件“roster-\w+\.xlsx”有 \d+(\.\d)? KB，超过导入上限 1000 字节/);
  });

  it('refuses a sheet over maxRows as soon as it passes the limit', async () => {
    const e = await refusal(smallRoster(), null, { limits: { maxRows: 10 } });
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/的工作表“花名册”超过 10 行（导入上限），请分成几个文件后再导入$/);
    fs.writeFileSync(at('rows.csv'), 'a\n'.repeat(50));
    expect((await refusal(at('rows.csv'), null, { limits: { maxRows: 10 } })).message).toMatch(/超过 10 行/);
    const xls = writeWorkbook(
      at('rows.xls'),
      [{ name: 'S', rows: Array.from({ length: 50 }, (_, i) => [i]) }],
      'xls',
    );
    expect((await refusal(xls, null, { limits: { maxRows: 10 } })).message).toMatch(/超过 10 行/);
  });

  it('refuses a sheet filled to Excel’s 1,048,576 rows with the default limit, without reading all of it', async () => {
    // Real rows (numbered, varying values) so that the inflate ratio stays that of a real sheet.
    const parts: string[] = [];
    for (let r = 1; r <= 1_048_576; r++)
      parts.push(`<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100_003}</v></c></row>`);
    const rows = parts.join('');
    const file = writeHandmadeXlsx(at('full.xlsx'), [
      { name: '满表', xml: worksheetXml(rows, '', '<dimension ref="A1:A1048576"/>') },
    ]);
    const e = await refusal(file);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      '文件“full.xlsx”的工作表“满表”超过 500,000 行（导入上限），请分成几个文件后再导入',
    );
  });

  it('refuses a 100,000-character cell (Excel holds 32,767) and says where it is', async () => {
    const long = '长'.repeat(100_000);
    const file = writeHandmadeXlsx(at('long.xlsx'), [
      { name: '备注', xml: rowXml(1, ['姓名', '备注']) + rowXml(2, ['张三', long]) },
    ]);
    const e = await refusal(file);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(
      '文件“long.xlsx”的工作表“备注”第 2 行 B 列的内容超出单元格上限 32,767 个字符（该单元格有 100,000 个字符），请检查该单元格',
    );
    fs.writeFileSync(at('long.csv'), `姓名,备注\n张三,"${long}"\n`);
    const csv = await refusal(at('long.csv'));
    expect(csv.code).toBe('too-large');
    expect(csv.message).toMatch(/第 2 行 B 列的内容超出单元格上限 32,767 个字符（常见原因是引号不配对）/);
  });
});

describe('cancellation', () => {
  const big = (): string =>
    writeWorkbook(at('big.xlsx'), [
      {
        name: '人口',
        rows: Array.from({ length: 30_000 }, (_, i) => [
          `姓名${i}`,
          `34182319560614${i}`,
          i,
          '残疾,长期慢性病',
        ]),
      },
    ]);

  it('refuses at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await refusal(smallRoster(), null, { signal: controller.signal });
    expect(e.code).toBe('cancelled');
    expect(e.message).toMatch(/^已取消读取文件“roster-\w+\.xlsx”$/);
  });

  it('stops a streamed .xlsx read in the middle', async () => {
    const controller = new AbortController();
    let rowsAtCancel = -1;
    const e = await refusal(big(), null, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'sheet' && rowsAtCancel < 0) {
          rowsAtCancel = p.rowsRead;
          controller.abort();
        }
      },
    });
    expect(e.code).toBe('cancelled');
    expect(e.message).toBe('已取消读取文件“big.xlsx”的工作表“人口”');
    expect(rowsAtCancel).toBeLessThan(30_000);
  });

  it('stops a CSV read in the middle', async () => {
    fs.writeFileSync(at('big.csv'), '姓名,证件号码\n'.repeat(400_000));
    const controller = new AbortController();
    const e = await refusal(at('big.csv'), null, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'csv') controller.abort();
      },
    });
    expect(e.code).toBe('cancelled');
  });
});

describe('prototype pollution', () => {
  const names = ['__proto__', 'constructor', 'polluted', 'prototype', 'toString'];

  it('keeps sheet names, strings and meta keys as data in every reader', async () => {
    const rows = [
      ['__proto__：polluted', 'constructor：yes'],
      ['姓名', '证件号码', '__proto__', 'constructor'],
      ['__proto__', 'polluted', 'prototype', 'hasOwnProperty'],
      ['constructor', 'toString', '__defineGetter__', 'valueOf'],
    ];
    const sheets = names.map((name) => ({ name, rows }));
    const files = [
      writeWorkbook(at('proto.xlsx'), sheets),
      writeWorkbook(at('proto.xls'), sheets, 'xls'),
      writeWorkbook(at('proto.ods'), sheets, 'ods'),
    ];
    for (const file of files) {
      expect(
        (await listSheets(file)).map((s) => s.name),
        file,
      ).toEqual(names);
      for (const name of names) {
        const data = await readSheet(file, name);
        expect(data.sheet).toBe(name);
        expect(data.rows.toArrays(), `${file} ${name}`).toEqual(rows);
        const header = locateHeader(data, knownHeaderNames());
        expect(header.meta['__proto__']).toBe('polluted');
        expect(fillAndClassify(data, header).table.length).toBe(2);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});
