// A clerk saves a household while an import is writing (issue 13, one owner): the save waits for the
// import's commit with 正在导入，稍候保存 on screen, and then succeeds with the usual 户信息已保存. The import
// is held by its worker (held-commit.ts) until the test has seen the message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { HELD_COMMIT_FILE_NAME, HELD_COMMIT_WORKER, releaseHeldCommit } from '../helpers/held-commit.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();
const VILLAGE_NAME = '东坡村委会';

describe.skipIf(skip !== null)('a save during an import (Chromium)', () => {
  const chromium = chromiumPage('import-wait');
  let host: BrowserHost;
  let page: Page;
  let householdId = 0;
  const testId = (id: string) => page.getByTestId(id);

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

  beforeAll(async () => {
    host = await startBrowserHost({
      ledgerPath: tempLedgerPath(),
      rendererDir: RENDERER_DIR,
      importWorker: HELD_COMMIT_WORKER,
    });
    await call('ledger.create', { countyCode: '420626' });
    await call('settings.setOperator', { name: '李文书' });
    const village = (await call('regions.tree', {})).find((r) => r.name === VILLAGE_NAME);
    const created = await call('households.create', {
      regionCode: village?.code ?? '',
      household: {
        poverty_attribute: '1', household_type: '2', monitor_category: null, poverty_status: '1', exit_year: 2019,
        main_cause: '01', other_causes: null, phone: null, address: null, identification_standard: '1',
        first_identified_year: 2014,
      },
      head: {
        name: '测试户主', id_type: '01', id_number: makeIdNumber('110101', '1968-05-12', 901), sex: '1',
        birth_date: null, relation: '01', ethnicity: '01', education: '03', school_status: null, health: '01',
        labor_skill: '01', work_months: null, political_status: '13', medical_insurance: 1,
        serious_illness_insurance: 1, pension_insurance: 1, dibao: 0, tekun: 0, phone: null,
      },
    }); // prettier-ignore
    householdId = created.id;
    page = await chromium.open();
  });
  afterAll(async () => {
    releaseHeldCommit(); // never leave the worker waiting
    await host?.close();
  });

  it('shows 正在导入，稍候保存 while the import commits, then saves', async () => {
    await page.goto(host.url);
    await testId('nav-households').click();
    await testId('region-tree').getByText(VILLAGE_NAME).first().click();
    await testId('household-row').filter({ hasText: '测试户主' }).first().dblclick();
    await testId('page-household').waitFor();
    await testId('household-edit').click();
    await testId('household-phone').fill('13900001111');

    // Meanwhile an import is committing (another clerk, or the same one in another tab).
    const roster = path.join(tempDir('held-'), HELD_COMMIT_FILE_NAME);
    fs.copyFileSync(villageRoster({ households: 3 }).file, roster);
    const res = await fetch(`http://127.0.0.1:${host.port}${UPLOAD_PATH}?name=${encodeURIComponent(HELD_COMMIT_FILE_NAME)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token },
      body: fs.readFileSync(roster),
    }); // prettier-ignore
    const { fileId } = ((await res.json()) as { value: { fileId: string } }).value;
    const { jobId } = await call('import.start', { fileId, sheet: null, regionCode: null, into: null });
    await expect
      .poll(async () => (await call('import.status', { jobId })).state, { timeout: 30_000 })
      .toBe('ready');
    await call('import.commit', { jobId, skipInvalid: true });
    await expect.poll(async () => (await call('app.writeState', {})).importCommitting).toBe(true);

    await testId('household-save').click();
    await page.getByText('正在导入，稍候保存').waitFor();
    expect(await call('app.writeState', {})).toEqual({ importCommitting: true, waitingWrites: 1 });
    await chromium.shot('01-waiting');

    releaseHeldCommit();
    await page.getByText('户信息已保存').waitFor();
    await page.getByText('正在导入，稍候保存').waitFor({ state: 'detached' });
    await chromium.shot('02-saved');
    expect((await call('import.status', { jobId })).state).toBe('done');
    const saved = await call('households.get', { id: householdId });
    expect(saved.household.entry.phone).toBe('13900001111');
  });
});
