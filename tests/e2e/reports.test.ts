// 报表 in browser mode (Chromium) on a temporary sample ledger: the page opens on the first report of the
// catalog with its merged header, 合计 first and every 乡镇 小计; its numbers are those of reports.run;
// choosing a 乡镇 in the tree lists its villages; another report is chosen from the list.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('报表 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('reports', { viewport: { width: 1600, height: 900 } });
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 600, seed: 5 });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('shows the 基本情况 report with merged headers, 合计 and 小计 rows, the numbers of reports.run', async () => {
    await page.goto(host.url);
    await testId('nav-reports').click();
    await testId('report-table').waitFor({ timeout: 30_000 });
    const expected = await hostCall(host, 'reports.run', { id: 'register_basics', regionCode: null, year: null, asOf: null });
    const total = page.locator('tr[data-kind="total"]');
    await expect(total.locator('td').nth(1).innerText()).resolves.toBe('合计');
    await expect(total.locator('td').nth(2).innerText()).resolves.toBe(String(expected.rows[0]?.values.households));
    await expect(page.locator('tr[data-kind="subtotal"]').count()).resolves.toBe(expected.rows.filter((r) => r.kind === 'subtotal').length);
    await expect(page.locator('tr[data-kind="unit"]').count()).resolves.toBe(expected.rows.filter((r) => r.kind === 'unit').length);
    await expect(page.locator('.report-table thead th', { hasText: '贫困户属性' }).getAttribute('colspan')).resolves.toBe(String(expected.header[0]?.find((c) => c.label === '贫困户属性')?.colSpan));
    await chromium.shot('01-register-basics');
  });

  it('switches to the 外出务工 report and shows its note under the table', async () => {
    await testId('report-select').click();
    await page.locator('.ant-select-item-option', { hasText: '贫困劳动力外出务工情况统计表' }).click();
    await expect.poll(() => testId('report-sheet').innerText()).toContain('户数不能跨列相加');
    await expect(page.locator('.report-table thead th', { hasText: '计划外出务工' }).getAttribute('colspan')).resolves.toBe('10');
    await chromium.shot('02-migrant-work');
  });

  it('exports the report shown as the county’s workbook, the same numbers, written to the audit log', async () => {
    const expected = await hostCall(host, 'reports.run', { id: 'migrant_work', regionCode: null, year: null, asOf: null });
    const [download] = await Promise.all([page.waitForEvent('download'), testId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^保康县(\d{4}年)?贫困劳动力外出务工情况统计表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(fs.readFileSync(await download.path()));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] as string] ?? {}, { header: 1 });
    const total = rows.find((r) => r[1] === '合计') ?? [];
    expect(total.slice(2)).toEqual(expected.columns.map((c) => expected.rows[0]?.values[c.key]));
    const audit = readLedger(host, (db) => db.prepare(`SELECT label FROM audit_log WHERE action = 'export' ORDER BY id DESC`).pluck().get());
    expect(audit).toMatch(/贫困劳动力外出务工情况统计表$/);
  });
}); // prettier-ignore
