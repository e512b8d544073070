// Shared strings (issue 13, bounded memory): the reader reads a sheet first and then only the shared
// strings its cells use, so a workbook carrying far more text than it shows imports as Excel shows it,
// and the text a sheet holds is bounded (ReadLimits.maxTextChars) with a Chinese message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { analyzeFile, commitAnalysis } from '../../main/core/import/analyze-file.ts';
import { ReadError, readSheet } from '../../main/core/import/read/index.ts';
import { openCountyLedger } from '../helpers/core-client.ts';
import { tempDir, writeHandmadeXlsx } from '../fixtures/workbooks.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const TITLE = '城关镇光千社区建档立卡贫困户花名册';
const HEADER = ['户编号', '姓名', '性别', '身份证号', '与户主关系'];
const PEOPLE = [
  ['GQ001', '张大山', '男', makeIdNumber('420626', '1968-04-02', 15), '户主'],
  ['GQ001', '李小花', '女', makeIdNumber('420626', '1970-10-09', 26), '配偶'],
  ['GQ002', '王二', '男', makeIdNumber('420626', '1955-01-20', 41), '户主'],
];

/**
 * A workbook whose shared strings table holds `fillers` items no cell uses before, between and after
 * the ones the sheet shows (in scrambled order), as a file built to exhaust memory would.
 */
function heavyWorkbook(name: string, fillers: number, fillerText = (i: number) => `未用的备注文字${i}`) {
  const used = [TITLE, ...HEADER, ...PEOPLE.flat()];
  const distinct = [...new Set(used)];
  const strings: string[] = [];
  const index = new Map<string, number>();
  // Fillers first, then each used string after a stretch of fillers, the used ones in reverse order.
  const stretch = Math.floor(fillers / (distinct.length + 1));
  let f = 0;
  for (const text of [...distinct].reverse()) {
    for (let k = 0; k < stretch; k++) strings.push(fillerText(f++));
    index.set(text, strings.length);
    strings.push(text);
  }
  while (f < fillers) strings.push(fillerText(f++));
  const cell = (r: number, c: number, text: string) =>
    `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>${index.get(text)}</v></c>`;
  const row = (r: number, cells: readonly string[]) =>
    `<row r="${r}">${cells.map((t, c) => cell(r, c, t)).join('')}</row>`;
  const xml = [row(1, [TITLE]), row(2, HEADER), ...PEOPLE.map((p, i) => row(3 + i, p))].join('');
  return writeHandmadeXlsx(path.join(dir, name), [{ name: '花名册', xml }], { sharedStrings: strings });
}

describe('shared strings read after the sheet', () => {
  it('imports a workbook whose shared strings are mostly unused, every cell as Excel shows it', async () => {
    const file = heavyWorkbook('heavy.xlsx', 30_000);
    const data = await readSheet(file, null);
    expect(data.rows.toArrays()).toEqual([[TITLE], HEADER, ...PEOPLE]);

    const c = await openCountyLedger();
    try {
      const analysis = await analyzeFile(c.core.ledger, file);
      expect(analysis.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
      const committed = commitAnalysis(c.core.ledger, analysis, false, { operator: '导入员' });
      expect(committed.counts.persons.created).toBe(3);
      const names = c.core.ledger.sqlite.prepare('SELECT name, id_number FROM persons ORDER BY id').all() as {
        name: string;
        id_number: string;
      }[];
      expect(names).toEqual(PEOPLE.map((p) => ({ name: p[1], id_number: p[3] })));
    } finally {
      await c.close();
    }
  });

  it('checks the length of the strings cells use only, naming the cell', async () => {
    // 40,000-character items no cell shows are not the file's content: not refused.
    const unused = heavyWorkbook('unused-long.xlsx', 8, (i) => `${i}${'长'.repeat(40_000)}`);
    expect((await readSheet(unused, null)).rows.length).toBe(5);

    const strings = ['姓名', '备注', '张三', '长'.repeat(40_000)];
    const xml =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>';
    const file = writeHandmadeXlsx(path.join(dir, 'long.xlsx'), [{ name: '备注', xml }], {
      sharedStrings: strings,
    });
    await expect(readSheet(file, null)).rejects.toThrow(
      '文件“long.xlsx”的工作表“备注”第 2 行 B 列的内容超出单元格上限 32,767 个字符（该单元格有 40,000 个字符），请检查该单元格',
    );
  });

  it('refuses a sheet holding more text than maxTextChars, counting a shared string once', async () => {
    const file = heavyWorkbook('budget.xlsx', 1000);
    const shown = new Set([TITLE, ...HEADER, ...PEOPLE.flat()]);
    const chars = [...shown].reduce((n, s) => n + s.length, 0);
    // Exactly the distinct text shown fits (the 1,000 unused items do not count) …
    expect((await readSheet(file, null, { limits: { maxTextChars: chars } })).rows.length).toBe(5);
    // … one character less does not.
    const e = await readSheet(file, null, { limits: { maxTextChars: chars - 1 } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadError);
    expect((e as ReadError).code).toBe('too-large');
    expect((e as ReadError).message).toBe(
      `文件“budget.xlsx”中的文字超过 ${(chars - 1).toLocaleString('en-US')} 个字符（导入上限），请分成几个文件后再导入`,
    );
  });
});
