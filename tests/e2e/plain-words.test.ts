// 顺手 (issue 14), in browser mode on a sample ledger with 专项台账 records: every page read as the clerk
// sees it has no developer words (tests/e2e/screen-words.ts: Latin letters and digits that are not data,
// versions or units fail); villages show by their short names; 关于 holds the version, the ledger file and
// how the program runs; a cancelled household shows its members as 随户注销, not "家庭成员（0 人）".
// Screenshots at 1366×768 and at 125 % (Windows' scaling on that screen: a 1093×614 page at 1.25×).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { allReports } from '../../shared/reports/index.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { artifactPath, chromiumPage, e2eSkipReason, launchChromium, RENDERER_DIR } from './chromium.ts';
import { strayWordsOn } from './screen-words.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('plain words on every page (Chromium)', () => {
  // Reading ~60 pages is not about speed: unthrottled, so the file stays quick on a shared machine.
  const chromium = chromiumPage('plain-words', { cpuThrottle: 1 });
  let host: BrowserHost;
  let page: Page;
  /** A household of two or more, cancelled in the last test. */
  let household: { id: number; no: string; head: string; members: number; village: string };

  const testId = (id: string) => page.getByTestId(id);

  /** Waits until nothing on the page is loading (antd spinners gone). */
  async function settled(): Promise<void> {
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  }

  const found: string[] = [];
  async function read(where: string): Promise<void> {
    await settled();
    found.push(...(await strayWordsOn(page, where)));
  }

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 300, seed: 5, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    const list = await hostCall(host, 'households.list', {
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 50,
    });
    const row = list.rows.find((r) => r.memberCount >= 2);
    if (row === undefined) throw new Error('示例数据中找不到两人以上的户');
    household = {
      id: row.id,
      no: row.householdNo,
      head: row.headName ?? '',
      members: row.memberCount,
      village: row.villageName,
    };
    page = await chromium.open();
    page.setDefaultTimeout(30_000); // unthrottled, but the machine may be busy: waiting longer is never a pass
    await page.goto(host.url);
    await testId('region-tree').waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await host?.close();
  });

  it('shows villages by their short names in the tree, the lists and the household page', async () => {
    expect(household.village).not.toMatch(/委员?会$/); // households.list sends the short name
    const tree = testId('region-tree');
    await expect(tree.innerText()).resolves.not.toMatch(/村委会|居委会|委员会/);
    await expect(tree.innerText()).resolves.toContain(household.village);
    await testId('nav-households').click();
    await testId('household-row').first().waitFor();
    await expect(testId('household-list').innerText()).resolves.not.toMatch(/村委会|村民委员会|社区居委会/);
  });

  it('has no developer words on any page', async () => {
    const nav = async (key: string, ready: string) => {
      await testId(`nav-${key}`).click();
      await testId(ready).waitFor();
    };
    await nav('home', 'page-home');
    await read('首页');
    await nav('households', 'page-households');
    await testId('household-row').first().waitFor();
    await read('户籍台账');

    await testId('household-search').fill(household.no);
    await testId('household-row').first().waitFor();
    await testId('household-row').first().dblclick();
    await testId('page-household').waitFor();
    await read('户');
    await testId('member-name').first().click();
    await testId('page-person').waitFor();
    await read('人员');

    await testId('header-person-search').fill(household.head);
    await page.keyboard.press('Enter');
    await testId('page-person-search').waitFor();
    await read('查人');

    await nav('households', 'page-households');
    await testId('household-new').click();
    await testId('new-household-no').waitFor();
    await read('新增户');
    await testId('new-household-cancel').click();

    await nav('special', 'page-ledgers');
    await read('专项台账');
    for (const def of allLedgers()) {
      if (def.parent !== undefined) continue; // opened from its parent's records
      await nav('special', 'page-ledgers');
      await testId(`ledger-card-${def.id}`).click();
      await testId('page-ledger').waitFor();
      await read(`专项台账 ${def.name}`);
      await testId('ledger-tab-summary').click();
      await read(`专项台账 ${def.name} 汇总`);
    }

    await nav('import', 'page-import');
    await read('导入');

    await nav('reports', 'report-page');
    // Report by report from the keyboard (↓ then Enter picks the next): the virtual option list moves
    // under a pointer while it scrolls.
    const seen = new Set<string>();
    const shown = () =>
      page
        .locator('.report-toolbar .ant-select-content, .report-toolbar .ant-select-selection-item')
        .first()
        .innerText();
    for (let i = 0; i < allReports().length; i += 1) {
      await testId('report-table').waitFor();
      const title = await shown();
      await expect.poll(() => testId('report-sheet').innerText()).toContain(title);
      seen.add(title);
      await read(`报表 ${title}`);
      if (i === allReports().length - 1) break;
      await testId('report-select').click();
      const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
      await expect.poll(() => active.innerText()).toBe(title); // the list is open at the report shown
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => active.innerText()).not.toBe(title);
      await page.keyboard.press('Enter');
      await expect.poll(shown).not.toBe(title);
    }
    expect([...seen].sort()).toEqual(
      allReports()
        .map((r) => r.title)
        .sort(),
    );

    await nav('print', 'page-print');
    await read('打印');
    await testId('nav-quality').click();
    await settled();
    await read('数据质量');
    await nav('settings', 'page-settings');
    await read('设置');

    await testId('header-about').click();
    await testId('about-dialog').waitFor();
    await read('关于');
    await page.keyboard.press('Escape');
    await testId('about-dialog').waitFor({ state: 'detached' });

    // The whole list beside the screenshots: the assertion's message shows only its start.
    fs.writeFileSync(artifactPath('plain-words-found.txt'), found.join('\n'));
    expect(found).toEqual([]);
  }, 600_000);

  it('keeps the version out of the header and shows it, the ledger file and the host in 关于', async () => {
    const header = await testId('app-header').innerText();
    expect(header).not.toMatch(/浏览器模式|版本|\d+\.\d+\.\d+/);
    await testId('header-about').click();
    const dialog = testId('about-dialog');
    await dialog.waitFor();
    const info = await hostCall(host, 'app.info', {});
    await expect(testId('about-version').innerText()).resolves.toBe(info.version);
    await expect(testId('about-ledger-path').innerText()).resolves.toBe(info.ledgerPath);
    await expect(testId('about-host').innerText()).resolves.toContain('浏览器模式');
    await expect(dialog.innerText()).resolves.toContain('县域统筹台账');
    // The format as the migration's number ('2026_12_06_0011_…' → 第 11 版), not its date
    await expect(dialog.innerText()).resolves.toContain(`第 ${Number(info.schemaVersion.split('_')[3])} 版`);
    await chromium.shot('01-about-1366');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows a cancelled household’s members as 随户注销, beside the count they had', async () => {
    await testId('nav-households').click();
    await testId('household-search').fill(household.no);
    await testId('household-row').first().waitFor();
    await testId('household-row').first().dblclick();
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(household.id));
    await expect(testId('household-members-title').innerText()).resolves.toBe(
      `家庭成员（${household.members} 人）`,
    );
    await testId('household-cancel').click();
    await testId('cancel-reason').click();
    await page.keyboard.type('迁出');
    await page.keyboard.press('Enter');
    await testId('cancel-confirm').click();
    await testId('household-cancelled').waitFor();
    await expect
      .poll(() => testId('household-members-title').innerText())
      .toBe(`家庭成员（${household.members} 人，已随户注销）`);
    await expect(testId('household-member-count').innerText()).resolves.toBe(
      `${household.members} 人（注销时的人数）`,
    );
    const tags = await testId('member-cancelled').allInnerTexts();
    expect(tags).toHaveLength(household.members);
    expect(tags.every((t) => t.startsWith('随户注销'))).toBe(true);
    await expect(testId('page-household').innerText()).resolves.not.toContain('（0 人）');
    await chromium.shot('02-cancelled-household-1366');
  });

  it('looks right at 125 % scaling on a 1366×768 screen', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const scaled = await browser.newPage({
        viewport: { width: 1093, height: 614 },
        deviceScaleFactor: 1.25,
        locale: 'zh-CN',
      });
      await scaled.goto(host.url);
      await scaled.getByTestId('region-tree').waitFor({ timeout: 60_000 });
      await scaled.screenshot({ path: artifactPath('plain-words-03-home-125.png') });
      await scaled.getByTestId('header-about').click();
      await scaled.getByTestId('about-dialog').waitFor();
      await scaled.screenshot({ path: artifactPath('plain-words-04-about-125.png') });
      await scaled.keyboard.press('Escape');
      await scaled.getByTestId('nav-households').click();
      await scaled.getByTestId('household-status-filter').click();
      await scaled.locator('.ant-select-item-option', { hasText: '已注销' }).first().click();
      await scaled.getByTestId('household-search').fill(household.no);
      await scaled.getByTestId('household-row').first().dblclick();
      await scaled.getByTestId('household-cancelled').waitFor();
      await scaled.screenshot({ path: artifactPath('plain-words-05-cancelled-household-125.png') });
    } finally {
      await browser?.close();
    }
  });
});
