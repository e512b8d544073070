// Which sheet is read when none is named: a township workbook opening with a 填表说明 sheet is read from
// its roster; with two rosters nothing is guessed (the core names both, the CLI exits 2 listing them).
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.ts';
import { analyzeFile } from '../../main/core/import/analyze-file.ts';
import { SheetChoiceError } from '../../main/core/import/choose-sheet.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

XLSX.set_fs(fs);

const INSTRUCTIONS = [
  ['填表说明'],
  ['1. 本表由村委会填写，每户一行起，家庭成员逐行填写。'],
  ['2. 身份证号请填写 18 位，不要带空格。'],
  ['3. 与户主关系填写：户主、配偶、之子、之女等。'],
];

function roster(prefix: string): string[][] {
  return [
    ['城关镇光千社区花名册'],
    ['户编号', '姓名', '性别', '身份证号', '与户主关系', '村'],
    [`${prefix}01`, '张大山', '男', makeIdNumber('420626', '1968-04-02', 15), '户主', '光千社区'],
    [`${prefix}01`, '李小花', '女', makeIdNumber('420626', '1970-10-09', 26), '配偶', '光千社区'],
  ];
}

/** A summary beside the roster: a header (乡镇, 村, 人数) but no one to import. */
const SUMMARY = [['汇总'], ['乡镇', '村', '户数', '人数'], ['城关镇', '光千社区', '1', '2']];

function workbook(name: string, sheets: Array<[string, string[][]]>): string {
  const wb = XLSX.utils.book_new();
  for (const [sheet, aoa] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), sheet);
  const file = path.join(tempDir('sheets-'), name);
  XLSX.writeFile(wb, file, { compression: true });
  return file;
}

describe('the sheet read when none is named', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await openTestClient();
    await c.ok('ledger.create', { countyCode: '420626' });
  });
  afterEach(async () => {
    await c.close();
  });

  it('skips a 填表说明 sheet and a 汇总 sheet and reads the roster', async () => {
    const file = workbook('光千社区.xlsx', [
      ['填表说明', INSTRUCTIONS],
      ['汇总', SUMMARY],
      ['花名册', roster('GQ')],
    ]);
    const a = await analyzeFile(c.core.ledger, file);
    expect(a.sheet).toBe('花名册');
    expect(a.sheets.map((s) => s.name)).toEqual(['填表说明', '汇总', '花名册']);
    expect(a.plan.counts.persons.created).toBe(2);
    expect(a.plan.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('with two rosters names both and reads neither; a named sheet is read', async () => {
    const file = workbook('两个村.xlsx', [
      ['填表说明', INSTRUCTIONS],
      ['一村', roster('A')],
      ['二村', roster('B')],
    ]);
    const refused = await analyzeFile(c.core.ledger, file).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SheetChoiceError);
    expect((refused as SheetChoiceError).sheets).toEqual(['一村', '二村']);
    expect((refused as Error).message).toMatch(/“一村”、“二村”/);
    expect((await analyzeFile(c.core.ledger, file, { sheet: '二村' })).sheet).toBe('二村');
  });

  it('names every sheet when none has a header', async () => {
    const file = workbook('说明.xlsx', [
      ['填表说明', INSTRUCTIONS],
      ['说明', [['本表无数据']]],
    ]);
    await expect(analyzeFile(c.core.ledger, file)).rejects.toThrow(/工作表“填表说明”、“说明”中都找不到表头/);
  });
});

describe('CLI import and sheets', () => {
  const ledger = () => {
    const db = tempLedgerPath();
    expect(runLedgerCli(['init', '--county', '420626', '--db', db]).code).toBe(0);
    return db;
  };

  it('imports the roster after a 填表说明 sheet without --sheet', () => {
    const db = ledger();
    const file = workbook('光千社区.xlsx', [
      ['填表说明', INSTRUCTIONS],
      ['花名册', roster('GQ')],
    ]);
    const r = runLedgerCli(['import', file, '--db', db, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      persons: { created: 2 },
    });
  });

  it('exits 2 listing the sheets when two could be the one; --sheet picks one', () => {
    const db = ledger();
    const file = workbook('两个村.xlsx', [
      ['填表说明', INSTRUCTIONS],
      ['一村', roster('A')],
      ['二村', roster('B')],
    ]);
    const r = runLedgerCli(['import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/两个村\.xlsx.*“一村”、“二村”.*--sheet/);
    const json = runLedgerCli(['import', file, '--db', db, '--json']);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ sheets: ['一村', '二村'] });
    expect(runLedgerCli(['import', file, '--db', db, '--sheet', '一村']).code).toBe(0);
  });
});
