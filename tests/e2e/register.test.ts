// 户籍台账 in browser mode (Chromium) on a temporary sample ledger: the operator's name, a new household
// of three entered from the keyboard, an edit, finding it by the last 6 digits of an ID, 注销 and 恢复 of
// a member, and all of it on the 历史 tab. Also: a wrong check digit and an ID already used in another
// village (also as a 残疾人证号 built on it) are refused in Chinese before anything is saved; an address
// code missing from the catalogue is a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';
import { shortRegionName } from '../../shared/region-name.ts';

const skip = e2eSkipReason();

/** A village of 城关镇 (open in the tree from the start); its code is read from the ledger. */
const VILLAGE_NAME = '东坡村委会';
/** As the tree and lists show it. */
const VILLAGE_SHORT = shortRegionName(VILLAGE_NAME);

// The new family: 户主, 配偶 and 之子, with valid IDs born in Beijing (the sample county's people are
// born in its own province, so these numbers cannot be taken already).
const HEAD = { name: '测试户主', id: makeIdNumber('110101', '1968-05-12', 901) };
const SPOUSE = { name: '测试配偶', id: makeIdNumber('110101', '1970-08-20', 902) };
const SON = { name: '测试之子', id: makeIdNumber('110101', '1995-03-07', 903) };

/** The same 17 digits with another check digit. */
function wrongCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '1' ? '2' : '1');
}

describe.skipIf(skip !== null)('户籍台账 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('register');
  let host: BrowserHost;
  let page: Page;
  let householdId = 0;
  let householdNo = '';
  let villageCode = '';
  /** A sample household in another village, whose 户主's ID the clerk will try to reuse. */
  let otherHousehold: { no: string; id: number; idNumber: string; villageName: string };

  const shot = chromium.shot;
  const testId = (id: string) => page.getByTestId(id);

  /** Types into a code-table field (type-ahead) and picks the first match with Enter. */
  async function pick(fieldTestId: string, typed: string) {
    await testId(fieldTestId).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 2000, seed: 3 });
    const regions = await hostCall(host, 'regions.tree', {});
    villageCode = regions.find((r) => r.level === 'village' && r.name === VILLAGE_NAME)?.code ?? '';
    if (villageCode === '') throw new Error(`示例县没有 ${VILLAGE_NAME}`);
    const list = await hostCall(host, 'households.list', {
      regionCode: null,
      status: 'active',
      offset: 0,
      limit: 50,
    });
    const row = list.rows.find((r) => r.villageName !== VILLAGE_SHORT);
    if (row === undefined) throw new Error('示例数据中找不到其他村的户');
    const detail = await hostCall(host, 'households.get', { id: row.id, includeCancelledMembers: false });
    const head = detail.members.find((m) => m.entry.relation === '01') ?? detail.members[0];
    if (head === undefined) throw new Error('示例户没有成员');
    otherHousehold = {
      no: row.householdNo,
      id: row.id,
      idNumber: head.entry.id_number,
      villageName: row.villageName,
    };

    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('asks for the operator’s name once and shows it in the header', async () => {
    await page.goto(host.url);
    const input = testId('operator-name-input');
    await input.waitFor({ timeout: 30_000 });
    await shot('01-operator');
    await page.keyboard.press('Enter'); // empty: refused
    await expect(page.getByText('请填写操作员姓名').first().isVisible()).resolves.toBe(true);
    await input.fill('李文书');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    await expect(testId('header-operator').innerText()).resolves.toContain('李文书');
    const settings = await hostCall(host, 'settings.get', {});
    expect(settings.operator).toBe('李文书');
  });

  it('lists the selected village’s households with their total', async () => {
    await testId('nav-households').click();
    await testId('region-tree').getByText(VILLAGE_SHORT).first().click();
    const list = await hostCall(host, 'households.list', {
      regionCode: villageCode,
      status: 'active',
      offset: 0,
      limit: 1,
    });
    await expect.poll(() => testId('household-total').getAttribute('data-value')).toBe(String(list.total));
    await expect(testId('household-list-region').innerText()).resolves.toContain(VILLAGE_SHORT);
    await testId('household-row').first().waitFor();
    await shot('02-list');
  });

  it('creates a household with its 户主 from the keyboard', async () => {
    await testId('household-new').click();
    await testId('page-new-household').waitFor();
    // The village comes from the tree; the 户编号 is suggested.
    await expect
      .poll(() => testId('new-household-no').inputValue())
      .toMatch(new RegExp(`^${villageCode}\\d+`));
    householdNo = await testId('new-household-no').inputValue();

    await testId('head-name').fill(HEAD.name);
    // Esc asks before throwing the typed work away; Esc again answers 继续填写, and the page keeps it all.
    await page.keyboard.press('Escape');
    await testId('discard-keep').waitFor();
    await expect(page.locator('.ant-modal-confirm-title').innerText()).resolves.toBe('放弃新增户？');
    await shot('03a-new-household-esc');
    await page.keyboard.press('Escape');
    await testId('discard-keep').waitFor({ state: 'detached' });
    await expect(testId('page-new-household').isVisible()).resolves.toBe(true);
    await expect(testId('head-name').inputValue()).resolves.toBe(HEAD.name);
    await testId('head-id_number').fill(HEAD.id); // fills 性别 and 出生日期
    await expect(testId('head-birth_date').inputValue()).resolves.toBe('1968-05-12');
    await pick('household-poverty_attribute', 'dbpk'); // pinyin initials → 低保贫困户
    await expect(testId('household-poverty_attribute').innerText()).resolves.toContain('低保贫困户');
    await pick('household-main_cause', '因病');
    await page.evaluate("document.querySelector('.ledger-page')?.scrollTo(0, 0)");
    await shot('03-new-household');
    await testId('head-name').click();
    await page.keyboard.press('Control+Enter');

    await testId('page-household').waitFor();
    householdId = Number(await testId('page-household').getAttribute('data-household-id'));
    expect(householdId).toBeGreaterThan(0);
    await expect(testId('household-title').innerText()).resolves.toContain(householdNo);
    await expect(testId('household-info-poverty_attribute').innerText()).resolves.toBe('低保贫困户');
  });

  it('adds the 配偶 and the 之子; a wrong check digit cannot be saved', async () => {
    // 配偶
    await testId('member-add').click();
    await testId('person-name').waitFor();
    await testId('person-name').fill(SPOUSE.name);
    await testId('person-id_number').fill(SPOUSE.id);
    await pick('person-relation', 'po'); // 配偶
    await expect(testId('person-relation').innerText()).resolves.toContain('配偶');
    await testId('person-name').click();
    await page.keyboard.press('Control+Enter');
    await testId('person-form').waitFor({ state: 'detached' });
    await expect.poll(() => testId('member-row').count()).toBe(2);

    // 之子: first with a wrong check digit
    await testId('member-add').click();
    await testId('person-name').fill(SON.name);
    await testId('person-id_number').fill(wrongCheckDigit(SON.id));
    await testId('person-id_number').press('Tab');
    const idHelp = testId('person-id_number-help');
    await expect(idHelp.innerText()).resolves.toContain('身份证号未通过校验');
    // Names no "right" last digit to type in: the clerk compares the number with the card.
    await expect(idHelp.innerText()).resolves.toContain('逐位核对');
    await pick('person-relation', 'zz'); // 之子
    await testId('person-name').click();
    await page.keyboard.press('Control+Enter'); // refused: the dialog stays
    await testId('person-form-errors').waitFor();
    await expect(testId('person-form').isVisible()).resolves.toBe(true);
    await shot('04-wrong-check-digit');
    expect(
      (await hostCall(host, 'households.get', { id: householdId, includeCancelledMembers: true })).members,
    ).toHaveLength(2);

    await testId('person-id_number').fill(SON.id);
    await testId('person-birth_date').fill('1995.3.7'); // typed as a clerk would
    await expect(testId('person-birth_date-parsed').innerText()).resolves.toBe('1995-03-07');
    await pick('person-sex', 'nan'); // 男 (pinyin)
    await testId('person-name').click();
    await page.keyboard.press('Control+Enter');
    await testId('person-form').waitFor({ state: 'detached' });
    await expect.poll(() => testId('member-row').count()).toBe(3);
    await expect(testId('household-member-count').innerText()).resolves.toContain('3 人');
    await shot('05-household-of-three');
  });

  it('refuses an ID already registered in another village, naming that household', async () => {
    await testId('member-add').click();
    await testId('person-name').fill('重复号码');
    await testId('person-id_number').fill(otherHousehold.idNumber);
    const idHelp = testId('person-id_number-help');
    await expect.poll(() => idHelp.innerText(), { timeout: 10_000 }).toContain(otherHousehold.no);
    await expect(idHelp.innerText()).resolves.toContain(otherHousehold.villageName);
    await shot('06-duplicate-id');
    // The same person under a 残疾人证号 (身份证号 + 类别 + 等级): the first 18 characters are compared.
    await testId('person-id_number').fill(`${otherHousehold.idNumber}41`);
    await expect.poll(() => idHelp.innerText(), { timeout: 10_000 }).toContain('前 18 位相同');
    await expect(idHelp.innerText()).resolves.toContain(otherHousehold.no);
    await expect(idHelp.innerText()).resolves.toContain(otherHousehold.villageName);
    await shot('06b-duplicate-disability-card');
    // An address code the catalogue does not know: a warning from the core, not a refusal.
    await testId('person-id_number').fill(makeIdNumber('420699', '1990-03-04', 905));
    await expect.poll(() => idHelp.innerText(), { timeout: 10_000 }).toContain('地址码 420699');
    await shot('06c-unknown-address-code');
    await testId('person-id_number').fill(otherHousehold.idNumber);
    await expect.poll(() => idHelp.innerText(), { timeout: 10_000 }).toContain(otherHousehold.no);
    await testId('person-id-conflict-open').click();
    await testId('discard-confirm').click(); // leaving the half-filled form is asked first
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(otherHousehold.id));
    await testId('route-back').click();
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(householdId));
  });

  it('edits a member; Esc asks before it throws typed changes away', async () => {
    const son = testId('member-row').filter({ hasText: SON.name });
    await son.getByTestId('member-edit').click();
    await testId('person-phone').fill('13700000000');
    await page.keyboard.press('Escape');
    await testId('discard-keep').waitFor();
    await shot('06a-edit-person-esc');
    await page.keyboard.press('Enter'); // the question starts on 继续填写
    await testId('discard-keep').waitFor({ state: 'detached' });
    await expect(testId('person-phone').inputValue()).resolves.toBe('13700000000');
    await page.keyboard.press('Escape');
    await testId('discard-confirm').click(); // 放弃: the dialog closes, nothing saved
    await testId('person-form').waitFor({ state: 'detached' });
    const unchanged = await hostCall(host, 'households.get', {
      id: householdId,
      includeCancelledMembers: false,
    });
    expect(unchanged.members.find((m) => m.entry.name === SON.name)?.entry.phone).toBeNull();
    // Nothing typed: Esc closes at once.
    await son.getByTestId('member-edit').click();
    await testId('person-phone').waitFor();
    await page.keyboard.press('Escape');
    await testId('person-form').waitFor({ state: 'detached' });

    await son.getByTestId('member-edit').click();
    await pick('person-education', 'gz'); // 高中
    await testId('person-phone').fill('13912345678');
    await testId('person-phone').press('Control+Enter');
    await testId('person-form').waitFor({ state: 'detached' });
    const detail = await hostCall(host, 'households.get', {
      id: householdId,
      includeCancelledMembers: false,
    });
    const saved = detail.members.find((m) => m.entry.name === SON.name);
    expect(saved?.entry.education).toBe('04');
    expect(saved?.entry.phone).toBe('13912345678');
  });

  it('finds the household by the last 6 digits of a member’s ID', async () => {
    await testId('nav-households').click();
    await testId('region-tree').getByText('保康县').first().click();
    const digits = SPOUSE.id.slice(-6);
    const expected = await hostCall(host, 'households.list', {
      regionCode: null,
      status: 'active',
      search: digits,
      offset: 0,
      limit: 100,
    });
    expect(expected.rows.some((r) => r.id === householdId)).toBe(true);
    await testId('household-search').fill(digits);
    await expect
      .poll(() => testId('household-total').getAttribute('data-value'))
      .toBe(String(expected.total));
    const row = testId('household-row').filter({ hasText: householdNo });
    await expect(row.innerText()).resolves.toContain(SPOUSE.name); // the member that matched
    await shot('07-found-by-id-digits');
    // Keyboard: from the search box into the list, down to the household, Enter opens it.
    await testId('household-search').press('Enter');
    const index = Number(await row.getAttribute('data-index'));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => testId('page-household').getAttribute('data-household-id'))
      .toBe(String(householdId));
  });

  it('注销 a member with a reason, shows it with 显示已注销, and restores it', async () => {
    const son = testId('member-row').filter({ hasText: SON.name });
    await son.getByTestId('member-cancel').click();
    await testId('cancel-dialog').waitFor();
    await page.keyboard.type('qc'); // 迁出 (the reason field has the focus)
    await page.keyboard.press('Enter');
    await expect(testId('cancel-reason').innerText()).resolves.toContain('迁出');
    await shot('08-cancel-member');
    await page.keyboard.press('Control+Enter');
    await testId('cancel-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => testId('member-row').count()).toBe(2);
    await expect(testId('household-member-count').innerText()).resolves.toContain('2 人');

    await testId('member-show-cancelled').click();
    await expect.poll(() => testId('member-row').count()).toBe(3);
    await expect(testId('member-cancelled').innerText()).resolves.toContain('迁出');
    await shot('09-cancelled-shown');

    await testId('member-row').filter({ hasText: SON.name }).getByTestId('member-restore').click();
    await testId('restore-confirm').click();
    await expect.poll(() => testId('member-cancelled').count()).toBe(0);
    await expect(testId('household-member-count').innerText()).resolves.toContain('3 人');
  });

  it('shows all of it on the 历史 tab in plain Chinese', async () => {
    await testId('household-tab-history').click();
    await testId('history-list').waitFor();
    const text = await testId('history-list').innerText();
    expect(text).toContain('李文书');
    expect(text).toContain(SPOUSE.name);
    expect(text).toContain(SON.name);
    expect(text).toMatch(/注销/);
    expect(text).toMatch(/迁出/);
    expect(text).toMatch(/恢复/);
    expect(text).toMatch(/文化程度/);
    await shot('10-history');
  });

  it('分户: the 之子 leaves for a new household of his own (新立一户), with a new 户编号', async () => {
    await testId('household-tab-main').click();
    const son = testId('member-row').filter({ hasText: SON.name });
    await son.getByTestId('member-move').click();
    await testId('move-dialog').waitFor();
    await testId('move-mode-new').click();
    await expect.poll(() => testId('move-new-no').inputValue()).toMatch(new RegExp(`^${villageCode}\\d{4}$`));
    const newNo = await testId('move-new-no').inputValue();
    expect(newNo).not.toBe(householdNo);
    await shot('13-split-new-household');
    await testId('move-confirm').click();
    await expect.poll(() => testId('household-title').innerText()).toContain(newNo);
    const newId = Number(await testId('page-household').getAttribute('data-household-id'));
    expect(newId).not.toBe(householdId);
    await expect.poll(() => testId('member-row').count()).toBe(1);
    await expect(testId('member-row').innerText()).resolves.toContain('户主');
    await shot('14-split-new-household-page');
    const made = await hostCall(host, 'households.get', { id: newId, includeCancelledMembers: false });
    expect(made.household.headName).toBe(SON.name);
    expect(made.household.householdNo).toBe(newNo);
    const old = await hostCall(host, 'households.get', {
      id: householdId,
      includeCancelledMembers: false,
    });
    expect(old.household.memberCount).toBe(2);
    await testId('household-tab-history').click();
    await expect
      .poll(() => testId('history-list').innerText())
      .toContain(`从户 ${householdNo} 迁到户 ${newNo}`);
    await testId('route-back').click();
  });

  it('fits a 1024×768 screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await testId('household-tab-main').click();
    await testId('member-row').first().waitFor();
    await shot('11-household-1024');
    await testId('nav-households').click();
    await testId('household-row').first().waitFor();
    await shot('12-list-1024');
    const overflow = await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
  });
});
