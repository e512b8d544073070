// 备份与恢复 in browser mode (Chromium, 1366×768): 立即备份, a backup to a folder typed on this PC (read
// back before 可以拔出U盘) and as a download, a restore from that copy after a confirmation in plain
// words (the page reloads with the restored ledger), and 撤销恢复 bringing the ledger before it back.
// And the page a damaged ledger gets at start instead of a crash (恢复此备份 / 打开文件夹 / 退出).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHostOrRecovery } from '../../main/browser/damaged-ledger-host.ts';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { hostCall, readLedger } from '../helpers/host-ledger.ts';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { damage } from '../helpers/damage.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('备份与恢复 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('backup');
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);
  const households = async () => (await hostCall(host, 'stats.summary', { regionCode: null })).households;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await hostCall(host, 'ledger.loadDemo', { households: 40, seed: 7, ledgers: false });
    await hostCall(host, 'settings.setOperator', { name: '李文书' });
    page = await chromium.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it(
    'backs up now, to a folder and as a download; restores from the copy; 撤销恢复 undoes it',
    { timeout: 300_000 },
    async () => {
      await page.goto(host.url);
      await testId('nav-settings').click();
      await testId('backup-panel').waitFor();
      await testId('backup-now').click();
      await page.getByText('手动', { exact: true }).first().waitFor();
      await chromium.shot('01-list');

      const usb = tempDir('usb-');
      await testId('backup-to-folder').click();
      await testId('backup-folder-input').fill(usb);
      await chromium.shot('02-folder-dialog');
      await testId('backup-folder-use').click();
      await testId('backup-copied').waitFor();
      await expect(testId('backup-copied').innerText()).resolves.toContain('可以拔出U盘');
      const [copy = ''] = fs.readdirSync(usb);
      expect(copy).toMatch(/^台账备份-.*\.db$/);
      expect(verifyLedgerFile(path.join(usb, copy)).ok).toBe(true);
      await chromium.shot('03-copied');

      await testId('backup-to-folder').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        testId('backup-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^台账备份-.*\.db$/);
      expect(verifyLedgerFile(await download.path()).ok).toBe(true);

      // A change after the backup: the restore takes it away, the undo brings it back.
      const first = readLedger(host, (db) =>
        db.prepare(`SELECT id FROM households WHERE status = 'active' ORDER BY id LIMIT 1`).pluck().get(),
      ) as number;
      await hostCall(host, 'households.cancel', {
        id: first,
        reason: '05',
        note: null,
        date: '2026-12-01',
      });
      expect(await households()).toBe(39);

      await testId('backup-restore-file').click();
      await testId('backup-path-input').fill(path.join(usb, copy));
      await testId('backup-path-use').click();
      await testId('backup-confirm').waitFor();
      const sentences = await testId('backup-confirm').innerText();
      expect(sentences).toContain('这份备份中有 40 户');
      expect(sentences).toContain('撤销恢复');
      await chromium.shot('04-confirm');
      await testId('backup-confirm-restore').click();
      await testId('backup-restored').waitFor({ timeout: 60_000 });
      expect(await households()).toBe(40);
      await chromium.shot('05-restored');

      await testId('backup-undo-restore').click();
      await testId('backup-confirm').waitFor();
      await expect(testId('backup-confirm').innerText()).resolves.toContain('这份备份中有 39 户');
      await testId('backup-confirm-restore').click();
      // After the reload the note names the 恢复前 backup as the one restored.
      await page.getByText(/before-restore\.db（39 户/).waitFor({ timeout: 60_000 });
      expect(await households()).toBe(39);
      await chromium.shot('06-undone');
    },
  );
});

describe.skipIf(skip !== null)('a damaged ledger at start in browser mode (Chromium)', () => {
  const chromium = chromiumPage('damaged');
  let host: BrowserHost | undefined;
  afterAll(async () => {
    await host?.close();
  });

  it(
    'shows the damage page with the newest sound backup; 恢复此备份 opens the restored ledger',
    { timeout: 300_000 },
    async () => {
      const ledgerPath = tempLedgerPath();
      const first = await startBrowserHost({ ledgerPath, rendererDir: RENDERER_DIR });
      await hostCall(first, 'ledger.loadDemo', { households: 30, seed: 2, ledgers: false });
      await hostCall(first, 'backups.create', {});
      await first.close();
      damage(ledgerPath);

      let announced = '';
      const started = startBrowserHostOrRecovery(
        { ledgerPath, rendererDir: RENDERER_DIR },
        { announce: (url) => (announced = url), openFolder: () => undefined },
      );
      const page = await chromium.open();
      await expect.poll(() => announced, { timeout: 120_000 }).not.toBe('');
      await page.goto(announced);
      const text = await page.locator('main').innerText();
      expect(text).toContain('台账文件已损坏，程序没有打开它');
      expect(text).toMatch(/最近一份完好的备份是 .*（手动）：ledger-\d{8}-\d{9}-manual\.db/);
      await chromium.shot('01-offer');
      await page.getByTestId('recover-open-folder').click();
      await page.getByTestId('recover-note').waitFor();
      await page.getByTestId('recover-restore').click();
      // The page moves on by itself (a refresh a second after 已恢复): wait for where it lands, not for
      // the short-lived 已恢复 page, which a slow machine may never be caught showing.
      host = await started;
      const port = String(host.port);
      await page.waitForURL((u) => u.port === port, { timeout: 120_000 });
      await page.getByTestId('nav-settings').waitFor({ timeout: 60_000 });
      expect((await hostCall(host, 'stats.summary', { regionCode: null })).households).toBe(30);
      expect(fs.readdirSync(path.join(path.dirname(ledgerPath), 'backups')).join(' ')).toMatch(
        /-damaged\.db\.bak/,
      );
      await chromium.shot('03-app');
    },
  );
});
