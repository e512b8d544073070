// Where the clerk is, kept and shown (browser mode, Chromium, 1366×768): F5 reopens the page and the
// household that was open; back/forward move between pages; 本乡镇 (设置) opens the tree and the lists
// there; a search or a group chosen on one page does not silently carry to another; Enter in a region
// picker picks the one match. Screenshots also at 125 % scaling (1093×614 CSS pixels at 1.25).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { artifactPath, chromiumPage, e2eSkipReason, launchChromium, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

const HOME_TOWNSHIP = '歇马镇'; // far down the tree: without 本乡镇 the clerk scrolls to it every day
const PICK_VILLAGE = '馆驿'; // only 城关镇 馆驿村委会 has it in its name
const OTHER_VILLAGE = '东坡村委会';

describe.skipIf(skip !== null)('navigation and scope in browser mode (Chromium)', () => {
  const chromium = chromiumPage('nav');
  let host: BrowserHost;
  let page: Page;
  let scaled: Browser | undefined;
  const codes = new Map<string, string>();
  const testId = (id: string) => page.getByTestId(id);
  /** Saved for the lead under test-artifacts/ and copied to the notes when that folder exists. */
  const shot = async (name: string, p: Page = page) => {
    const file = artifactPath(`nav-${name}.png`);
    await p.screenshot({ path: file });
    const notes = process.env.SHOTS_DIR;
    if (notes !== undefined && fs.existsSync(notes))
      fs.copyFileSync(file, path.join(notes, `nav-${name}.png`));
  };
  const hash = () => new URL(page.url()).hash;
  const selectedTreeNode = () =>
    page.locator('[data-testid="region-tree"] .ant-tree-node-selected').innerText();

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 600, seed: 5 });
    await hostCall(host, 'settings.setOperator', { name: '导航测试' });
    for (const n of await hostCall(host, 'regions.tree', {})) codes.set(n.name, n.code);
    page = await chromium.open();
  });
  afterAll(async () => {
    await scaled?.close();
    await host?.close();
  });

  const householdTotal = async (regionCode: string | null, search?: string) =>
    (
      await hostCall(host, 'households.list', {
        regionCode,
        status: 'active',
        offset: 0,
        limit: 1,
        ...(search === undefined ? {} : { search }),
      })
    ).total;

  it('keeps the open household through F5, and back/forward move between pages', async () => {
    await page.goto(host.url);
    await testId('nav-households').click();
    await testId('household-row').first().waitFor();
    expect(hash()).toBe('#/households');
    await testId('household-row').first().dblclick();
    const household = testId('page-household');
    await household.waitFor();
    const id = await household.getAttribute('data-household-id');
    expect(hash()).toBe(`#/household/${id}`);
    const title = await testId('route-current').innerText();

    await page.reload();
    await household.waitFor();
    await expect(household.getAttribute('data-household-id')).resolves.toBe(id);
    // The breadcrumbs survive too: 返回 still leads to the list.
    await expect(testId('route-current').innerText()).resolves.toBe(title);
    await shot('01-household-after-f5');

    await page.goBack();
    await testId('page-households').waitFor();
    expect(hash()).toBe('#/households');
    await page.goForward();
    await household.waitFor();
    await expect(household.getAttribute('data-household-id')).resolves.toBe(id);

    // The in-app 返回 is the browser's back: forward comes back to the household.
    await testId('route-back').click();
    await testId('page-households').waitFor();
    await page.goForward();
    await household.waitFor();

    // A main-menu area is a history entry of its own.
    await testId('nav-reports').click();
    await testId('report-page').waitFor();
    expect(hash()).toBe('#/reports');
    await page.goBack();
    await household.waitFor();
  });

  it('opens an address typed or bookmarked (a ledger) with its area beneath it', async () => {
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/#/ledger/migrant_work`);
    await testId('page-ledger').waitFor();
    await expect(testId('ledger-title').innerText()).resolves.toContain('外出务工');
    await expect(testId('route-crumb-0').innerText()).resolves.toBe('专项台账');
    await testId('route-crumb-0').click();
    await testId('page-ledgers').waitFor();
    expect(hash()).toBe('#/special');
  });

  it('does not carry a search into another village (a stale "192837" gave 共 0 户)', async () => {
    await testId('nav-households').click();
    await testId('region-tree').getByText('东坡村', { exact: true }).first().click();
    await testId('household-search').fill('192837');
    await expect
      .poll(() => testId('household-total').getAttribute('data-value'))
      .toBe(String(await householdTotal(codes.get(OTHER_VILLAGE) ?? '', '192837')));
    await testId('region-tree').getByText('馆驿村', { exact: true }).first().click();
    await expect.poll(() => testId('household-search').inputValue()).toBe('');
    const total = await householdTotal(codes.get('馆驿村委会') ?? '');
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => testId('household-total').getAttribute('data-value')).toBe(String(total));
    await expect(testId('household-list-region').innerText()).resolves.toBe('城关镇 馆驿村');
    // The region is part of the address: F5 keeps the village.
    expect(hash()).toBe(`#/households?r=${codes.get('馆驿村委会')}`);
    await page.reload();
    await expect.poll(() => testId('household-list-region').innerText()).toBe('城关镇 馆驿村');
    await shot('02-village-list-search-cleared');

    // The main menu starts the list afresh: a search typed on an earlier visit is gone.
    await testId('household-search').fill('张');
    await testId('nav-home').click();
    await testId('page-home').waitFor();
    await testId('nav-households').click();
    await expect.poll(() => testId('household-search').inputValue()).toBe('');
  });

  it('names a group with its village (never "十组 组"), and 清除 goes back', async () => {
    const tree = testId('region-tree');
    await tree.getByText('东坡村', { exact: true }).first().click();
    await testId('region-actions').click();
    await page.getByTestId('region-add-group').click();
    const input = testId('region-name-input');
    await input.fill('十组');
    await input.press('Enter');
    await input.waitFor({ state: 'detached' });
    await expect.poll(selectedTreeNode).toBe('十组');

    await testId('nav-special').click();
    await expect(testId('ledgers-region').innerText()).resolves.toBe('城关镇 东坡村 十组');
    await page.getByText('外出务工').first().click();
    await testId('page-ledger').waitFor();
    await expect(testId('ledger-region').innerText()).resolves.toBe('城关镇 东坡村 十组');
    await testId('ledger-tab-summary').click();
    await expect(testId('ledger-summary').innerText()).resolves.toContain('城关镇 东坡村 十组');
    expect(await page.locator('.ledger-shell').innerText()).not.toMatch(/十组\s*组/);
    await shot('03-ledger-group-full-name');

    await testId('region-scope-clear').click();
    await expect.poll(() => testId('ledger-region').innerText()).toBe('保康县');
    await expect.poll(selectedTreeNode).toBe('保康县');
    await expect(testId('region-scope-clear').count()).resolves.toBe(0);
  });

  it('sets 本乡镇 in 设置 (Enter picks the one match) and the tree, lists and imports open there', async () => {
    await testId('nav-settings').click();
    await testId('settings-home-region-select').click();
    await page.keyboard.type('歇马');
    await page.keyboard.press('Enter');
    await expect.poll(() => testId('settings-home-region-select').innerText()).toContain(HOME_TOWNSHIP);
    await testId('settings-home-region-save').click();
    await testId('settings-home-region-saved').waitFor();
    expect(await hostCall(host, 'settings.get', {})).toMatchObject({
      homeRegionCode: codes.get(HOME_TOWNSHIP),
    });
    await shot('04-settings-home-region');

    // A fresh start (an address without a region, as on the next day): tree and list at 本乡镇.
    await page.evaluate("window.history.replaceState(null, '', '#/households')");
    await page.reload();
    await expect.poll(selectedTreeNode).toBe(HOME_TOWNSHIP);
    await expect.poll(() => testId('household-list-region').innerText()).toBe(HOME_TOWNSHIP);
    const total = await householdTotal(codes.get(HOME_TOWNSHIP) ?? '');
    await expect.poll(() => testId('household-total').getAttribute('data-value')).toBe(String(total));
    const box = await page.locator('[data-testid="region-tree"] .ant-tree-node-selected').boundingBox();
    expect(box).not.toBeNull(); // scrolled into view, not below the fold
    await shot('05-home-township-list');

    // 清除 on another region comes back to 本乡镇, not to the county.
    await testId('region-search').fill('城关镇');
    await testId('region-tree').getByText('城关镇').first().click();
    await testId('region-search').fill('');
    await expect.poll(() => testId('household-list-region').innerText()).toBe('城关镇');
    await testId('region-scope-clear').click();
    await expect.poll(() => testId('household-list-region').innerText()).toBe(HOME_TOWNSHIP);

    // 导入: 所属村/组 starts at 本乡镇; typing a village name + Enter picks the one match.
    await testId('nav-import').click();
    const region = testId('import-chooser-region');
    await expect.poll(() => region.innerText()).toContain(HOME_TOWNSHIP);
    await region.click();
    await page.keyboard.type(PICK_VILLAGE);
    await page.keyboard.press('Enter');
    await expect.poll(() => region.innerText()).toContain('城关镇 馆驿村');
    await expect(page.locator('.ant-select-dropdown:visible').count()).resolves.toBe(0);
    await shot('06-import-picker-enter');
  });

  it('picks the one matching village with Enter in the new-household form too', async () => {
    await testId('nav-households').click();
    await testId('household-new').click();
    const village = testId('new-household-place-village');
    await village.click();
    await page.keyboard.type(PICK_VILLAGE);
    await page.keyboard.press('Enter');
    await expect.poll(() => village.innerText()).toContain('馆驿村');
  });

  it('looks right at 125 % scaling (1366×768 screen)', async () => {
    scaled = await launchChromium();
    const p = await scaled.newPage({
      viewport: { width: 1093, height: 614 },
      deviceScaleFactor: 1.25,
      locale: 'zh-CN',
    });
    const origin = new URL(page.url()).origin;
    // The token lives in the first tab's sessionStorage: this tab gets its own from the host's address.
    await p.goto(host.url);
    await p.getByTestId('region-tree').waitFor();
    await p.goto(`${origin}/#/households?r=${codes.get('馆驿村委会')}`);
    await p.getByTestId('household-row').first().waitFor();
    await expect.poll(() => p.getByTestId('household-list-region').innerText()).toBe('城关镇 馆驿村');
    await shot('07-list-125', p);
    await p.getByTestId('household-row').first().dblclick();
    await p.getByTestId('page-household').waitFor();
    await p.reload();
    await p.getByTestId('page-household').waitFor();
    await shot('08-household-after-f5-125', p);
    await p.goto(`${origin}/#/settings`);
    await p.getByTestId('settings-home-region').waitFor();
    await shot('09-settings-125', p);
  });
});
