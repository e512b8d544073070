// 打印 in browser mode (Chromium): from the household list of the fixture village, 打印 → 村级花名册 opens the
// preview with the form in a frame and the page count of the PDF the core laid out; the 打印 page lists
// the forms; a report prints from the report page; 另存为 PDF downloads the file.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { openPrintFixture, pdfPages, printSkip, type PrintFixture } from '../helpers/print.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';
import { shortRegionName } from '../../shared/region-name.ts';

const skip = e2eSkipReason() !== null || printSkip();

describe.skipIf(skip)('打印 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('print', { viewport: { width: 1600, height: 1000 } });
  let host: BrowserHost;
  let page: Page;
  let f: PrintFixture;
  const testId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    f = await openPrintFixture();
    await f.client.close();
    host = await startBrowserHost({ ledgerPath: f.ledgerPath, rendererDir: RENDERER_DIR });
    page = await chromium.open();
  }, 120_000);
  afterAll(async () => {
    await host?.close();
  });

  it('previews the village roster with its page count', async () => {
    await page.goto(host.url);
    await testId('nav-households').click();
    await testId('region-search').click();
    await page.keyboard.type(shortRegionName(f.village.name));
    await testId('region-tree').getByText(shortRegionName(f.village.name)).first().click();
    await expect.poll(() => testId('household-total').innerText(), { timeout: 30_000 }).toContain('48');
    await testId('household-print').hover();
    await testId('household-print-roster').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 60_000 }).toContain(`${f.village.name}建档立卡户花名册`);
    await expect.poll(() => testId('print-pages').innerText(), { timeout: 90_000 }).toMatch(/共 \d+ 页/);
    const expected = await hostCall(host, 'print.pdf', { form: 'roster', regionCode: f.village.code, householdNo: null, householdId: null, year: null, options: {}, printer: null });
    await expect(testId('print-pages').innerText()).resolves.toBe(`共 ${expected.pages} 页`);
    await chromium.shot('01-roster-preview');
    const download = page.waitForEvent('download');
    await testId('print-save-pdf').click();
    const file = await (await download).path();
    expect(pdfPages(file)).toBe(expected.pages);
    await page.keyboard.press('Escape');
  }, 180_000);

  it('lists the forms on the 打印 page and previews a notice with its 公示期 options', async () => {
    await testId('nav-print').click();
    await testId('print-form-notice').waitFor();
    await chromium.shot('02-print-page');
    await testId('print-open-notice').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('.notice-foot').innerText(), { timeout: 60_000 }).toContain('公示期');
    await testId('print-option-days').fill('7');
    await expect.poll(() => frame.locator('.notice-foot').innerText(), { timeout: 60_000 }).toContain('（7 天）');
    await chromium.shot('03-notice-preview');
    await page.keyboard.press('Escape');
  }, 180_000);

  it('prints the report shown on the report page', async () => {
    await testId('nav-reports').click();
    await testId('report-table').waitFor({ timeout: 30_000 });
    await testId('report-print').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 60_000 }).toContain('建档立卡贫困人口基本情况汇总表');
    await expect.poll(() => testId('print-pages').innerText(), { timeout: 90_000 }).toMatch(/共 \d+ 页/);
    await chromium.shot('04-report-preview');
    expect(fs.existsSync(RENDERER_DIR)).toBe(true);
  }, 180_000);

  it('prints a 专项台账 list as on screen, for the village chosen in the tree', async () => {
    await page.keyboard.press('Escape'); // the report's preview
    await testId('nav-special').click();
    await testId('ledger-card-migrant_work').click();
    await expect.poll(async () => Number(await testId('ledger-total').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
    const shown = Number(await testId('ledger-total').getAttribute('data-value'));
    await testId('ledger-print').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 60_000 }).toContain('外出务工');
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 60_000 }).toContain(`共 ${shown} 条`);
    await expect.poll(() => testId('print-pages').innerText(), { timeout: 90_000 }).toMatch(/共 \d+ 页/);
    await chromium.shot('05-ledger-list-preview');
    await page.keyboard.press('Escape');
  }, 180_000);
}); // prettier-ignore
