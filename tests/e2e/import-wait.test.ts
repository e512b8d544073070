// A clerk saves a household while an import is writing (issue 13, one owner): the save waits for the
// import's commit with 正在导入，稍候保存 on screen, and then succeeds with the usual 户信息已保存. The import
// is held by its worker (held-commit.ts) until the test has seen the message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shortRegionName } from '../../shared/region-name.ts';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import type { MethodName, RequestOf } from '../../shared/contract/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { villageRoster } from '../helpers/workbooks.ts';
import { clientOf } from '../helpers/core-client.ts';
import { uploadToHost } from '../helpers/browser-upload.ts';
import { testHead, testHousehold } from '../helpers/register-entries.ts';
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

  /** Through the host's core, the path the page's requests take. */
  const call = <M extends MethodName>(method: M, request: RequestOf<M>) => clientOf(host).ok(method, request);

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
      household: testHousehold(),
      head: testHead('测试户主', makeIdNumber('110101', '1968-05-12', 901)),
    });
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
    await testId('region-tree').getByText(shortRegionName(VILLAGE_NAME), { exact: true }).first().click();
    await testId('household-row').filter({ hasText: '测试户主' }).first().dblclick();
    await testId('page-household').waitFor();
    await testId('household-edit').click();
    await testId('household-phone').fill('13900001111');

    // Meanwhile an import is committing (another clerk, or the same one in another tab).
    const roster = path.join(tempDir('held-'), HELD_COMMIT_FILE_NAME);
    fs.copyFileSync(villageRoster({ households: 3 }).file, roster);
    const fileId = await uploadToHost(host, roster, HELD_COMMIT_FILE_NAME);
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
