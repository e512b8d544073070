// At start the ledger gets SQLite's quick_check (a fraction of integrity_check's time). A damaged ledger
// is not opened: the clerk is told which automatic backup is the newest sound one and how to restore it.
import fs from 'node:fs';
import { LedgerError } from '../../../shared/result.ts';
import { backupDirOf, listBackups, REASON_LABEL, type BackupReason } from './rotation.ts';
import { verifyHere, type VerifyFile } from './verify-ledger-file.ts';

export async function newestSoundBackup(
  ledgerPath: string,
  verify: VerifyFile = verifyHere,
): Promise<{ file: string; at: Date; reason: string } | null> {
  for (const b of listBackups(backupDirOf(ledgerPath))) {
    if ((await verify(b.file, 'integrity', false)).ok) return b;
  }
  return null;
}

export async function checkLedgerAtStart(ledgerPath: string, verify: VerifyFile = verifyHere): Promise<void> {
  if (!fs.existsSync(ledgerPath) || fs.statSync(ledgerPath).size === 0) return;
  const report = await verify(ledgerPath, 'quick', false);
  if (report.ok) return;
  const backup = await newestSoundBackup(ledgerPath, verify);
  const when = (d: Date) => d.toLocaleString('zh-CN', { hour12: false });
  throw new LedgerError(
    'ledger-damaged',
    `台账文件 ${ledgerPath} 检查未通过：${report.problems.join('；')}\n` +
      (backup
        ? `最近一份完好的自动备份是 ${when(backup.at)}（${REASON_LABEL[backup.reason as BackupReason] ?? backup.reason}）：${backup.file}\n` +
          `恢复方法：关闭本程序，运行 npm run ledger -- restore "${backup.file}" --yes（当前文件会先另存到备份文件夹）。`
        : '没有找到完好的自动备份，请联系县里的信息员，用拷走的备份恢复（npm run ledger -- restore 备份文件）。'),
    { backup: backup?.file ?? null },
  );
}
