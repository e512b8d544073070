// 一户一策 in browser mode (Chromium): on the plan ledger's page 「按户生成」 makes a household's plan from the
// register and the ledgers and opens it in the record dialog, its measures in the 计划帮扶措施 tab; then
// 「为本村生成计划」 for the village picked in the tree creates the other households' plans and says how many
// were there already — the first plan, edited in the dialog, stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';
import { shortRegionName } from '../../shared/region-name.ts';

const skip = e2eSkipReason();
const YEAR = new Date().getFullYear();

describe.skipIf(skip !== null)('一户一策 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('plans');
  let host: BrowserHost;
  let page: Page;
  let household: { id: number; no: string; village: string; villageCode: string };
  let villageHouseholds = 0;
  const testId = (id: string) => page.getByTestId(id);
  const plans = async () =>
    (await hostCall(host, 'ledgers.records', { ledgerId: 'household_plans', regionCode: null, filters: {}, offset: 0, limit: 500 })).rows; // prettier-ignore

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 200, seed: 8, ledgers: true });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    const row = readLedger(host, (db) =>
      db
        .prepare(
          `SELECT h.id, h.household_no AS no, v.name AS officialVillage, v.code AS villageCode,
           (SELECT COUNT(*) FROM households x WHERE x.village_code = h.village_code AND x.status = 'active') AS n
         FROM households h JOIN regions v ON v.code = h.village_code WHERE h.status = 'active'
         ORDER BY n DESC, h.household_no LIMIT 1`,
        )
        .get(),
    ) as Omit<typeof household, 'village'> & { officialVillage: string; n: number };
    // The tree and the forms show the village by its short name (五星村, not 五星村村委会).
    household = { ...row, village: shortRegionName(row.officialVillage) };
    villageHouseholds = row.n;
    page = await chromium.open();
    await page.goto(host.url);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('按户生成 fills a plan in and opens it with its measures', async () => {
    await testId('nav-special').click();
    await testId('ledger-card-household_plans').click();
    await expect.poll(() => testId('page-ledger').getAttribute('data-ledger-id')).toBe('household_plans');
    await testId('plan-create-one').click();
    await testId('plan-household').click();
    await page.keyboard.type(household.no);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: household.no })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await chromium.shot('1-create-one');
    await testId('plan-create-one-ok').click();
    await testId('record-form').waitFor();
    await expect(testId('record-subject').innerText()).resolves.toContain(household.village);
    const mine = (await plans()).filter(
      (p) => p.subject.householdId === household.id && p.values.year === YEAR,
    );
    expect(mine).toHaveLength(1);
    await chromium.shot('2-plan-dialog');
    await testId('record-tab-child-household_plan_measures').click();
    await testId('child-table-household_plan_measures').waitFor();
    await chromium.shot('3-plan-measures');
    // An edit in the dialog: the 帮扶目标.
    await testId('record-tab-fields').click();
    await testId('record-goal').fill('户主商定：发展养蜂 20 箱');
    await testId('record-save').click();
    await testId('record-form').waitFor({ state: 'detached' });
  });

  it('为本村生成计划 creates the missing plans and leaves the edited one', async () => {
    await testId('region-search').fill(household.village);
    await testId('region-tree').getByText(household.village).first().click();
    await testId('plan-create-region').click();
    await chromium.shot('4-create-region');
    await testId('plan-create-region-ok').click();
    await page
      .getByText(`新生成 ${villageHouseholds - 1} 户`)
      .first()
      .waitFor();
    await chromium.shot('5-created');
    const all = (await plans()).filter((p) => p.values.year === YEAR);
    expect(all.filter((p) => p.subject.place.includes(household.village))).toHaveLength(villageHouseholds);
    const mine = all.find((p) => p.subject.householdId === household.id);
    expect(mine?.values.goal).toBe('户主商定：发展养蜂 20 箱');
  });
});
