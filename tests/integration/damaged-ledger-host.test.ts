// Browser mode with a ledger that fails its start-up check: the page instead of a crash, guarded by the
// session token and the origin; 退出 leaves the ledger untouched and ends with the start-up error; a
// ledger that is fine starts the host directly, with no page in between.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHostOrRecovery } from '../../main/browser/damaged-ledger-host.ts';
import { startBrowserHost } from '../../main/browser/server.ts';
import { hostCall } from '../helpers/host-ledger.ts';
import { LedgerError } from '../../shared/result.ts';
import { damage } from '../helpers/damage.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

const rendererDir = tempDir('renderer-');

async function damagedLedgerWithBackup(): Promise<string> {
  const ledgerPath = tempLedgerPath();
  const host = await startBrowserHost({ ledgerPath, rendererDir });
  await hostCall(host, 'ledger.loadDemo', { households: 10, seed: 1, ledgers: false });
  await hostCall(host, 'backups.create', {});
  await host.close();
  damage(ledgerPath);
  return ledgerPath;
}

const form = (url: string, token: string, origin: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ t: token }).toString(),
  });

describe('browser mode with a damaged ledger', () => {
  it('offers the newest sound backup behind the token; 退出 leaves the file as it was', async () => {
    const ledgerPath = await damagedLedgerWithBackup();
    const bytes = fs.readFileSync(ledgerPath);
    let announced = '';
    const opened: string[] = [];
    const started = startBrowserHostOrRecovery(
      { ledgerPath, rendererDir },
      { announce: (url) => (announced = url), openFolder: (f) => opened.push(f) },
    );
    const outcome = started.then(
      () => null,
      (e: unknown) => e,
    );
    await expect.poll(() => announced, { timeout: 60_000 }).not.toBe('');
    const url = new URL(announced);
    const token = url.searchParams.get('t') ?? '';

    const page = await (await fetch(announced)).text();
    expect(page).toContain('台账文件已损坏，程序没有打开它');
    expect(page).toMatch(/最近一份完好的备份是 .*（手动）：ledger-\d{8}-\d{9}-manual\.db/);
    expect(page).toContain('恢复此备份');
    expect((await fetch(`${url.origin}/`)).status).toBe(403); // no token, no page

    const origin = url.origin;
    expect((await form(`${origin}/restore`, 'wrong', origin)).status).toBe(403);
    expect((await form(`${origin}/restore`, token, 'http://evil.example')).status).toBe(403);
    const folder = await form(`${origin}/open-folder`, token, origin);
    expect(await folder.text()).toContain('已打开备份文件夹');
    expect(opened).toEqual([path.join(path.dirname(ledgerPath), 'backups')]);
    expect(fs.readFileSync(ledgerPath).equals(bytes)).toBe(true);

    const quit = await form(`${origin}/quit`, token, origin);
    expect(await quit.text()).toContain('程序已退出');
    const error = await outcome;
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('ledger-damaged');
    expect(fs.readFileSync(ledgerPath).equals(bytes)).toBe(true);
  }, 120_000);

  it('a sound ledger starts the host at once', async () => {
    let announced = '';
    const host = await startBrowserHostOrRecovery(
      { ledgerPath: tempLedgerPath(), rendererDir },
      { announce: (url) => (announced = url) },
    );
    await host.close();
    expect(announced).toBe('');
  });
});
