// Issue 9 "信得过": every data row of an import is written or listed with its row and why — in the
// preview, the result, the error workbook and 导入历史 — and an import that writes nothing says so and
// records no batch. On a real ledger and real workbooks.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { analyzeFile, commitAnalysis, remapAnalysis } from '../../main/core/import/analyze-file.ts';
import { importHistory } from '../../main/core/import/import-history.ts';
import { commitResultOf, errorReportInput, previewOf } from '../../main/core/import/preview.ts';
import { writeErrorReport } from '../../main/core/xlsx-write/error-report.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { expectPlanAccounted, expectPreviewMatchesResult } from '../helpers/import-accounting.ts';
import { fileFingerprint, tempDir } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

let c: TestClient;
beforeEach(async () => {
  c = await openCountyLedger();
});
afterEach(async () => {
  await c.close();
});

const id = (birth: string, seq: number) => makeIdNumber('420626', birth, seq);
const badCheckDigit = (n: string) => n.slice(0, 17) + (n[17] === '1' ? '2' : '1');

/** Household H001: 陈鑫 (户主, wrong check digit) and three members; H002: two members, all valid. */
function roster(withVillage = true): string {
  const place = (row: string[]) => (withVillage ? ['城关镇', '光千社区', ...row] : row);
  const aoa = [
    ['2020年建档立卡花名册'],
    place(['户编号', '姓名', '性别', '身份证号', '与户主关系']).map(String),
    place(['H001', '陈鑫', '男', badCheckDigit(id('1957-11-14', 11)), '户主']),
    place(['H001', '袁秀', '女', id('1959-02-03', 22), '配偶']),
    place(['H001', '谭英', '女', id('1985-05-06', 24), '之女']),
    place(['H001', '夏凤华', '女', id('1988-07-08', 26), '之女']),
    place(['H002', '王老汉', '男', id('1950-01-20', 31), '户主']),
    place(['H002', '王小二', '男', id('1980-03-04', 33), '之子']),
  ];
  if (withVillage) aoa[1] = ['乡镇', '村', '户编号', '姓名', '性别', '身份证号', '与户主关系'];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '花名册');
  const file = path.join(tempDir('accounting-'), '花名册.xlsx');
  XLSX.writeFile(book, file);
  return file;
}

const batches = () =>
  c.core.ledger.sqlite.prepare(`SELECT COUNT(*) FROM import_batches WHERE kind = 'import'`).pluck().get();

describe('import accounting', () => {
  it('holds back a household whose 户主 row is refused and lists each of its rows everywhere', async () => {
    const a = await analyzeFile(c.core.ledger, roster());
    const p = previewOf(a);
    expectPlanAccounted(a.plan);
    expect(p.rows).toBe(6);
    expect(p.written).toBe(2);
    expect(p.households).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(p.persons).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const held = '同户第 3 行（户主）有错误，本户其余 3 人暂未导入';
    expect(p.notImported).toEqual([
      { row: 3, kind: 'error', reason: expect.stringMatching(/未通过校验/), name: '陈鑫' },
      { row: 4, kind: 'held', reason: held, name: '袁秀' },
      { row: 5, kind: 'held', reason: held, name: '谭英' },
      { row: 6, kind: 'held', reason: held, name: '夏凤华' },
    ]);
    expect({ count: p.notImportedCount, invalid: p.invalidRows, held: p.heldRows }).toEqual({
      count: 4,
      invalid: 1,
      held: 3,
    });
    // Messages name the person.
    expect(p.errors.find((e) => e.level === 'error')).toMatchObject({ row: 3, name: '陈鑫' });
    expect(p.nothingWritten).toBeNull();

    // The error workbook marks the held rows too.
    const report = path.join(tempDir('report-'), '错误报告.xlsx');
    const written = await writeErrorReport(report, errorReportInput(a));
    expect({ errorRows: written.errorRows, heldRows: written.heldRows }).toEqual({
      errorRows: 1,
      heldRows: 3,
    });
    const sheet = XLSX.readFile(report).Sheets['花名册'] ?? {};
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
    const header = rows.find((r) => r.includes('错误说明')) ?? [];
    const reasonOf = (row: number) =>
      String(
        rows.find((r) => String(r[header.indexOf('原行号')]) === String(row))?.[header.indexOf('错误说明')],
      );
    expect(reasonOf(3)).toMatch(/^【错误】/);
    expect(reasonOf(5)).toBe(`【未导入】${held}`);

    // The commit does what the preview said, and the batch remembers the rows it did not write.
    const done = commitAnalysis(c.core.ledger, a, true, { operator: '导入员' });
    expectPreviewMatchesResult(p, commitResultOf(a, done));
    const names = c.core.ledger.sqlite.prepare('SELECT name FROM persons ORDER BY id').pluck().all();
    expect(names).toEqual(['王老汉', '王小二']);
    const [batch] = importHistory(c.core.ledger, 10);
    expect(batch).toMatchObject({ batchId: done.batchId, dataRows: 6, notImported: { count: 4 } });
    expect(batch?.notImported.rows.map((r) => [r.row, r.kind, r.name])).toEqual([
      [3, 'error', '陈鑫'],
      [4, 'held', '袁秀'],
      [5, 'held', '谭英'],
      [6, 'held', '夏凤华'],
    ]);
  });

  it('a household whose 村 cell is blank says the 所属村 box fixes it, and choosing it imports the rows', async () => {
    const book = XLSX.utils.book_new();
    const aoa = [
      ['乡镇', '村', '户编号', '姓名', '性别', '身份证号', '与户主关系'],
      ['城关镇', '光千社区', 'H001', '王老汉', '男', id('1950-01-20', 31), '户主'],
      ['', '', 'H002', '李大', '男', id('1960-01-20', 41), '户主'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '花名册');
    const file = path.join(tempDir('accounting-'), '空村.xlsx');
    XLSX.writeFile(book, file);
    const a = await analyzeFile(c.core.ledger, file);
    expectPlanAccounted(a.plan);
    const village = a.plan.issues.find((i) => i.field === '村' && i.level === 'error');
    expect(village).toMatchObject({ row: 3, fix: 'region' });
    expect(previewOf(a).errors.find((i) => i.row === 3)?.message).toMatch(/请在上方选择所属村（或组）$/);
    const chosen = remapAnalysis(c.core.ledger, a, undefined, '420626100201');
    expect(chosen.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(chosen.plan.account.written).toBe(2);
  });

  it('records no batch when nothing would be written, and says why', async () => {
    const file = roster(false);
    const a = await analyzeFile(c.core.ledger, file);
    const p = previewOf(a);
    expectPlanAccounted(a.plan);
    expect(p.written).toBe(0);
    expect(p.notImportedCount).toBe(6);
    // The fix is on the same screen: the 所属村 box.
    expect(p.nothingWritten).toMatch(/^没有写入任何记录：.*请在上方选择所属村/);
    expect(p.errors[0]?.message).toMatch(/请在上方选择所属村/);
    const before = fileFingerprint(c.core.ledger.path);
    expect(() => commitAnalysis(c.core.ledger, a, true)).toThrow(/^没有写入任何记录：/);
    expect(batches()).toBe(0);
    expect(fileFingerprint(c.core.ledger.path)).toBe(before);

    // Choosing the village fixes it; the same file again then writes nothing and records no batch.
    const village = (await c.ok('regions.tree', {})).find((n) => n.name.startsWith('光千社区'))?.code ?? '';
    const placed = remapAnalysis(c.core.ledger, a, undefined, village);
    expectPlanAccounted(placed.plan);
    const first = commitAnalysis(c.core.ledger, placed, true);
    expect(first.batchId).toBeGreaterThan(0);
    expect(first.plan.account.written).toBe(2);
    const again = await analyzeFile(c.core.ledger, file, { regionCode: village });
    const second = commitAnalysis(c.core.ledger, again, true);
    expect(second.batchId).toBeNull();
    expect(second.nothingWritten).toMatch(/^没有写入任何记录：表中 2 行与台账中已有的相同/);
    expect(batches()).toBe(1);
  });

  it('without 户编号, does not add the rows after an unreadable 与户主关系 to the household above', async () => {
    const book = XLSX.utils.book_new();
    const rows = [
      ['姓名', '身份证号', '与户主关系', '性别'],
      ['赵一', id('1960-01-01', 11), '户主', '男'],
      ['钱二', id('1962-02-02', 22), '配偶', '女'],
      ['孙三', id('1970-03-03', 33), '大当家', '男'],
      ['孙小四', id('1995-04-04', 43), '之子', '男'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
    const file = path.join(tempDir('relation-'), '名单.xlsx');
    XLSX.writeFile(book, file);
    const village = (await c.ok('regions.tree', {})).find((n) => n.name.startsWith('光千社区'))?.code ?? '';
    const a = await analyzeFile(c.core.ledger, file, { regionCode: village });
    expectPlanAccounted(a.plan);
    expect(a.plan.account.unwritten).toEqual([
      { row: 4, kind: 'error', reason: expect.stringContaining('与户主关系'), name: '孙三' },
      {
        row: 5,
        kind: 'held',
        reason: '第 4 行有错误，看不出与户主的关系，其后同户的 1 人暂未导入',
        name: '孙小四',
      },
    ]);
    const done = commitAnalysis(c.core.ledger, a, true);
    expect(done.plan.counts.persons.created).toBe(2);
    const members = c.core.ledger.sqlite.prepare('SELECT name FROM persons ORDER BY id').pluck().all();
    expect(members).toEqual(['赵一', '钱二']);
  });
});
