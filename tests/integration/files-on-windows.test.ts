// Files as Windows and its antivirus treat them: a workbook open in Excel/WPS (EBUSY), scanners holding
// new files for a moment, temporary folders that cannot be deleted, and the clerk's local date in
// export names. Windows paths come from path.win32 and its errors are injected errno values; the
// copies, ledgers and exports themselves are real files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileRegistry } from '../../main/core/files/file-registry.ts';
import { removeDirQuietly, retryTransient } from '../../main/core/files/file-io.ts';
import { alternativeName, saveAs, saveFilters, withExtensionOf } from '../../main/core/files/save-as.ts';
import { openCore } from '../../main/core/index.ts';
import { allLedgers } from '../../shared/ledgers/index.ts';
import { LedgerError } from '../../shared/result.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const noWait = { wait: async () => undefined };

describe('saving a generated file where the clerk chooses', () => {
  const win = path.win32;
  const documents = 'C:\\Users\\张三\\Documents';
  const suggested = '外出务工台账-2026-12-07.xlsx';

  it('says in Chinese that Excel/WPS holds the file and offers another name', async () => {
    const chosen: string[] = [];
    const messages: string[] = [];
    const copied: string[] = [];
    const target = win.join(documents, suggested);
    const saved = await saveAs(
      'C:\\Temp\\county-ledger-x\\export.xlsx',
      suggested,
      documents,
      {
        chooseTarget: async (defaultPath, filters) => {
          expect(filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
          chosen.push(defaultPath);
          return defaultPath;
        },
        offerOtherName: async (message) => {
          messages.push(message);
          return true;
        },
      },
      {
        path: win,
        exists: (p) => p === target,
        // Excel holds the first name for good; the second one is free.
        copy: async (_from, to) => {
          if (to === target) throw errno('EBUSY');
          copied.push(to);
        },
        retry: noWait,
      },
    );
    expect(messages).toEqual([`无法保存“${target}”：文件正在被 Excel/WPS 打开，请关闭后重试。`]);
    expect(chosen).toEqual([target, win.join(documents, '外出务工台账-2026-12-07 (2).xlsx')]);
    expect(saved).toBe(win.join(documents, '外出务工台账-2026-12-07 (2).xlsx'));
    expect(copied).toEqual([saved]);
  });

  it('refuses with the Chinese message when the clerk declines another name', async () => {
    const error = await saveAs(
      'x.xlsx',
      suggested,
      documents,
      { chooseTarget: async (p) => p, offerOtherName: async () => false },
      { path: win, copy: async () => Promise.reject(errno('EBUSY')), retry: noWait },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('conflict');
    expect((error as LedgerError).message).toMatch(/文件正在被 Excel\/WPS 打开，请关闭后重试/);
    expect((error as LedgerError).message).not.toMatch(/EBUSY/);
  });

  it('waits out a scanner holding the file for a moment', async () => {
    let attempts = 0;
    const saved = await saveAs(
      'x.xlsx',
      suggested,
      documents,
      {
        chooseTarget: async (p) => p,
        offerOtherName: async () => expect.unreachable('the hold passed by itself'),
      },
      {
        path: win,
        copy: async () => {
          attempts += 1;
          if (attempts < 3) throw errno('EPERM');
        },
        retry: noWait,
      },
    );
    expect(saved).toBe(win.join(documents, suggested));
    expect(attempts).toBe(3);
  });

  it('copies the real file, adds .xlsx to a name typed without it, and returns null on cancel', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'generated.xlsx');
    fs.writeFileSync(source, 'PK workbook bytes');
    const dialogs = (answer: string | null) => ({
      chooseTarget: async () => answer,
      offerOtherName: async () => false,
    });
    const saved = await saveAs(source, suggested, dir, dialogs(path.join(dir, '给县里的台账')));
    expect(saved).toBe(path.join(dir, '给县里的台账.xlsx'));
    expect(fs.readFileSync(saved!, 'utf8')).toBe('PK workbook bytes');
    expect(await saveAs(source, suggested, dir, dialogs(null))).toBeNull();
  });

  it('names and filters', () => {
    expect(withExtensionOf('C:\\台账\\导出', 'a.xlsx', win)).toBe('C:\\台账\\导出.xlsx');
    expect(withExtensionOf('C:\\台账\\导出.XLSX', 'a.xlsx', win)).toBe('C:\\台账\\导出.XLSX');
    const taken = new Set(['D:\\a (2).xlsx']);
    expect(alternativeName('D:\\a (2).xlsx', (p) => taken.has(p), win)).toBe('D:\\a (3).xlsx');
    expect(saveFilters('错误报告-花名册.xlsx')[0]?.extensions).toEqual(['xlsx']);
  });
});

describe('renames and deletes that antivirus holds', () => {
  it('retries transient codes, then gives up with the original error; other codes fail at once', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 4) throw errno(calls % 2 ? 'EACCES' : 'EBUSY');
      return 'done';
    };
    await expect(retryTransient(flaky, noWait)).resolves.toBe('done');
    expect(calls).toBe(4);

    calls = 0;
    const full = async () => {
      calls += 1;
      throw errno('ENOSPC');
    };
    await expect(retryTransient(full, noWait)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toBe(1);

    calls = 0;
    const held = async () => {
      calls += 1;
      throw errno('EPERM');
    };
    await expect(retryTransient(held, { ...noWait, attempts: 5 })).rejects.toMatchObject({ code: 'EPERM' });
    expect(calls).toBe(5);
  });

  it('a temporary folder that cannot be deleted is reported, not thrown', () => {
    const error = removeDirQuietly('C:\\Users\\张三\\AppData\\Local\\Temp\\county-ledger-x', () => {
      throw errno('EBUSY');
    });
    expect(error).toMatchObject({ code: 'EBUSY' });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    expect(removeDirQuietly(dir)).toBeNull();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('closes the ledger and leaves no WAL behind when the temporary folder cannot be deleted', async () => {
    const ledgerPath = tempLedgerPath();
    const held = errno('EBUSY');
    const logged: unknown[] = [];
    const files = new FileRegistry(() => held);
    const core = await openCore({
      ledgerPath,
      host: 'browser',
      files,
      log: (_message, error) => logged.push(error),
    });
    fs.writeFileSync(files.tempPath('报告.xlsx'), 'x');
    core.ledger.sqlite
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', '2026-12-06T00:00:00Z')`)
      .run();
    expect(fs.existsSync(`${ledgerPath}-wal`)).toBe(true);
    await core.close();
    expect(logged).toEqual([held]);
    expect(core.ledger.sqlite.open).toBe(false);
    expect(fs.existsSync(`${ledgerPath}-wal`)).toBe(false);
  });
});

describe('export file names', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("carry the clerk's local date, also between 00:00 and 08:00 Beijing time", async () => {
    const client = await openTestClient();
    try {
      await client.ok('ledger.loadDemo', { households: 10, seed: 1 });
      process.env.TZ = 'Asia/Shanghai';
      vi.useFakeTimers({ toFake: ['Date'] });
      // 07:30 on 7 December in Beijing; UTC is still on the 6th.
      vi.setSystemTime(new Date('2026-12-06T23:30:00Z'));
      const ledger = allLedgers()[0]!;
      const out = await client.ok('ledgers.export', { ledgerId: ledger.id });
      expect(out.fileName).toBe(`${ledger.name}台账-2026-12-07.xlsx`);
    } finally {
      vi.useRealTimers();
      await client.close();
    }
  });
});
