// Backups that restore (issue 13): SQLite's backup API into a checked, user-only, self-contained file;
// rotation; restore that saves the ledger first (so it can be undone); damage found by the checks at
// start and by `verify`; private files and secure_delete. Real ledger files throughout.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  listBackups,
  rotatingBackup,
  type BackupEntry,
} from '../../main/core/backup/rotation.ts';
import { restoreLedger } from '../../main/core/backup/restore-ledger.ts';
import { verifyLedgerFile } from '../../main/core/backup/verify-ledger-file.ts';
import { writeBackup } from '../../main/core/backup/write-backup.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { openCore } from '../../main/core/index.ts';
import { sweepStaleTempDirs } from '../../main/core/files/file-registry.ts';
import { LedgerError } from '../../shared/result.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { damage } from '../helpers/damage.ts';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const posix = process.platform !== 'win32';

/** A ledger of the sample county with n households (register only), open through the core. */
async function ledgerWithHouseholds(n: number) {
  const core = await openCore({ ledgerPath: tempLedgerPath(), host: 'browser' });
  loadDemo(core.ledger, () => getRegionCatalog(), n, 1, '420626', { ledgers: false });
  return { core, close: () => core.close() };
}

const activeHouseholds = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM households WHERE status = 'active'`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('writes a checked, self-contained, user-only copy that opens with the same data', async () => {
    const c = await ledgerWithHouseholds(3);
    try {
      const out = path.join(tempDir(), 'usb', '台账备份.db');
      const report = await writeBackup(c.core.ledger.sqlite, out);
      expect(report.ok).toBe(true);
      expect(report.households).toBe(3);
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.existsSync(`${out}-wal`)).toBe(false);
      expect(fs.existsSync(`${out}.tmp`)).toBe(false);
      if (posix) expect(mode(out)).toBe(0o600);
      expect(verifyLedgerFile(out).sound).toBe(true);
      expect(activeHouseholds(out)).toBe(3);
    } finally {
      await c.close();
    }
  });

  it('keeps the newest 10, one a day for 7 days and one a week for 4 weeks', () => {
    const now = new Date(2026, 11, 6, 12, 0, 0);
    // Two backups a day for 40 days.
    const backups: BackupEntry[] = [];
    for (let d = 0; d < 40; d++)
      for (const h of [9, 15])
        backups.push({ file: `d${d}h${h}`, at: new Date(2026, 11, 6 - d, h), reason: 'start', bytes: 1 });
    backups.sort((a, b) => b.at.getTime() - a.at.getTime());
    const keep = backupsToKeep(backups, now);
    // Newest 10 = days 0–4 (both); days 5–6 newest of the day; weeks: the newest of each of the last 4.
    for (let d = 0; d < 5; d++) expect(keep.has(`d${d}h9`) && keep.has(`d${d}h15`)).toBe(true);
    expect(keep.has('d5h15') && keep.has('d6h15')).toBe(true);
    expect(keep.has('d5h9') || keep.has('d6h9')).toBe(false);
    expect(keep.has('d39h15')).toBe(false);
    expect(keep.size).toBeLessThanOrEqual(10 + 7 + 4);
    expect(keep.size).toBeGreaterThanOrEqual(12);
  });

  it('rotates in the backups folder beside the ledger and never removes the only good copy', async () => {
    const c = await ledgerWithHouseholds(1);
    try {
      for (let i = 0; i < 12; i++) await rotatingBackup(c.core.ledger, 'hourly', new Date(2026, 11, 6, 8, i));
      const dir = path.join(path.dirname(c.core.ledger.path), 'backups');
      const list = listBackups(dir);
      expect(list).toHaveLength(10);
      expect(list[0]?.at.getMinutes()).toBe(11);
      if (posix) expect(mode(dir)).toBe(0o700);
    } finally {
      await c.close();
    }
  });

  it('restores a backup, saving the ledger first so the restore can be undone', async () => {
    const c = await ledgerWithHouseholds(2);
    const ledgerPath = c.core.ledger.path;
    const backup = path.join(tempDir(), 'b.db');
    await writeBackup(c.core.ledger.sqlite, backup);
    await c.close();

    // After the backup the clerk adds a household, then restores the backup.
    const again = await openCore({ ledgerPath, host: 'browser' });
    again.ledger.sqlite.prepare(`UPDATE households SET status = 'cancelled' WHERE id = 1`).run();
    await again.close();
    expect(activeHouseholds(ledgerPath)).toBe(1);

    const result = await restoreLedger(ledgerPath, backup);
    expect(activeHouseholds(ledgerPath)).toBe(2);
    expect(result.savedCurrent?.households).toBe(1);
    expect(fs.existsSync(`${ledgerPath}.restore.tmp`)).toBe(false);
    if (posix) expect(mode(ledgerPath)).toBe(0o600);

    // Undo: restore the copy saved before the restore.
    await restoreLedger(ledgerPath, result.savedCurrent?.file ?? '');
    expect(activeHouseholds(ledgerPath)).toBe(1);
    // The ledger opens normally afterwards.
    const opened = await openCore({ ledgerPath, host: 'browser', safeguards: true });
    await opened.close();
  });

  it('refuses to restore from a damaged file and leaves the ledger as it was', async () => {
    const c = await ledgerWithHouseholds(2);
    const ledgerPath = c.core.ledger.path;
    const backup = path.join(tempDir(), 'b.db');
    await writeBackup(c.core.ledger.sqlite, backup);
    await c.close();
    damage(backup);
    const report = verifyLedgerFile(backup);
    expect(report.ok).toBe(false);
    expect(report.problems.join('')).toMatch(/损坏|无法打开|读取/);
    const before = fs.readFileSync(ledgerPath);
    await expect(restoreLedger(ledgerPath, backup)).rejects.toThrow(/不能用/);
    expect(fs.readFileSync(ledgerPath).equals(before)).toBe(true);
  });

  it('refuses to open a damaged ledger at start and names the newest sound backup', async () => {
    const c = await ledgerWithHouseholds(40);
    const ledgerPath = c.core.ledger.path;
    await rotatingBackup(c.core.ledger, 'start', new Date(2026, 11, 6, 8, 0));
    await c.close();
    damage(ledgerPath);
    const error = await openCore({ ledgerPath, host: 'browser', safeguards: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('ledger-damaged');
    expect((error as LedgerError).message).toContain('ledger-20261206-080000000-start.db');
    expect((error as LedgerError).message).toContain('restore');
    // The lock was released: the clerk (or the CLI) can restore at once.
    const backup = listBackups(path.join(path.dirname(ledgerPath), 'backups'))[0]?.file ?? '';
    const r = runLedgerCli(['restore', backup, '--yes', '--db', ledgerPath]);
    expect(r.code, r.stderr).toBe(0);
    expect(activeHouseholds(ledgerPath)).toBe(40);
  });

  it('CLI: backup --out re-reads the copy; verify exits 0 only for a sound ledger; restore asks first', async () => {
    const c = await ledgerWithHouseholds(2);
    const ledgerPath = c.core.ledger.path;
    await c.close();
    const usb = tempDir();
    const b = runLedgerCli(['backup', '--db', ledgerPath, '--out', usb, '--json']);
    expect(b.code, b.stderr).toBe(0);
    const written = JSON.parse(b.stdout) as { file: string; ok: boolean; households: number };
    expect(written.ok).toBe(true);
    expect(path.dirname(written.file)).toBe(usb);
    expect(runLedgerCli(['verify', written.file]).code).toBe(0);
    const copy = path.join(usb, 'damaged.db');
    fs.copyFileSync(written.file, copy);
    damage(copy);
    const bad = runLedgerCli(['verify', copy]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('有问题');
    const ask = runLedgerCli(['restore', written.file, '--db', ledgerPath]);
    expect(ask.code).toBe(2);
    expect(ask.stdout).toContain('--yes');
  });
});

describe('private files', () => {
  it.skipIf(!posix)(
    'creates the ledger, its WAL and SHM readable by the owner only, and tightens old files',
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'data', 'ledger.db');
      const ledger = await openLedger(file);
      ledger.sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('x', 'y', 'z')`).run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe(0o600);
      expect(mode(path.dirname(file))).toBe(0o700);
      await ledger.close();
      fs.chmodSync(file, 0o644);
      const reopened = await openLedger(file);
      expect(mode(file)).toBe(0o600);
      await reopened.close();
    },
  );

  it('overwrites deleted rows (secure_delete): a removed ID number is not left in the file', async () => {
    const file = tempLedgerPath();
    const ledger = await openLedger(file);
    const secret = '42062619800101123X-SECRET';
    ledger.sqlite
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('probe', ?, 'z')`)
      .run(secret);
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).includes(secret)).toBe(true);
    ledger.sqlite.prepare(`DELETE FROM settings WHERE key = 'probe'`).run();
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await ledger.close();
    expect(fs.readFileSync(file).includes(secret)).toBe(false);
  });

  it('removes temporary folders left by a session that ended without cleaning up, not those of running ones', () => {
    const tmp = tempDir();
    const dead = path.join(tmp, 'county-ledger-4000001-abcDEF');
    const running = path.join(tmp, 'county-ledger-4000002-xyzXYZ');
    const other = path.join(tmp, 'someone-else');
    for (const d of [dead, running, other]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, '上传.xlsx'), '420626198001011234');
    }
    expect(sweepStaleTempDirs(tmp, (pid) => pid === 4000002)).toBe(1);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
  });
});
