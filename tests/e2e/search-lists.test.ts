// No slow corner (issue 14 item 12), in browser mode (Chromium, CPU throttled 4× as every e2e flow):
// 查人 by one surname character shows the total and, scrolled to its end (one scrolling list, no pages),
// the persons the core lists last, and prints them with no 年度 or report options in the dialog; a
// thematic ledger's record list (外出务工, newest first) scrolled to its end shows its oldest records, a
// jump back into the middle shows the records at that place, and sorted by 开始日期 (a declared sort
// column; 务工所在地 has no arrows) it shows the core's order, empty dates last. Screenshots at 1366×768
// and 125 % (1093×614).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('查人 and a ledger list at their far end (Chromium)', () => {
  const chromium = chromiumPage('search-lists');
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 2500, seed: 8, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
    await page.goto(host.url);
    await testId('page-home').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('查人 by one character: the total, and its end shows what the core lists last', async () => {
    const surname = readLedger(host, (db) =>
      db
        .prepare(
          `SELECT substr(name, 1, 1) AS c FROM persons WHERE status = 'active' GROUP BY c ORDER BY COUNT(*) DESC LIMIT 1`,
        )
        .pluck()
        .get(),
    ) as string;
    const all = await hostCall(host, 'persons.search', {
      q: surname,
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 1,
    });
    expect(all.total).toBeGreaterThan(200);
    await testId('header-person-search').fill(surname);
    await page.keyboard.press('Enter');
    await testId('page-person-search').waitFor();
    await expect
      .poll(() => testId('person-search-total').innerText(), { timeout: 30_000 })
      .toBe(`共 ${all.total.toLocaleString('zh-CN')} 人`);
    await chromium.shot('01-person-search-one-char');

    // One scrolling list, as the household list and the ledgers: scrolled to its end it shows the
    // persons the core lists last, with no pages to click.
    expect(await page.locator('.ant-pagination').count()).toBe(0);
    const grid = testId('person-search-results');
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const want = await hostCall(host, 'persons.search', {
      q: surname,
      regionCode: null,
      status: 'active',
      offset: all.total - 20,
      limit: 20,
    });
    const rowAt = (i: number) => page.locator(`[data-testid="person-search-row"][data-index="${i}"]`);
    const namesAt = async (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, async (_, k) =>
          (await rowAt(from + k).count()) > 0
            ? rowAt(from + k)
                .locator('.vt-cell')
                .first()
                .innerText()
            : '',
        ),
      );
    await expect
      .poll(() => namesAt(all.total - 5, 5), { timeout: 30_000 })
      .toEqual(want.rows.slice(-5).map((r) => r.name));
    // The IDs are masked in the list.
    await expect(
      rowAt(all.total - 1)
        .getByTestId('person-search-id-value')
        .innerText(),
    ).resolves.toMatch(/\*{8}/);
    await chromium.shot('02-person-search-last-rows');

    // 打印 gives the same persons as a list, IDs masked; the dialog offers nothing that does not apply
    // to it (no 年度, 报表 or 统计日期).
    await testId('person-print').click();
    const frame = page.frameLocator('[data-testid="print-frame"]');
    await expect
      .poll(() => frame.locator('h1').innerText(), { timeout: 60_000 })
      .toContain(`查人：${surname}`);
    await expect(frame.locator('body').innerText()).resolves.toContain(`共 ${all.total} 人`);
    await expect(frame.locator('body').innerText()).resolves.toContain(want.rows[0]?.idMasked ?? '?');
    for (const option of ['print-year', 'print-option-report', 'print-option-asOf', 'print-option-persons'])
      expect(await testId(option).count(), option).toBe(0);
    await chromium.shot('03-person-search-print');
    await page.keyboard.press('Escape');
  });

  it('外出务工 scrolled to its end shows the oldest records; a jump to the middle shows that place', async () => {
    const records = (offset: number, limit: number) =>
      hostCall(host, 'ledgers.records', {
        ledgerId: 'migrant_work',
        regionCode: null,
        filters: {},
        offset,
        limit,
      });
    const { total } = await records(0, 1);
    expect(total).toBeGreaterThan(1000);
    await testId('nav-special').click();
    await testId('ledger-card-migrant_work').click();
    await testId('page-ledger').waitFor();
    await expect.poll(() => testId('ledger-total').getAttribute('data-value')).toBe(String(total));

    const grid = testId('ledger-list');
    const rowAt = (i: number) => page.locator(`[data-testid="ledger-row"][data-index="${i}"]`);
    const shows = async (i: number) => {
      const [want] = (await records(i, 1)).rows;
      const text = await rowAt(i).innerText({ timeout: 30_000 });
      return text.includes(want?.subject.name ?? '?') && text.includes(want?.subject.householdNo ?? '?');
    };
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => shows(total - 1), { timeout: 30_000 }).toBe(true);
    await expect(shows(total - 2)).resolves.toBe(true);
    await chromium.shot('04-ledger-list-last-page');

    const middle = Math.floor(total / 2);
    await grid.evaluate((el, to) => {
      el.scrollTop = to;
    }, middle * 32);
    await expect.poll(async () => (await rowAt(middle).count()) > 0, { timeout: 30_000 }).toBe(true);
    await expect.poll(() => shows(middle), { timeout: 30_000 }).toBe(true);
    await chromium.shot('05-ledger-list-middle');
  });

  it('外出务工 sorted by 开始日期 shows the core’s order; only the declared columns sort', async () => {
    const sorted = (offset: number, limit: number) =>
      hostCall(host, 'ledgers.records', {
        ledgerId: 'migrant_work',
        regionCode: null,
        filters: {},
        sort: { column: 'start_date', order: 'desc' },
        offset,
        limit,
      });
    // 务工所在地 is free text: no arrows; 开始日期 is declared sortable.
    await expect(testId('vt-head-work_place').getAttribute('class')).resolves.not.toContain('vt-sortable');
    const head = testId('vt-head-start_date');
    await expect(head.getAttribute('class')).resolves.toContain('vt-sortable');
    await head.click();
    await expect.poll(() => head.getAttribute('aria-sort')).toBe('ascending');
    await head.click();
    await expect.poll(() => head.getAttribute('aria-sort')).toBe('descending');

    const rowAt = (i: number) => page.locator(`[data-testid="ledger-row"][data-index="${i}"]`);
    const { rows, total } = await sorted(0, 8);
    const firstRows = async () =>
      Promise.all(rows.map(async (_, i) => ((await rowAt(i).count()) > 0 ? rowAt(i).innerText() : '')));
    await expect
      .poll(
        async () =>
          (await firstRows()).every((text, i) => {
            const want = rows[i];
            return (
              text.includes(want?.subject.name ?? '?') &&
              text.includes(String(want?.values.start_date ?? '?'))
            );
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    await chromium.shot('06-ledger-sorted-by-start-date');
    // The list scrolled right to 开始日期; 姓名 (who the record is about) stayed at its left edge.
    const listBox = await testId('ledger-list').boundingBox();
    const nameBox = await testId('vt-head-subject-name').boundingBox();
    expect(await testId('ledger-list').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(Math.abs((nameBox?.x ?? -1) - (listBox?.x ?? -99))).toBeLessThan(4);

    // At its end: the records without a 开始日期, after every dated one (empty values last).
    const [last] = (await sorted(total - 1, 1)).rows;
    expect(last?.values.start_date).toBeNull();
    await testId('ledger-list').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect
      .poll(async () => ((await rowAt(total - 1).count()) > 0 ? rowAt(total - 1).innerText() : ''), {
        timeout: 30_000,
      })
      .toContain(last?.subject.name ?? '?');
    await chromium.shot('07-ledger-sorted-end');
  });
});

describe.skipIf(skip !== null)('查人 at 125 % scaling (1093×614 CSS pixels)', () => {
  const chromium = chromiumPage('search-lists-125', { viewport: { width: 1093, height: 614 } });
  let host: BrowserHost;
  let page: Page;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 300, seed: 9 });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('keeps the total, 导出 and 打印 in view beside the search', async () => {
    await page.goto(host.url);
    await page.getByTestId('page-home').waitFor({ timeout: 60_000 });
    await page.getByTestId('header-person-search').fill('王');
    await page.keyboard.press('Enter');
    await page.getByTestId('person-search-row').first().waitFor({ timeout: 30_000 });
    for (const id of ['person-search-total', 'person-export', 'person-print'])
      await expect(page.getByTestId(id).isVisible(), id).resolves.toBe(true);
    await chromium.shot('01-person-search');
    // The scrolling list fills the room left and scrolls to its last person.
    const grid = page.getByTestId('person-search-results');
    const total = Number(await page.getByTestId('person-search-total').getAttribute('data-value'));
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page
      .locator(`[data-testid="person-search-row"][data-index="${total - 1}"]`)
      .waitFor({ timeout: 30_000 });
    await chromium.shot('02-person-search-end');
  });
});
