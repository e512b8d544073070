// 导入 in Chromium, the parts of issue 9 about choosing: a workbook with a 填表说明 sheet and two villages'
// rosters makes the page ask which sheet (nothing guessed); a village's 外出务工 sheet without 务工状态
// shows one message for the missing column, and 列对应's 整列填同一个值 (务工状态 = 已外出) makes it
// importable. Screenshots: test-artifacts/import-sheets-*.png.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

XLSX.set_fs(fs);
const skip = e2eSkipReason();

const ids = [11, 22, 13].map((seq, i) => makeIdNumber('420626', `19${70 + i}-0${i + 1}-1${i}`, seq));
const ROSTER = [
  ['城关镇光千社区花名册'],
  ['户编号', '姓名', '证件号码', '与户主关系', '村'],
  ['H1', '甲一', ids[0] ?? '', '户主', '光千社区'],
  ['H1', '甲二', ids[1] ?? '', '配偶', '光千社区'],
  ['H2', '乙一', ids[2] ?? '', '户主', '光千社区'],
];

function workbook(name: string, sheets: Array<[string, string[][]]>): string {
  const wb = XLSX.utils.book_new();
  for (const [sheet, aoa] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), sheet);
  const file = path.join(tempDir('e2e-sheets-'), name);
  XLSX.writeFile(wb, file, { compression: true });
  return file;
}

describe.skipIf(skip !== null)('导入: which sheet, and a missing column (Chromium)', () => {
  const chromium = chromiumPage('import-sheets');
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);
  const ready = () => expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.create', { countyCode: '420626' });
    await hostCall(host, 'settings.setOperator', { name: '导入员' });
    page = await chromium.open();
    await page.goto(host.url);
    await testId('nav-import').click();
    await testId('import-chooser').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('asks which sheet when two could be the one, then previews the chosen one', async () => {
    const file = workbook('两个组.xlsx', [
      ['填表说明', [['填表说明'], ['1. 每户一行起，家庭成员逐行填写。']]],
      ['一组', ROSTER],
      ['二组', ROSTER.slice(0, 3)],
    ]);
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(file);
    await testId('import-sheet-choice').waitFor({ timeout: 30_000 });
    // The file as the clerk named it (not the upload's temporary copy), and the two rosters only.
    await expect(testId('import-sheet-choice').innerText()).resolves.toMatch(
      /文件“两个组\.xlsx”中有 2 个工作表都像要导入的表：“一组”、“二组”/,
    );
    await expect(testId('import-sheet-choice-填表说明').count()).resolves.toBe(0);
    await chromium.shot('01-choose-sheet');
    await testId('import-sheet-choice-一组').click();
    await testId('import-preview').waitFor({ timeout: 30_000 });
    await ready();
    await expect(testId('import-sheet').innerText()).resolves.toContain('一组');
    await expect(testId('import-persons-created').getAttribute('data-value')).resolves.toBe('3');
    await chromium.shot('02-chosen-sheet');
    await testId('import-commit').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    await testId('import-next').click();
    await testId('import-chooser').waitFor();
  });

  it('says once that 务工状态 is missing, and imports with 务工状态 = 已外出 for the whole column', async () => {
    await testId('import-into').click();
    await page.keyboard.type('外出务工');
    await page.keyboard.press('Enter');
    const file = workbook('外出务工.xlsx', [
      [
        '外出务工',
        [
          ['光千社区外出务工花名册'],
          ['姓名', '证件号码', '务工所在地', '外出时间'],
          ['甲一', ids[0] ?? '', '广东省深圳市', '2020-03-01'],
          ['甲二', ids[1] ?? '', '湖北省武汉市', '2020-03-05'],
        ],
      ],
    ]);
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(file);
    await testId('import-preview').waitFor({ timeout: 30_000 });
    await ready();
    const issues = testId('import-issue-row');
    await expect(issues.count()).resolves.toBe(1);
    await expect(issues.first().innerText()).resolves.toMatch(
      /全表[\s\S]*文件中没有“务工状态”列（2 行需要）/,
    );
    await chromium.shot('03-missing-column');

    await page.getByRole('tab', { name: /列对应/ }).click();
    await testId('import-constant-target').click();
    await page.keyboard.type('务工状态');
    await page.keyboard.press('Enter');
    await testId('import-constant-value').click();
    await page.keyboard.type('已外出');
    await page.keyboard.press('Enter');
    await testId('import-constant-add').click();
    await testId('import-constant-record.status').waitFor();
    await ready();
    await expect(testId('import-constant-record.status').innerText()).resolves.toContain(
      '务工状态 ＝ 已外出',
    );
    await expect(testId('import-records-created').getAttribute('data-value')).resolves.toBe('2');
    await chromium.shot('04-whole-column-value');
    await testId('import-commit').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    const stored = readLedger(host, (db) =>
      db.prepare('SELECT DISTINCT status FROM ledger_migrant_work').pluck().all(),
    );
    expect(stored).toEqual(['01']);
  });
});
