// 专项台账 in browser mode (Chromium) on a temporary sample ledger: from a household's page a member gets a
// 外出务工 record (the 去向类别 省外 is derived from the 务工所在地) and a 基本医疗 record; both show as tabs
// on the household page, one is opened, edited and closed; then the 外出务工 ledger's list is filtered by
// 去向类别 and its 汇总 is opened. Then, in their own ledgers: a 物资 with 入库 and 出库 under it and the 库存
// in the list; someone outside the register in 返乡排查 with the 期满日期 following the start date as it is
// typed; a 问题整改 of a village refused as 已销号 without its 销号日期; and a 危房改造 补助标准 set on 设置 that
// the next record's form picks up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, holdFrames, nextFrames, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('专项台账 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('ledgers');
  let host: BrowserHost;
  let page: Page;
  let household: { id: number; no: string };
  let member: { id: number; name: string; idNumber: string };
  /** Another member of the household, for the import. */
  let other: { name: string; idNumber: string };
  /** The 乡镇 of the household, where 汇总 counts its record. */
  let township = '';
  /** The household's village, for the region and outside-the-register records. */
  let village = '';

  const shot = chromium.shot;
  const testId = (id: string) => page.getByTestId(id);

  /** Types into a type-ahead field and picks the first match with Enter. */
  async function pick(fieldTestId: string, typed: string) {
    await testId(fieldTestId).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
  }

  /** Like pick, for a field that searches as it is typed: Enter once a match is offered. */
  async function pickFound(fieldTestId: string, typed: string) {
    await testId(fieldTestId).click();
    await page.keyboard.type(typed);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: typed })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 600, seed: 5 });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    const list = await hostCall(host, 'households.list', {
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 50,
    });
    for (const row of list.rows) {
      const detail = await hostCall(host, 'households.get', {
        id: row.id,
        includeCancelledMembers: false,
      });
      const first = detail.members.find((m) => m.entry.relation !== '01');
      const second = detail.members.find((m) => m !== first);
      if (first !== undefined && second !== undefined) {
        household = { id: row.id, no: row.householdNo };
        village = row.villageName;
        member = { id: first.id, name: first.entry.name, idNumber: first.entry.id_number };
        other = { name: second.entry.name, idNumber: second.entry.id_number };
        break;
      }
    }
    if (member === undefined) throw new Error('示例数据中找不到有两名成员的户');

    page = await chromium.open();
  });
  afterAll(async () => {
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
    // Derived while typing, before anything is saved.
    await expect.poll(() => testId('record-destination').innerText()).toContain('省外');
    await expect(testId('record-work_place_code').inputValue()).resolves.toBe('440306');
    await shot('02-migrant-form');
    await testId('record-work_place').press('Control+Enter');
    await testId('record-form').waitFor({ state: 'detached' });

    const tab = testId('household-ledger-migrant_work');
    await tab.waitFor();
    const row = tab.getByTestId('household-ledger-migrant_work-row');
    await expect(row.innerText()).resolves.toContain(member.name);
    await expect(row.innerText()).resolves.toContain('省外');
    await expect(row.innerText()).resolves.toContain('已外出');
    await shot('03-migrant-tab');
    const saved = await hostCall(host, 'ledgers.forHousehold', { householdId: household.id });
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
    await page.keyboard.press('Control+Enter'); // no 年度 yet: refused, the dialog stays
    await testId('record-form-errors').waitFor();
    await expect(testId('record-year-help').innerText()).resolves.toContain('年度');
    await shot('04-medical-refused');
    await testId('record-year').fill('2020');
    await pick('record-subsidy_category', '建档立卡');
    await testId('record-subsidy_amount').fill('180');
    await testId('record-year').press('Control+Enter');
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
    await testId('record-employer').press('Control+Enter');
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
    await expect(testId('ledger-summary-table').innerText()).resolves.toContain('已外出省外');
    // Kept by 年度: one 年度 counted, the record's (this year's, as the form filled it in).
    await expect(testId('ledger-summary-year').innerText()).resolves.toContain(
      `${new Date().getFullYear()} 年度`,
    );
    await shot('11-ledger-summary');
    // Every 乡镇 is listed (zeros too), and the tab leaves as the county's workbook.
    const townships = readLedger(host, (db) =>
      db.prepare(`SELECT COUNT(*) FROM regions WHERE level = 'township'`).pluck().get(),
    );
    await expect(testId('summary-row').count()).resolves.toBe(Number(townships));
    const [book] = await Promise.all([
      page.waitForEvent('download'),
      testId('ledger-summary-export').click(),
    ]);
    expect(book.suggestedFilename()).toMatch(/^.+外出务工汇总表-\d{4}-\d{2}-\d{2}\.xlsx$/);
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

  /** Opens a ledger from 专项台账. */
  async function openLedger(id: string) {
    await testId('nav-special').click();
    await testId(`ledger-card-${id}`).click();
    await expect.poll(() => testId('page-ledger').getAttribute('data-ledger-id')).toBe(id);
  }

  /** Opens the 新增 form of the ledger on screen. */
  async function newRecord() {
    await testId('ledger-new').click();
    await testId('record-form').waitFor();
  }

  /** Ctrl+Enter in a field saves; the form closes. */
  async function saveFrom(fieldTestId: string) {
    await testId(fieldTestId).press('Control+Enter');
    await testId('record-form').waitFor({ state: 'detached' });
  }

  /** The ledger's first record as the core has it. */
  async function firstRecord(ledgerId: string) {
    const list = await hostCall(host, 'ledgers.records', {
      ledgerId,
      regionCode: null,
      filters: {},
      offset: 0,
      limit: 1,
    });
    return list.rows[0];
  }

  it('shows 去向类别 and the 区划代码 as 务工所在地 is typed, and the clerk’s 去向类别 where the place is unknown', async () => {
    await openLedger('migrant_work');
    await newRecord();
    await pickFound('record-person', other.name);
    await expect(testId('record-person').innerText()).resolves.toContain(other.name);
    await pick('record-status', '已外出');
    await testId('record-work_place').fill('浙江义乌');
    await expect.poll(() => testId('record-destination').innerText()).toContain('省外');
    await expect(testId('record-work_place_code').inputValue()).resolves.toBe('330782');
    await testId('record-work_place').fill('广东省深圳市宝安区');
    await expect.poll(() => testId('record-work_place_code').inputValue()).toBe('440306');
    await shot('14-migrant-live-derive');
    // A place the catalogue does not know leaves 去向类别 to the clerk; a known one decides it, as on save.
    await testId('record-work_place').fill('外地某工地');
    await pick('record-destination', '市外省内');
    await page.waitForTimeout(600);
    await expect(testId('record-destination').innerText()).resolves.toContain('市外省内');
    await testId('record-work_place').fill('浙江义乌');
    await expect.poll(() => testId('record-work_place_code').inputValue()).toBe('330782');
    await expect.poll(() => testId('record-destination').innerText()).toContain('省外');
    await testId('record-dialog-cancel').click();
    await testId('discard-confirm').click(); // what was typed is thrown away only when the clerk says so
    await testId('record-form').waitFor({ state: 'detached' });
  });

  it('adds a 物资, 入库 100 and 出库 30 under it, and shows 库存 70 in the 物资 list', async () => {
    await openLedger('epidemic_supplies');
    await testId('ledger-list-empty').waitFor();
    await shot('15-supplies-empty');
    // A slow PC: the clerk clicks into 物资名称 and types before the dialog has finished opening (its
    // next frame is late). When it is done, the cursor stays where he put it and nothing typed is lost.
    const frames = await holdFrames(page);
    await testId('ledger-new').click();
    await testId('record-form').waitFor();
    await testId('record-name').click();
    await page.keyboard.type('医用外科');
    await frames.release();
    await nextFrames(page, 10); // the dialog finishes opening
    await page.keyboard.type('口罩');
    await expect(testId('record-name').inputValue()).resolves.toBe('医用外科口罩');
    await pick('record-category', '口罩');
    await testId('record-unit').fill('只');
    await saveFrom('record-name');
    const row = testId('ledger-row').filter({ hasText: '医用外科口罩' });
    await row.waitFor();

    await row.dblclick();
    await testId('record-tab-child-supply_movements').click();
    const children = testId('child-records-supply_movements');
    await expect(children.innerText()).resolves.toContain('暂无');
    for (const [direction, quantity, party] of [
      ['入库', '100', '县卫健局'],
      ['出库', '30', '城关镇卫生院'],
    ] as const) {
      await testId('child-add-supply_movements').click();
      const form = testId('record-form').last();
      await form.waitFor();
      await pick('record-direction', direction);
      await testId('record-movement_date').last().fill('2020-02-01');
      await testId('record-quantity').last().fill(quantity);
      await testId('record-party').last().fill(party);
      const signed = direction === '入库' ? quantity : `-${quantity}`;
      await expect.poll(() => testId('record-signed_quantity').last().inputValue()).toBe(signed);
      if (direction === '出库') await shot('16-supply-movement-form');
      await testId('record-party').last().press('Control+Enter');
      await expect.poll(() => testId('record-form').count()).toBe(1);
    }
    await expect.poll(() => testId('child-table-supply_movements-row').count()).toBe(2);
    await shot('17-supply-movements');
    await testId('record-dialog-cancel').click();
    await testId('record-dialog').waitFor({ state: 'detached' });

    expect((await firstRecord('epidemic_supplies'))?.rollups.stock).toBe(70);
    await expect.poll(() => row.innerText()).toContain('70');
    await shot('18-supplies-stock');
  });

  it('screens someone outside the register; 期满日期 follows the 管控开始日期 as it is typed', async () => {
    const idNumber = makeIdNumber('440306', '1990-06-15', 517);
    const mistyped = idNumber.slice(0, 17) + (idNumber.endsWith('1') ? '2' : '1');
    await openLedger('returnee_screening');
    await newRecord();
    await testId('record-outside').click();
    await testId('record-outside-name').fill('外来测试人');
    await testId('record-outside-id').fill(mistyped);
    await pickFound('record-outside-place-village', village);
    await testId('record-from_place').fill('湖北省武汉市');
    await testId('record-return_date').fill('20200201');
    await pick('record-control', '居家隔离');
    await testId('record-control_start').fill('2020.2.2');
    await expect.poll(() => testId('record-control_end').inputValue()).toBe('2020-02-16');
    await shot('19-returnee-form');

    // The core refuses the mistyped 证件号码: the cursor goes to it, red, in sight on a 1366×768 screen.
    await testId('record-from_place').press('Control+Enter');
    const idInput = testId('record-outside-id');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('record-outside-id');
    await expect(idInput.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(idInput.getAttribute('class')).resolves.toContain('ant-input-status-error');
    await expect(testId('record-subject-help').innerText()).resolves.toContain('校验');
    const box = await idInput.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await shot('19a-returnee-id-refused');
    // Corrected: the old error goes at once, and the record saves.
    await idInput.fill(idNumber);
    await testId('record-subject-help').waitFor({ state: 'detached' });
    await expect(idInput.getAttribute('aria-invalid')).resolves.toBe('false');
    await testId('record-remark').fill('已核对身份证');
    await shot('19b-returnee-id-corrected');
    await saveFrom('record-from_place');
    const row = testId('ledger-row').filter({ hasText: '外来测试人' });
    await expect(row.innerText()).resolves.toContain('2020-02-16');
    await shot('20-returnee-list');
  });

  it('refuses a 问题整改 of a village as 已销号 without 销号日期, then saves it with one', async () => {
    await openLedger('rectification');
    await newRecord();
    await pickFound('record-place-village', village);
    await pick('record-source', '巡视');
    await testId('record-description').fill('部分脱贫户档案资料不齐全');
    await pick('record-status', '已销号');
    await testId('record-closed_by').fill('王主任');
    await testId('record-closed_by').press('Control+Enter');
    await testId('record-form-errors').waitFor();
    await expect(testId('record-closed_date-help').innerText()).resolves.toContain(
      '已销号的问题须填写销号日期和销号人',
    );
    await shot('21-rectification-refused');
    await testId('record-closed_date').fill('2020-03-10');
    await saveFrom('record-closed_date');
    const row = testId('ledger-row').filter({ hasText: '部分脱贫户档案资料不齐全' });
    await expect(row.innerText()).resolves.toContain('已销号');
    await shot('22-rectification-list');
  });

  it('changes a 危房改造 补助标准 on 设置; a new record’s form picks it up', async () => {
    await openLedger('housing_renovation');
    await testId('ledger-tab-settings').click();
    const general = testId('ledger-setting-subsidy_general');
    await general.waitFor();
    await general.fill('18000');
    await shot('23-housing-settings');
    await general.press('Enter');
    await page.getByText('已保存：一般户补助标准').waitFor();
    const settings = await hostCall(host, 'ledgers.settings', { ledgerId: 'housing_renovation' });
    expect(settings.find((x) => x.key === 'subsidy_general')?.value).toBe(18_000);

    await testId('ledger-tab-records').click();
    await newRecord();
    await pickFound('record-household', household.no);
    await expect(testId('record-household').innerText()).resolves.toContain(household.no);
    await pick('record-target_category', '一般户');
    await pick('record-danger_level', 'C级');
    await expect.poll(() => testId('record-subsidy_standard').inputValue()).toBe('18000');
    await pick('record-target_category', '低保户');
    await expect.poll(() => testId('record-subsidy_standard').inputValue()).toBe('20000');
    await pick('record-target_category', '一般户');
    await expect.poll(() => testId('record-subsidy_standard').inputValue()).toBe('18000');
    await shot('24-housing-form');
    await testId('record-area').fill('80');
    await saveFrom('record-area');
    expect((await firstRecord('housing_renovation'))?.values.subsidy_standard).toBe(18_000);
    await expect(testId('ledger-row').first().innerText()).resolves.toMatch(/18,?000/);
    await shot('25-housing-list');
  });
});
