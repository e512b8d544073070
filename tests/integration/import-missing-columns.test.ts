// A required field the file has no column for is one message (not one per row), into the register and
// into a thematic ledger; the clerk can give such a field one value for the whole file (整列填同一个值,
// the CLI's --set 字段=值), checked like a cell and kept in the import template.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { analyzeFile, commitAnalysis, remapAnalysis } from '../../main/core/import/analyze-file.ts';
import { openCountyLedger, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

// The 配偶 (甲二) is a woman: an even sequence number.
const ids = [11, 22, 13, 15].map((seq, i) => makeIdNumber('420626', `19${70 + i}-0${i + 1}-1${i}`, seq));

function workbook(name: string, aoa: string[][]): string {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '表1');
  const file = path.join(tempDir('missing-'), name);
  XLSX.writeFile(wb, file, { compression: true });
  return file;
}

/** 4 persons in 2 households of 光千社区, with 与户主关系. */
const roster = () =>
  workbook('花名册.xlsx', [
    ['城关镇光千社区花名册'],
    ['户编号', '姓名', '证件号码', '与户主关系', '村'],
    ['H1', '甲一', ids[0] ?? '', '户主', '光千社区'],
    ['H1', '甲二', ids[1] ?? '', '配偶', '光千社区'],
    ['H2', '乙一', ids[2] ?? '', '户主', '光千社区'],
    ['H2', '乙二', ids[3] ?? '', '之子', '光千社区'],
  ]);

/** The village's 外出务工 sheet: who went where, but no 务工状态 column. */
const migrants = () =>
  workbook('外出务工.xlsx', [
    ['光千社区外出务工花名册'],
    ['姓名', '证件号码', '务工所在地', '外出时间'],
    ['甲一', ids[0] ?? '', '广东省深圳市', '2020-03-01'],
    ['甲二', ids[1] ?? '', '湖北省武汉市', '2020-03-05'],
    ['乙二', ids[3] ?? '', '保康县城关镇', '2020-02-20'],
  ]);

describe('a required column the file lacks', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await openCountyLedger();
  });
  afterEach(async () => {
    await c.close();
  });

  it('into the register: one message for 与户主关系, not one per row', async () => {
    const file = workbook('无关系.xlsx', [
      ['户编号', '姓名', '证件号码', '村'],
      ['H1', '甲一', ids[0] ?? '', '光千社区'],
      ['H1', '甲二', ids[1] ?? '', '光千社区'],
      ['H2', '乙一', ids[2] ?? '', '光千社区'],
    ]);
    const a = await analyzeFile(c.core.ledger, file);
    const errors = a.plan.issues.filter((i) => i.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        row: 0,
        field: '与户主关系',
        message: expect.stringMatching(/^文件中没有“与户主关系”列（3 行需要）/),
      }),
    ]);
  });

  it('into a thematic ledger: one message for 务工状态; a whole-column value imports the rows and is kept in the template', async () => {
    commitAnalysis(c.core.ledger, await analyzeFile(c.core.ledger, roster()), false, {});
    const file = migrants();
    const a = await analyzeFile(c.core.ledger, file, { into: 'migrant_work' });
    expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({
        row: 0,
        message: expect.stringMatching(/^文件中没有“务工状态”列（3 行需要）/),
      }),
    ]);
    expect(a.ledgerPlan?.account.unwritten.map((u) => u.reason)).toEqual(
      Array(3).fill(expect.stringMatching(/^文件中没有“务工状态”列/)),
    );

    // A bad value is refused like a bad cell; a good one fills every row.
    expect(() => remapAnalysis(c.core.ledger, a, undefined, undefined, { 'record.status': '跑了' })).toThrow(
      /整列填写的务工状态有误：务工状态“跑了”/,
    );
    const set = remapAnalysis(c.core.ledger, a, undefined, undefined, { 'record.status': '已外出' });
    expect(set.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(set.ledgerPlan?.counts.created).toBe(3);
    commitAnalysis(c.core.ledger, set, false, { operator: '导入员' });
    const stored = c.core.ledger.sqlite
      .prepare('SELECT DISTINCT status FROM ledger_migrant_work')
      .pluck()
      .all();
    expect(stored).toEqual(['01']);

    // The same kind of file next time: the template brings the value back.
    const again = await analyzeFile(c.core.ledger, file, { into: 'migrant_work' });
    expect(again.constants).toEqual({ 'record.status': '已外出' });
    expect(again.ledgerPlan?.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });
});

describe('CLI --set 字段=值', () => {
  it('gives a field the file lacks one value; a bad field or value exits 2 with a Chinese message', () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    expect(runLedgerCli(['import', roster(), '--db', db]).code).toBe(0);
    const file = migrants();
    const without = runLedgerCli(['import', file, '--into', 'migrant_work', '--db', db, '--json']);
    expect(without.code).toBe(1);
    const out = JSON.parse(without.stdout.trim().split('\n').at(-1) ?? '{}') as { errors: unknown[] };
    expect(out.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/没有“务工状态”列/) }),
    ]);

    const badField = runLedgerCli([
      'import',
      file,
      '--into',
      'migrant_work',
      '--db',
      db,
      '--set',
      '状况=已外出',
    ]);
    expect(badField.code).toBe(2);
    expect(badField.stdout).toMatch(/没有名为“状况”的字段/);
    const identity = runLedgerCli([
      'import',
      file,
      '--into',
      'migrant_work',
      '--db',
      db,
      '--set',
      '证件号码=1',
    ]);
    expect(identity.code).toBe(2);
    expect(identity.stdout).toMatch(/“证件号码”用来认出每一行是谁/);
    const badValue = runLedgerCli([
      'import',
      file,
      '--into',
      'migrant_work',
      '--db',
      db,
      '--set',
      '务工状态=跑了',
    ]);
    expect(badValue.code).toBe(2);
    expect(badValue.stdout).toMatch(/务工状态“跑了”/);

    const ok = runLedgerCli([
      'import',
      file,
      '--into',
      'migrant_work',
      '--db',
      db,
      '--json',
      '--set',
      '务工状态=已外出',
      '--set',
      '就业渠道=自主外出',
    ]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      records: { created: 3 },
    });
  });
});
