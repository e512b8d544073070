// 首页 in browser mode (Chromium, 1366 × 768, CPU throttled) on the sample county: every card shows the
// numbers of the report it names (compared with reports.run through the core), with its chart drawn and no
// sideways scrolling; a number leads to the records behind it (未脱贫户 → the household list with that
// filter, the same count; 开工率 → the 报表 screen at 扶贫项目与资金进度表 with the same 合计); a township
// shows its own numbers; 数据质量 shows the last check's findings per 100 households by 乡镇; an empty
// ledger's 首页 offers 导入 and 新增户.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { cellsValue, HOME_CARDS } from '../../shared/home/cards.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { artifactPath, chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();
const CARD_IDS = [...HOME_CARDS.map((c) => c.id), 'quality'];

async function waitForCards(page: Page) {
  for (const id of CARD_IDS) await page.locator(`[data-testid="home-card-${id}"][data-loaded="true"]`).waitFor({ timeout: 60_000 });
} // prettier-ignore

describe.skipIf(skip !== null)('首页 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('home');
  let host: BrowserHost;
  let page: Page;
  const cspErrors: string[] = [];
  const testId = (id: string) => page.getByTestId(id);
  const report = (id: string, regionCode: string | null) => hostCall(host, 'reports.run', { id, regionCode, year: null, asOf: null });

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 2000, seed: 1, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    // The 数据质量 card shows the last check: run one over the county, as the 数据质量 page does.
    const { jobId } = await hostCall(host, 'quality.start', { regionCode: null });
    let check = await hostCall(host, 'quality.job', { jobId });
    for (; check.state === 'running'; check = await hostCall(host, 'quality.job', { jobId })) await new Promise((r) => setTimeout(r, 100));
    expect(check.state).toBe('done');
    page = await chromium.open();
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text()); });
  }, 120_000); // prettier-ignore
  afterAll(async () => {
    await host?.close();
  });

  it('shows every card of the sample county with the numbers of its report, charts drawn, nothing wider than the screen', async () => {
    await page.goto(host.url);
    await waitForCards(page);
    for (const card of HOME_CARDS) {
      const total = (await report(card.report, null)).rows[0]?.values ?? {};
      for (const f of card.figures) {
        const shown = await testId(`home-${card.id}-${f.key}`).getAttribute('data-value');
        const expected = cellsValue(f.cells, total);
        expect([card.id, f.key, shown]).toEqual([card.id, f.key, expected === null ? '' : String(expected)]);
      }
      // The chart is drawn on a canvas of the card's width (数据质量's below).
      const canvas = testId(`home-${card.id}-chart`).locator('canvas');
      const box = await canvas.boundingBox();
      expect([card.id, (box?.width ?? 0) > 200, (box?.height ?? 0) > 150]).toEqual([card.id, true, true]);
    }
    const quality = await hostCall(host, 'home.quality', { regionCode: null });
    await expect(testId('home-quality-per100').getAttribute('data-value')).resolves.toBe(String(quality.total.per100));
    await expect(testId('home-quality-findings').getAttribute('data-value')).resolves.toBe(String(quality.total.findings));
    // The 低保 card says how 享受低保人数 and 低保贫困户 relate.
    await expect(testId('home-dibao-note').innerText()).resolves.toMatch(/口径|一致/);
    const qualityBox = await testId('home-quality-chart').locator('canvas').boundingBox();
    expect((qualityBox?.width ?? 0) > 200).toBe(true);
    // Nothing scrolls sideways: not the window, not the page's scrolling area, not a card.
    const wider = `[document.documentElement, document.querySelector('.ledger-page'), ...document.querySelectorAll('.home-card')].filter((e) => e && e.scrollWidth > e.clientWidth + 1).length`;
    await expect(page.evaluate(wider)).resolves.toBe(0);
    expect(cspErrors).toEqual([]);
    await chromium.shot('01-county');
    // The whole page at once, for looking at (the content scrolls inside the window).
    await page.setViewportSize({ width: 1366, height: 2400 });
    await page.screenshot({ path: artifactPath('home-01-county-whole.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('a township shows its own numbers', async () => {
    await testId('region-tree').getByText('城关镇').first().click();
    const code = '420626100000';
    await expect.poll(() => testId('home-region-name').innerText()).toBe('城关镇');
    await waitForCards(page);
    const total = (await report('register_basics', code)).rows[0]?.values ?? {};
    await expect.poll(() => testId('home-register-households').getAttribute('data-value')).toBe(String(total.households));
    await chromium.shot('02-township');
    await testId('region-tree').getByText('保康县').first().click();
    await expect.poll(() => testId('home-region-name').innerText()).toBe('保康县');
    await waitForCards(page);
  });

  it('未脱贫户 leads to the household list filtered to them: the same count', async () => {
    const figure = Number(await testId('home-register-not_out').getAttribute('data-value'));
    expect(figure).toBeGreaterThan(0);
    await testId('home-register-not_out').click();
    await testId('page-households').waitFor();
    await expect.poll(() => testId('household-total').getAttribute('data-value')).toBe(String(figure));
    await chromium.shot('03-not-out-households');
  });

  it('开工率 leads to the 报表 screen at 扶贫项目与资金进度表 with the same 合计', async () => {
    await testId('nav-home').click();
    await waitForCards(page);
    const figure = await testId('home-projects-started_rate').getAttribute('data-value');
    await testId('home-projects-started_rate').click();
    await testId('report-table').waitFor();
    await expect(testId('report-select').innerText()).resolves.toContain('扶贫项目与资金进度表');
    const expected = await report('poverty_projects', null);
    const column = expected.columns.findIndex((c) => c.key === 'started_rate');
    const cell = page.locator('tr[data-kind="total"] td').nth(2 + column);
    await expect.poll(() => cell.innerText()).toBe(`${Number(figure).toFixed(1)}%`);
    await chromium.shot('04-projects-report');
  });
}); // prettier-ignore

describe.skipIf(skip !== null)('首页 of an empty ledger (Chromium)', () => {
  const chromium = chromiumPage('home-empty');
  let host: BrowserHost;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.create', { countyCode: '420626' });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('offers 导入 and 新增户, and each opens its page', async () => {
    await page.goto(host.url);
    await page.getByTestId('home-empty').waitFor();
    await expect(page.getByTestId('home-card-register').count()).resolves.toBe(0);
    await chromium.shot('01-empty');
    await page.getByTestId('home-empty-import').click();
    await page.getByTestId('page-import').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-empty-new').click();
    await page.getByTestId('new-household-save').waitFor();
  });
}); // prettier-ignore
