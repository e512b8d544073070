// 专项台账 in browser mode (Chromium) on a temporary sample ledger: from a household's page a member gets a
// 外出务工 record (the 去向类别 省外 is derived from the 务工所在地) and a 基本医疗 record; both show as tabs
// on the household page, one is opened, edited and closed; then the 外出务工 ledger's list is filtered by
// 去向类别 and its 汇总 is opened.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { artifactPath, e2eSkipReason, launchChromium, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('专项台账 in browser mode (Chromium)', () => {
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  let household: { id: number; no: string };
  let member: { id: number; name: string; idNumber: string };
  /** Another member of the household, for the import. */
  let other: { name: string; idNumber: string };
  /** The 乡镇 of the household, where 汇总 counts its record. */
  let township = '';

  const shot = (name: string) => page.screenshot({ path: artifactPath(`ledgers-${name}.png`) });
  const testId = (id: string) => page.getByTestId(id);

  /** Types into a type-ahead field and picks the first match with Enter. */
  async function pick(fieldTestId: string, typed: string) {
    await testId(fieldTestId).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await host.core.handlers['ledger.loadDemo']({ households: 600, seed: 5 });
    await host.core.handlers['settings.setOperator']({ name: '李文书' });
    const list = await host.core.handlers['households.list']({
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 50,
    });
    for (const row of list.rows) {
      const detail = await host.core.handlers['households.get']({
        id: row.id,
        includeCancelledMembers: false,
      });
      const first = detail.members.find((m) => m.entry.relation !== '01');
      const second = detail.members.find((m) => m !== first);
      if (first !== undefined && second !== undefined) {
        household = { id: row.id, no: row.householdNo };
        member = { id: first.id, name: first.entry.name, idNumber: first.entry.id_number };
        other = { name: second.entry.name, idNumber: second.entry.id_number };
        break;
      }
    }
    if (member === undefined) throw new Error('示例数据中找不到有两名成员的户');

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await page?.screenshot({ path: artifactPath('ledgers-failed.png') });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('lists the ledgers by group under 专项台账', async () => {
    await page.goto(host.url);
    await testId('nav-special').click();
    await testId('page-ledgers').waitFor({ timeout: 30_000 });
    await testId('ledger-card-migrant_work').waitFor();
    await expect(testId('ledger-group').count()).resolves.toBeGreaterThan(3);
    await expect
      .poll(() =>
        testId('ledger-card-migrant_work').getByTestId('ledger-card-count').getAttribute('data-value'),
      )
      .toBe('0');
    await shot('01-index');
  });

  it('adds a 外出务工 record for a member from the household page; 去向类别 is derived', async () => {
    await testId('nav-households').click();
    await testId('household-search').fill(household.no);
    await testId('household-row').filter({ hasText: household.no }).first().waitFor();
    await testId('household-search').press('Enter');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(household.id));

    await testId('household-add-ledger').click();
    await testId('add-ledger-migrant_work').click();
    await testId('record-form').waitFor();
    await pick('record-member', member.name);
    await expect(testId('record-member').innerText()).resolves.toContain(member.name);
    await pick('record-status', '已外出');
    await testId('record-work_place').fill('广东省深圳市宝安区');
    await shot('02-migrant-form');
    await testId('record-work_place').press('Enter');
    await testId('record-form').waitFor({ state: 'detached' });

    const tab = testId('household-ledger-migrant_work');
    await tab.waitFor();
    const row = tab.getByTestId('household-ledger-migrant_work-row');
    await expect(row.innerText()).resolves.toContain(member.name);
    await expect(row.innerText()).resolves.toContain('省外');
    await expect(row.innerText()).resolves.toContain('已外出');
    await shot('03-migrant-tab');
    const saved = await host.core.handlers['ledgers.forHousehold']({ householdId: household.id });
    const record = saved.find((l) => l.ledgerId === 'migrant_work')?.rows[0];
    expect(record?.values.destination).toBe('04');
    expect(record?.values.work_place_code).toBe('440306');
    township = record?.subject.place.split(' ')[0] ?? '';
  });

  it('adds a 基本医疗 record; a missing 年度 is refused in Chinese first', async () => {
    await testId('household-add-ledger').click();
    await testId('add-ledger-medical_insurance').click();
    await testId('record-form').waitFor();
    await pick('record-member', member.name);
    await pick('record-insured', '是');
    await testId('record-proof').click();
    await page.keyboard.press('Enter'); // no 年度 yet: refused, the dialog stays
    await testId('record-form-errors').waitFor();
    await expect(testId('record-year-help').innerText()).resolves.toContain('年度');
    await shot('04-medical-refused');
    await testId('record-year').fill('2020');
    await pick('record-subsidy_category', '建档立卡');
    await testId('record-subsidy_amount').fill('180');
    await testId('record-year').press('Enter');
    await testId('record-form').waitFor({ state: 'detached' });

    const tab = testId('household-ledger-medical_insurance');
    await tab.waitFor();
    await expect(tab.innerText()).resolves.toContain('2020');
    await expect(testId('household-tab-ledger-migrant_work').isVisible()).resolves.toBe(true);
    await expect(testId('household-tab-ledger-medical_insurance').isVisible()).resolves.toBe(true);
    await shot('05-medical-tab');
  });

  it('opens the 外出务工 record from its tab, edits it and sees the change and its history', async () => {
    await testId('household-tab-ledger-migrant_work').click();
    await testId('household-ledger-migrant_work-row').first().click();
    await testId('record-form').waitFor();
    await expect(testId('record-work_place').inputValue()).resolves.toBe('广东省深圳市宝安区');
    await expect(testId('record-destination').innerText()).resolves.toContain('省外');
    await testId('record-employer').fill('深圳某电子厂');
    await testId('record-monthly_income').fill('5200');
    await shot('06-migrant-edit');
    await testId('record-employer').press('Enter');
    await testId('record-form').waitFor({ state: 'detached' });
    const row = testId('household-ledger-migrant_work-row').first();
    await expect.poll(() => row.innerText()).toContain('深圳某电子厂');

    await row.click();
    await testId('record-tab-history').click();
    await expect
      .poll(() => testId('history-line').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('深圳某电子厂')]));
    await shot('07-record-history');
    await page.keyboard.press('Escape');
    await testId('record-dialog-cancel').waitFor({ state: 'detached' });
  });

  it('shows the member’s records on the person page, then goes back', async () => {
    await testId('household-tab-main').click();
    await testId('member-row').filter({ hasText: member.name }).getByTestId('member-name').click();
    await testId('page-person').waitFor();
    await testId('person-tab-ledger-migrant_work').click();
    await expect(testId('person-ledger-migrant_work').innerText()).resolves.toContain('省外');
    await shot('08-person-tab');
    await testId('route-back').click();
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(household.id));
  });

  it('filters the 外出务工 ledger by 去向类别 and opens its 汇总', async () => {
    await testId('nav-special').click();
    await expect
      .poll(() =>
        testId('ledger-card-migrant_work').getByTestId('ledger-card-count').getAttribute('data-value'),
      )
      .toBe('1');
    await testId('ledger-card-migrant_work').click();
    await testId('page-ledger').waitFor();
    await expect.poll(() => testId('ledger-total').getAttribute('data-value')).toBe('1');
    await expect(testId('ledger-row').first().innerText()).resolves.toContain(member.name);
    await shot('09-ledger-list');

    await pick('ledger-filter-destination', '县内');
    await page.keyboard.press('Escape');
    await expect.poll(() => testId('ledger-total').getAttribute('data-value')).toBe('0');
    await testId('ledger-list-empty').waitFor();
    await testId('ledger-filters-clear').click();
    await pick('ledger-filter-destination', '省外');
    await page.keyboard.press('Escape');
    await expect.poll(() => testId('ledger-total').getAttribute('data-value')).toBe('1');
    await shot('10-ledger-filtered');
    const [download] = await Promise.all([page.waitForEvent('download'), testId('ledger-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^外出务工.*\.xlsx$/);

    await testId('ledger-tab-summary').click();
    const total = testId('summary-total');
    await total.waitFor();
    await expect(total.innerText()).resolves.toContain('合计');
    // The township of the household has the one record; 省外 is counted there and in 合计.
    await expect.poll(() => testId('summary-row').filter({ hasText: township }).count()).toBe(1);
    await expect(testId('ledger-summary-table').innerText()).resolves.toContain('省外');
    await shot('11-ledger-summary');
  });

  it('imports into the ledger from its 导入 button: 记录 counts, 字段 targets, the ledger in 导入历史', async () => {
    await testId('ledger-tab-records').click();
    await testId('ledger-import').click();
    await testId('page-import').waitFor();
    await expect(testId('import-into').innerText()).resolves.toContain('外出务工');
    const csv = [
      '姓名,身份证号,务工状态,务工地点,务工月收入',
      `${member.name},${member.idNumber},已外出,广东省深圳市宝安区,6000`,
      `${other.name},${other.idNumber},已返岗,湖北省武汉市洪山区,4000`,
    ].join('\r\n');
    await testId('import-dropzone')
      .locator('input[type="file"]')
      .setInputFiles({
        name: '外出务工花名册.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}`),
      });
    await testId('import-preview').waitFor({ timeout: 30_000 });
    await expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');
    await expect(testId('import-records-created').getAttribute('data-value')).resolves.toBe('1');
    await expect(testId('import-records-updated').getAttribute('data-value')).resolves.toBe('1');
    await expect(testId('import-households-created').count()).resolves.toBe(0);
    await page.getByRole('tab', { name: /列对应/ }).click();
    await expect(testId('import-mapping').innerText()).resolves.toContain('字段 · 务工状态');
    await expect(testId('import-mapping').innerText()).resolves.toContain('关联 · 证件号码');
    await shot('12-import-preview');

    await testId('import-commit').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    await expect(testId('import-result-records').innerText()).resolves.toContain('新增 1');
    await testId('import-open-history').click();
    await expect(testId('import-history-into').first().innerText()).resolves.toBe('外出务工');
    await shot('13-import-history');
  });
});
