// The Chinese shell in browser mode on a temporary ledger: first run → 载入示例数据 → tree and counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { artifactPath, chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('shell in browser mode (Chromium)', () => {
  const chromium = chromiumPage('shell', { viewport: { width: 1366, height: 800 } });
  let host: BrowserHost;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('offers the first-run choice in Chinese', async () => {
    await page.goto(host.url);
    await page.getByTestId('first-run-demo').waitFor();
    await expect(page.getByText('创建新台账').first().isVisible()).resolves.toBe(true);
    expect(page.url()).not.toContain('token='); // the token leaves the address bar
    await page.screenshot({ path: artifactPath('01-first-run.png'), fullPage: true });
  });

  it('loads the sample county and shows its tree and real counts', async () => {
    await page.getByTestId('first-run-demo').click();
    const tree = page.getByTestId('region-tree');
    await tree.waitFor({ timeout: 60_000 });
    // A new ledger asks once for the operator's name (written into every change).
    const operator = page.getByTestId('operator-name-input');
    await operator.fill('测试员');
    await page.keyboard.press('Enter');
    await operator.waitFor({ state: 'detached' });
    await expect(tree.getByText('保康县').first().isVisible()).resolves.toBe(true);
    await expect(tree.getByText('城关镇').first().isVisible()).resolves.toBe(true);

    const stats = hostCall(host, 'stats.summary', { regionCode: null });
    const summary = await stats;
    expect(summary.households).toBe(2000);
    const households = page.getByTestId('home-register-households');
    await expect
      .poll(async () => (await households.innerText()).replace(/[,\s]/g, ''))
      .toContain(String(summary.households));
    const persons = page.getByTestId('home-register-persons');
    await expect
      .poll(async () => (await persons.innerText()).replace(/[,\s]/g, ''))
      .toContain(String(summary.persons));
    await expect(page.getByText('示例数据').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: artifactPath('02-sample-county-home.png'), fullPage: true });
  });

  it('shows a township’s own counts when it is selected in the tree', async () => {
    await page.getByTestId('region-tree').getByText('城关镇').first().click();
    const townCode = '420626100000';
    const summary = await hostCall(host, 'stats.summary', { regionCode: townCode });
    const households = page.getByTestId('home-register-households');
    await expect
      .poll(async () => (await households.innerText()).replace(/[,\s]/g, ''))
      .toContain(String(summary.households));
    await page.screenshot({ path: artifactPath('03-township-home.png'), fullPage: true });
  });

  it('stays usable after the clerk presses F5 (token kept for this tab only)', async () => {
    await page.reload();
    await page.getByTestId('region-tree').waitFor();
    await expect(page.getByTestId('header-county').innerText()).resolves.toContain('保康县');
    expect(page.url()).not.toContain('token=');
  });
});
