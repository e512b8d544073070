// 备份与恢复 in browser mode (Chromium, 1366×768): 立即备份, a backup to a folder typed on this PC (read
// back before 可以拔出U盘) and as a download, a restore from that copy after a confirmation in plain
// words (the page reloads with the restored ledger), and 撤销恢复 bringing the ledger before it back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../main/browser/server.ts';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { chromiumPage, e2eSkipReason, RENDERER_DIR } from './chromium.ts';

const skip = e2eSkipReason();

describe.skipIf(skip !== null)('备份与恢复 in browser mode (Chromium)', () => {
  const chromium = chromiumPage('backup');
  let host: BrowserHost;
  let page: Page;
  const testId = (id: string) => page.getByTestId(id);
  const households = async () => (await host.core.handlers['stats.summary']({ regionCode: null })).households;

  beforeAll(async () => {
    host = await startBrowserHost({ ledgerPath: tempLedgerPath(), rendererDir: RENDERER_DIR });
    await host.core.handlers['ledger.loadDemo']({ households: 40, seed: 7, ledgers: false });
    await host.core.handlers['settings.setOperator']({ name: '李文书' });
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
      await testId('backup-folder-save').click();
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
      const first = host.core.ledger.sqlite
        .prepare(`SELECT id FROM households WHERE status = 'active' ORDER BY id LIMIT 1`)
        .pluck()
        .get() as number;
      await host.core.handlers['households.cancel']({
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
