// One backup: SQLite's backup API (a consistent copy of the live ledger, never a file copy that could
// catch half a transaction) into <name>.tmp, created user-only; checked with integrity_check; flushed to
// the disk; then renamed into place. A copy that fails the check never replaces anything.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBindingOptions } from '../db/native-binding.ts';
import { createPrivateFile, fsyncDir, fsyncFile, mkdirPrivate } from '../db/private-files.ts';
import { LedgerError } from '../../../shared/result.ts';
import { verifyHere, type LedgerFileReport, type VerifyFile } from './verify-ledger-file.ts';

/** A backup is one file: the copy inherits WAL mode, which would need -wal/-shm files beside it. */
export function makeSelfContained(file: string): void {
  const copy = new Database(file, nativeBindingOptions());
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export async function writeBackup(
  source: Database.Database,
  file: string,
  verify: VerifyFile = verifyHere,
): Promise<LedgerFileReport> {
  mkdirPrivate(path.dirname(file));
  const tmp = `${file}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    createPrivateFile(tmp);
    await source.backup(tmp);
    makeSelfContained(tmp);
    // An edited audit log does not stop a backup (it is kept as evidence); damage does.
    const report = await verify(tmp, 'integrity', false);
    if (!report.ok)
      throw new LedgerError('internal', `备份未通过检查，未保存：${report.problems.join('；')}`);
    fsyncFile(tmp);
    fs.renameSync(tmp, file);
    fsyncDir(path.dirname(file));
    return { ...report, file };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
