// 查看明细 in browser mode (Chromium, 1366×768, CPU throttled) on a small sample county with its ledgers
// filled: in 贫困劳动力外出务工情况统计表 a village's 计划外出 县内 户数 opens a drawer titled with that column,
// village and number, listing exactly that many households; Enter on a row opens the household, 返回 comes
// back to the report with the drawer open where it was, Esc closes it and the keyboard is back on the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();
const MEASURE = 'planned_in_county_households';

describe.skipIf(skip !== null)('报表 查看明细 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('report-drill');
  let host: BrowserHost;
  let page: Page;
  let village: ResponseOf<'reports.run'>['rows'][number];
  const testId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 600, seed: 5, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    const report = await hostCall(host, 'reports.run', { id: 'migrant_work', regionCode: null, year: null, asOf: null });
    // A village with a few such households: all of them fit in the drawer without scrolling.
    const found = report.rows.find((r) => r.kind === 'unit' && (r.values[MEASURE] ?? 0) >= 2 && (r.values[MEASURE] ?? 0) <= 8);
    if (found === undefined) throw new Error('the sample has no village with 2–8 县内 households');
    village = found;
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('opens 报表', async () => {
    await page.goto(host.url);
    await testId('nav-reports').click();
    await testId('report-table').waitFor();
  });

  it('switches to 贫困劳动力外出务工情况统计表', async () => {
    await testId('report-select').click();
    await page.locator('.ant-select-item-option', { hasText: '贫困劳动力外出务工情况统计表' }).click();
    const cell = page.locator(`[data-drill="${village.regionCode}:${MEASURE}"]`);
    await cell.scrollIntoViewIfNeeded();
    await chromium.shot('01-report');
  });

  it('opens the households behind a village’s 县内 户数 and lists exactly that many', async () => {
    const cell = page.locator(`[data-drill="${village.regionCode}:${MEASURE}"]`);
    const n = village.values[MEASURE] ?? 0;
    await expect(cell.innerText()).resolves.toBe(String(n));
    await cell.click();
    await expect.poll(() => testId('drill-title').innerText()).toBe(`计划外出务工 · 县内 · 户数 — ${village.label}：${n} 户`);
    await expect.poll(() => testId('drill-list').getAttribute('data-total')).toBe(String(n));
    await expect.poll(() => testId('drill-row').count()).toBe(n);
    await expect(testId('drill-summary').innerText()).resolves.toContain(`共 ${n} 户`);
    await chromium.shot('02-drill');
  });

  it('opens a household with Enter and comes back to the drawer with 返回; Esc closes it', async () => {
    const first = testId('drill-row').first();
    const householdNo = (await first.locator('.mono').first().innerText()).trim();
    await testId('drill-list').focus();
    await page.keyboard.press('Enter');
    await testId('page-household').waitFor();
    await expect.poll(() => page.getByTestId('route-current').innerText()).toContain(`户 ${householdNo}`);
    await testId('route-back').click();
    await expect.poll(() => testId('drill-title').innerText()).toContain(village.label);
    await expect.poll(() => testId('drill-row').count()).toBe(village.values[MEASURE]);
    await testId('drill-list').focus();
    await page.keyboard.press('Escape');
    await testId('drill-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-drill') ?? null")).toBe(`${village.regionCode}:${MEASURE}`);
  });

  it('opens a number with Enter from the keyboard; zeros are plain text', async () => {
    await page.locator(`[data-drill="${village.regionCode}:${MEASURE}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => testId('drill-title').innerText()).toContain('县内 · 户数');
    await page.keyboard.press('Escape');
    await testId('drill-drawer').waitFor({ state: 'hidden' });
    const zeros = await page.locator('td.report-num').evaluateAll((tds) => tds.filter((td) => td.textContent === '0').map((td) => td.querySelector('button') !== null));
    expect(zeros.length).toBeGreaterThan(0);
    expect(zeros.every((hasButton) => !hasButton)).toBe(true);
  });

  it('opens a township’s 计划县内 of the 外出务工 汇总 as that ledger’s records, filtered', async () => {
    const summary = await hostCall(host, 'ledgers.summary', { ledgerId: 'migrant_work', regionCode: null, year: null });
    const township = summary.rows.find((r) => (r.values.planned_in_county ?? 0) > 0);
    if (township === undefined) throw new Error('no township plans 县内');
    await testId('nav-special').click();
    await testId('ledger-card-migrant_work').click();
    await testId('ledger-tab-summary').click();
    const row = page.locator(`[data-testid="summary-row"][data-region="${township.regionCode}"]`);
    const index = summary.measures.findIndex((m) => m.key === 'planned_in_county');
    await row.locator('td').nth(index + 1).locator('button').click();
    await expect.poll(() => testId('ledger-total').getAttribute('data-value')).toBe(String(township.values.planned_in_county));
    await expect(testId('ledger-region').innerText()).resolves.toContain(township.name);
    await expect(testId('ledger-filters-clear').innerText()).resolves.toContain('（3）');
    await chromium.shot('03-ledger-summary-records');
  });
}); // prettier-ignore
