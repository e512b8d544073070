// Restore: the chosen file replaces the ledger, and the ledger as it was is saved first as a backup, so
// the restore itself can be undone by restoring that one. The caller holds the ledger's lock and has no
// connection open. The file is copied through SQLite's backup API into <ledger>.restore.tmp, checked,
// flushed and renamed over the ledger (a crash leaves either the old ledger or the new one).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../../../shared/result.ts';
import { chainedAuditHead, writeAnchor } from '../audit/audit-chain.ts';
import { nativeBindingOptions } from '../db/native-binding.ts';
import { createPrivateFile, fsyncDir, fsyncFile } from '../db/private-files.ts';
import { backupDirOf, backupStamp } from './rotation.ts';
import { verifyHere, type LedgerFileReport, type VerifyFile } from './verify-ledger-file.ts';
import { makeSelfContained, writeBackup } from './write-backup.ts';

export interface RestoreResult {
  restored: LedgerFileReport;
  /** The ledger as it was before, saved as a backup (null when there was none). */
  savedCurrent: LedgerFileReport | null;
}

/** Refuses a source that is the ledger itself or not a sound ledger of a version this program knows. */
export async function checkRestoreSource(
  ledgerPath: string,
  source: string,
  verify: VerifyFile = verifyHere,
): Promise<LedgerFileReport> {
  if (path.resolve(source) === path.resolve(ledgerPath))
    throw new LedgerError('bad-request', '要恢复的文件就是当前台账本身。');
  const checked = await verify(source, 'integrity', true);
  if (!checked.ok)
    throw new LedgerError(
      'validation',
      `不能用 ${path.basename(source)} 恢复：${checked.problems.join('；')}`,
    );
  return checked;
}

export async function restoreLedger(
  ledgerPath: string,
  source: string,
  now = new Date(),
  /** How files are checked (the hosts: off the thread that answers the UI). */
  verify: VerifyFile = verifyHere,
  /** The source's check when the caller made it already (checkRestoreSource), before closing its ledger. */
  checkedSource?: LedgerFileReport,
): Promise<RestoreResult> {
  const checked = checkedSource ?? (await checkRestoreSource(ledgerPath, source, verify));

  let savedCurrent: LedgerFileReport | null = null;
  if (fs.existsSync(ledgerPath) && fs.statSync(ledgerPath).size > 0) {
    const current = new Database(ledgerPath, nativeBindingOptions());
    try {
      // A damaged ledger cannot be backed up whole; it is kept aside as it is instead.
      const sound = (await verify(ledgerPath, 'quick', false)).ok;
      const target = path.join(backupDirOf(ledgerPath), `ledger-${backupStamp(now)}-before-restore.db`);
      if (sound) savedCurrent = await writeBackup(current, target, verify);
      else fs.copyFileSync(ledgerPath, target.replace(/\.db$/, '-damaged.db.bak'));
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }

  const tmp = `${ledgerPath}.restore.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    createPrivateFile(tmp);
    const from = new Database(source, { readonly: true, fileMustExist: true, ...nativeBindingOptions() });
    try {
      await from.backup(tmp);
    } finally {
      from.close();
    }
    makeSelfContained(tmp);
    const copy = await verify(tmp, 'integrity', false);
    if (!copy.ok) throw new LedgerError('internal', `恢复中止，台账未改动：${copy.problems.join('；')}`);
    fsyncFile(tmp);
    fs.renameSync(tmp, ledgerPath);
    for (const extra of ['-wal', '-shm']) fs.rmSync(`${ledgerPath}${extra}`, { force: true });
    fsyncDir(path.dirname(path.resolve(ledgerPath)));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  // The anchor now describes the restored log (the old one would call it truncated).
  const db = new Database(ledgerPath, { readonly: true, ...nativeBindingOptions() });
  try {
    writeAnchor(ledgerPath, chainedAuditHead(db));
  } finally {
    db.close();
  }
  return { restored: { ...checked }, savedCurrent };
}
