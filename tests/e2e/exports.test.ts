// 导出 in browser mode (Chromium): the household list's 户花名册 under the list's filters, the dialog
// that asks before more than 100 full 证件号码 leave the program (with 改为脱敏导出 in it), and 脱敏导出
// one click away; each export written to the audit log.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('导出 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('exports');
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);
  const exports = () =>
    readLedger(host, (db) =>
      db.prepare(`SELECT label, changes FROM audit_log WHERE action = 'export' ORDER BY id`).all(),
    ) as Array<{ label: string; changes: string }>;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 300, seed: 5 });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('asks before exporting more than 100 full IDs, offers the masked file, and downloads either', async () => {
    await page.goto(host.url);
    await testId('nav-households').click();
    await testId('household-row').first().waitFor({ timeout: 30_000 });
    await chromium.shot('01-list-with-export');

    await testId('household-export').click();
    await testId('household-export-households').click();
    await testId('export-confirm-message').waitFor();
    const total = await testId('household-total').getAttribute('data-value');
    await expect(testId('export-confirm-message').innerText()).resolves.toContain(
      `含 ${total} 人的完整证件号码`,
    );
    await chromium.shot('02-confirm-full-ids');
    expect(exports()).toEqual([]); // refused: nothing written, nothing logged

    const [masked] = await Promise.all([
      page.waitForEvent('download'),
      testId('export-confirm-masked').click(),
    ]);
    expect(masked.suggestedFilename()).toMatch(/^户花名册-脱敏-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await masked.path();
    const sheet = XLSX.read(fs.readFileSync(file)).Sheets['户花名册'] ?? {};
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    expect(rows[0]?.[0]).toBe('保康县户花名册');
    const idCol = (rows[2] ?? []).indexOf('户主证件号码');
    expect(String(rows[3]?.[idCol])).toMatch(/\*{8}/);
    expect(rows.length - 3).toBe(Number(total));

    const [full] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await testId('household-export').click();
        await testId('household-export-households').click();
        await testId('export-confirm-full').click();
      })(),
    ]);
    expect(full.suggestedFilename()).toMatch(/^户花名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(exports().map((e) => e.label)).toEqual(['户花名册', '户花名册']);
    const last = JSON.parse(exports().at(-1)?.changes ?? '[]') as Array<{ field: string; after: unknown }>;
    expect(last.find((c) => c.field === 'masked')?.after).toBe(0);
  });

  it('脱敏导出 of 人员花名册 is one menu click, with no confirmation', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await testId('household-export-masked').click();
        await testId('household-export-masked-persons').click();
      })(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^人员花名册-脱敏-/);
    expect(await testId('export-confirm-message').isVisible()).toBe(false);
  });

  it('查人 exports the persons found, masked in one click', async () => {
    await testId('header-person-search').fill('李');
    await page.keyboard.press('Enter');
    await testId('person-search-total').waitFor();
    await chromium.shot('03-person-search-export');
    const found = await hostCall(host, 'persons.search', {
      q: '李',
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 1,
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      testId('person-export-masked').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^人员花名册-脱敏-/);
    const rows = XLSX.utils.sheet_to_json<string[]>(
      XLSX.read(fs.readFileSync(await download.path())).Sheets['人员花名册'] ?? {},
      { header: 1 },
    );
    expect(rows.length - 3).toBe(found.total);
  });
});
