// 导入 in browser mode (Chromium) on a new ledger of 保康县 (420626): a messy village roster is uploaded,
// analysed in the background and previewed; the clerk sets 贫困户属性 to 不导入, sees the bad ID in row 8
// column E, downloads the error report, imports the valid rows, and undoes the batch from 导入历史 —
// then a second import whose rows were edited afterwards is refused in Chinese. Before that: a big file's
// progress (the page stays usable meanwhile) and 取消, and an unreadable file. The ledger is checked
// through the API at every step; each step leaves a screenshot (1366×768, some also at 1024×768).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { HELD_FILE_NAME, HELD_IMPORT_WORKER } from '../helpers/held-import.ts';
import { artifactPath, chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

/** A county-wide CSV big enough to watch the progress; the host's worker holds its preview back
 * (held-import.ts), so the test cancels it however fast the machine is. */
function bigCsv(rows: number): string {
  const file = path.join(tempDir('big-csv-'), HELD_FILE_NAME);
  const lines = ['户编号,户主姓名,姓名,性别,身份证号,与户主关系,村'];
  for (let i = 0; i < rows; i++) {
    lines.push(`H${i},户主${i},成员${i},男,4206261960010${String(i).padStart(5, '0')},户主,光千社区`);
  }
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

describe.skipIf(skip !== null)('导入 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('import');
  let host: BrowserHost;
  let page: Page;
  let batchId = 0;
  const roster = villageRoster({ badIdAt: 3, households: 3 });

  const testId = (id: string) => page.getByTestId(id);
  const shot = async (name: string, narrow = false) => {
    await page.screenshot({ path: artifactPath(`import-${name}.png`) });
    if (!narrow) return;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: artifactPath(`import-${name}-1024.png`) });
    await page.setViewportSize({ width: 1366, height: 768 });
  };

  /** A contract call over HTTP, as the page makes it (the request goes through the contract's defaults). */
  async function call<M extends MethodName>(
    method: M,
    request: Partial<RequestOf<M>>,
  ): Promise<ResponseOf<M>> {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(request),
    });
    const r = (await res.json()) as
      { ok: true; value: ResponseOf<M> } | { ok: false; error: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  }
  const householdTotal = async () => (await call('households.list', { regionCode: null })).total;

  /** Chooses the roster in the drop zone and waits for the preview. */
  async function chooseRoster() {
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(roster.file);
    await testId('import-preview').waitFor({ timeout: 30_000 });
    await expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');
  }

  beforeAll(async () => {
    host = await startBrowserHost({
      ledgerPath: tempLedgerPath(),
      rendererDir: RENDERER_DIR,
      importWorker: HELD_IMPORT_WORKER,
    });
    await call('ledger.create', { countyCode: '420626' });
    await call('settings.setOperator', { name: '导入员' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('opens 导入 with a place to drop the file', async () => {
    await page.goto(host.url);
    await testId('nav-import').click();
    await testId('import-chooser').waitFor({ timeout: 30_000 });
    await expect(testId('import-dropzone').innerText()).resolves.toContain('把表格文件拖到这里');
    expect(await householdTotal()).toBe(0);
    await shot('01-choose', true);
  });

  it('shows the progress of a big file, stays usable meanwhile, and cancels', async () => {
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(bigCsv(150_000));
    await testId('import-rows-read').waitFor({ timeout: 30_000 });
    await expect(testId('import-progress').getAttribute('data-state')).resolves.toMatch(/reading|analysing/);
    // The page answers while the core works: 导入历史 opens, and the progress is still there after.
    await page.getByRole('tab', { name: '导入历史' }).click();
    await testId('import-history').waitFor();
    await page.getByRole('tab', { name: '导入文件' }).click();
    await testId('import-progress').waitFor();
    await shot('02-progress', true);
    await testId('import-cancel-job').click();
    await testId('import-chooser').waitFor();
    await page.getByText('已取消导入，台账未改动。').waitFor();
    expect(await householdTotal()).toBe(0);
  });

  it('says in Chinese when a file cannot be read', async () => {
    const broken = path.join(tempDir('broken-'), '假表格.xlsx');
    fs.writeFileSync(broken, 'PK\u0003\u0004 this zip is cut off');
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(broken);
    await testId('import-failed').waitFor({ timeout: 30_000 });
    await expect(testId('import-failed').innerText()).resolves.toContain('假表格.xlsx');
    await shot('03-unreadable');
    await testId('import-choose-again').click();
    await testId('import-chooser').waitFor();
  });

  it('queues a third import while two run, says how many are before it, and cancels it', async () => {
    // Two imports held in analysis (the test worker never posts their preview) take both workers.
    const held: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(
        `http://127.0.0.1:${host.port}${UPLOAD_PATH}?name=${encodeURIComponent(HELD_FILE_NAME)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
          body: fs.readFileSync(bigCsv(1000)),
        },
      );
      const { value } = (await res.json()) as { value: { fileId: string } };
      held.push((await call('import.start', { fileId: value.fileId })).jobId);
    }
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(roster.file);
    await testId('import-queued').waitFor({ timeout: 30_000 });
    await expect(testId('import-progress').getAttribute('data-state')).resolves.toBe('queued');
    await expect(testId('import-phase').innerText()).resolves.toBe('排队中：前面还有 2 个导入');
    await shot('02b-queued', true);
    await testId('import-cancel-job').click();
    await testId('import-chooser').waitFor();
    await page.getByText('已取消导入，台账未改动。').waitFor();
    for (const jobId of held) await call('import.cancel', { jobId });
    expect(await householdTotal()).toBe(0);
  });

  it('uploads the roster and previews it: title, counts, the bad ID in row 8 column E', async () => {
    await chooseRoster();
    await expect(testId('import-file-name').innerText()).resolves.toBe('光千社区花名册.xlsx');
    await expect(testId('import-title').innerText()).resolves.toBe('城关镇光千社区建档立卡贫困户花名册');
    await expect(testId('import-households-created').getAttribute('data-value')).resolves.toBe('3');
    await expect(testId('import-skipped-count').getAttribute('data-value')).resolves.toBe('2');
    const bad = page.locator('[data-testid="import-issue-row"][data-level="error"]');
    await expect(bad.count()).resolves.toBe(1);
    await expect(bad.getAttribute('data-row')).resolves.toBe('8');
    await expect(bad.getAttribute('data-column')).resolves.toBe('E');
    await expect(bad.innerText()).resolves.toContain('证件号码');
    await expect(testId('import-commit').isDisabled()).resolves.toBe(true);
    await expect(testId('import-commit-skip').isEnabled()).resolves.toBe(true);
    expect(await householdTotal()).toBe(0); // a preview writes nothing
    await shot('04-preview-errors', true);
  });

  it('lets the clerk say that 贫困户属性 is not imported', async () => {
    await page.getByRole('tab', { name: /列对应/ }).click();
    await expect(testId('import-confidence-E').innerText()).resolves.not.toBe('未对应');
    const select = testId('import-map-G');
    await expect(select.innerText()).resolves.toContain('贫困户属性');
    await select.click();
    await page.keyboard.type('不导入');
    await page.keyboard.press('Enter');
    await expect.poll(() => testId('import-confidence-G').innerText()).toBe('未对应');
    await expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');
    await expect(select.innerText()).resolves.toContain('不导入');
    await shot('05-mapping', true);
  });

  it('downloads the error report with the token', async () => {
    await page.getByRole('tab', { name: /错误与提示/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      testId('import-error-report').click(),
    ]);
    expect(download.suggestedFilename()).toBe('错误报告-光千社区花名册.xlsx');
    expect(await download.failure()).toBeNull();
  });

  it('imports the valid rows after saying how many rows are skipped', async () => {
    await testId('import-commit-skip').click();
    await testId('import-skip-dialog').waitFor();
    await expect(testId('import-skip-dialog').innerText()).resolves.toMatch(
      /5 行写入台账，1 行不导入——其中 1 行有错误/,
    );
    await shot('06-skip-confirm');
    await testId('import-skip-confirm').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    batchId = Number(await testId('import-result').getAttribute('data-batch'));
    expect(batchId).toBeGreaterThan(0);
    await expect(testId('import-result-persons').innerText()).resolves.toContain('新增 5');
    expect(await householdTotal()).toBe(3);
    const history = await call('import.history', {});
    expect(history[0]).toMatchObject({
      batchId,
      fileName: '光千社区花名册.xlsx',
      operator: '导入员',
      undoneAt: null,
    });
    await shot('07-result', true);
  });

  it('shows the batch in 导入历史 and undoes it', async () => {
    await testId('import-open-history').click();
    const row = page.locator(`[data-testid="import-history-row"][data-batch="${batchId}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('光千社区花名册.xlsx');
    await expect(row.innerText()).resolves.toContain('导入员');
    await shot('08-history', true);
    await testId(`import-undo-${batchId}`).click();
    await testId('import-undo-confirm').click();
    await testId(`import-undone-${batchId}`).waitFor();
    await expect(row.getAttribute('data-undone')).resolves.toBe('true');
    expect(await householdTotal()).toBe(0);
    expect((await call('import.history', {}))[0]?.undoneBy).toBe('导入员');
    await shot('09-undone');
  });

  it('refuses in Chinese to undo a batch whose rows were edited afterwards', async () => {
    await page.getByRole('tab', { name: '导入文件' }).click();
    await testId('import-next').click();
    await chooseRoster();
    await testId('import-commit-skip').click();
    await testId('import-skip-confirm').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    const second = Number(await testId('import-result').getAttribute('data-batch'));
    expect(await householdTotal()).toBe(3);

    const list = await call('households.list', { regionCode: null });
    const first = list.rows[0];
    if (first === undefined) throw new Error('导入的户不在户列表中');
    await call('households.update', { id: first.id, patch: { address: '光千社区二组 12 号' } });

    await testId('import-open-history').click();
    await testId(`import-undo-${second}`).click();
    await testId('import-undo-confirm').click();
    await testId('import-undo-error').waitFor();
    await expect(testId('import-undo-error').innerText()).resolves.toMatch(/不能撤销第 \d+ 批导入/);
    expect(await householdTotal()).toBe(3);
    await shot('10-undo-refused', true);
  });

  it('holds back a household whose 户主 row is wrong, lists its rows, and says when nothing is written', async () => {
    // Households 1–3 are in the ledger (unchanged); GQ004 is new; GQ005's 户主 row (member 8) is wrong.
    const held = villageRoster({ households: 5, badIdAt: 8 });
    await page.getByRole('tab', { name: '导入文件' }).click();
    await testId('import-next').click();
    const choose = async () => {
      await testId('import-dropzone').locator('input[type="file"]').setInputFiles(held.file);
      await testId('import-preview').waitFor({ timeout: 30_000 });
      await expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');
    };
    await choose();
    await expect(testId('import-written').getAttribute('data-value')).resolves.toBe('8');
    await expect(testId('import-held-rows').getAttribute('data-value')).resolves.toBe('1');
    await testId('import-errors-only').waitFor();
    await page.getByRole('tab', { name: /不导入的行/ }).click();
    const heldRow = page.locator('[data-testid="import-not-imported-row"][data-kind="held"]');
    await expect(heldRow.innerText()).resolves.toContain('同户第 13 行（户主）有错误，本户其余 1 人暂未导入');
    await expect(heldRow.innerText()).resolves.toContain('配偶4');
    await shot('11-not-imported', true);
    await testId('import-commit-skip').click();
    await testId('import-skip-dialog').waitFor();
    await expect(testId('import-skip-dialog').innerText()).resolves.toMatch(
      /8 行写入台账，2 行不导入——其中 1 行有错误，1 行因同户的户主行/,
    );
    await shot('12-skip-confirm-held');
    await testId('import-skip-confirm').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    await expect(testId('import-result').getAttribute('data-written')).resolves.toBe('8');
    await expect(testId('import-result-not-imported').getAttribute('data-count')).resolves.toBe('2');
    await shot('13-result-not-imported', true);
    const batch = Number(await testId('import-result').getAttribute('data-batch'));
    await testId('import-open-history').click();
    const row = page.locator(`[data-testid="import-history-row"][data-batch="${batch}"]`);
    await expect(row.getByTestId('import-history-not-imported').innerText()).resolves.toBe('2 行');
    await row.locator('.ant-table-row-expand-icon').click();
    await testId(`import-history-not-imported-${batch}`).waitFor();
    await shot('14-history-not-imported', true);

    // The same file again: every row it can write is already there, unchanged. No batch, no green tick.
    await page.getByRole('tab', { name: '导入文件' }).click();
    await testId('import-next').click();
    await choose();
    await testId('import-commit-skip').click();
    await testId('import-skip-confirm').click();
    await testId('import-result').waitFor({ timeout: 30_000 });
    await expect(testId('import-result').getAttribute('data-batch')).resolves.toBe('');
    await expect(testId('import-result').innerText()).resolves.toContain('没有写入任何记录');
    await expect(testId('import-open-history').count()).resolves.toBe(0);
    await shot('15-nothing-written');
    expect((await call('import.history', {}))[0]?.batchId).toBe(batch);
  });

  it('says nothing would be written, and points at the 所属村 box, for a file without 村', async () => {
    const file = path.join(tempDir('no-village-'), '成员名单.csv');
    const ids = villageRoster({ households: 2 }).ids;
    fs.writeFileSync(
      file,
      ['姓名,性别,身份证号,与户主关系', `甲,男,${ids[0]},户主`, `乙,女,${ids[1]},配偶`].join('\n'),
    );
    await page.getByRole('tab', { name: '导入文件' }).click();
    await testId('import-next').click();
    await testId('import-dropzone').locator('input[type="file"]').setInputFiles(file);
    await testId('import-preview').waitFor({ timeout: 30_000 });
    await expect.poll(() => testId('import-preview').getAttribute('data-state')).toBe('ready');
    await expect(testId('import-nothing-written').innerText()).resolves.toMatch(
      /没有写入任何记录：文件中没有村列.*请在上方选择所属村/,
    );
    await expect(testId('import-commit').isDisabled()).resolves.toBe(true);
    await expect(testId('import-commit-skip').isDisabled()).resolves.toBe(true);
    await shot('16-no-village');
    await testId('import-cancel').click();
  });
});
