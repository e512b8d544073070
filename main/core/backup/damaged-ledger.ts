// A ledger that fails quick_check at start is not opened (startup-check.ts). The hosts then show one
// screen instead of a crash: what is wrong, the newest backup that passes integrity_check, and 恢复此备份 /
// 打开文件夹 / 退出. This is what both hosts (Electron's dialog, browser mode's page) say and do.
import path from 'node:path';
import { LedgerError } from '../../../shared/result.ts';
import { acquireLedgerLock } from '../db/ledger-lock.ts';
import { restoreLedger, type RestoreResult } from './restore-ledger.ts';
import { backupDirOf, listBackups, REASON_LABEL, type BackupReason } from './rotation.ts';

export interface DamagedLedger {
  ledgerPath: string;
  /** The start-up check's words (file, problem, the backup and the command). */
  message: string;
  backup: { file: string; at: Date; reasonLabel: string } | null;
  /** Where the backups are (打开文件夹). */
  folder: string;
}

/** The offer for a start-up refusal, or null when the error is something else. */
export function damagedLedgerOffer(ledgerPath: string, error: unknown): DamagedLedger | null {
  if (!(error instanceof LedgerError) || error.code !== 'ledger-damaged') return null;
  const file = (error.details as { backup?: string | null } | undefined)?.backup ?? null;
  const found = file === null ? undefined : listBackups(backupDirOf(ledgerPath)).find((b) => b.file === file);
  return {
    ledgerPath,
    message: error.message,
    backup: found
      ? {
          file: found.file,
          at: found.at,
          reasonLabel: REASON_LABEL[found.reason as BackupReason] ?? found.reason,
        }
      : null,
    folder: backupDirOf(ledgerPath),
  };
}

/** “2026/12/6 08:30:15（启动时）”. */
export const offerWhen = (b: NonNullable<DamagedLedger['backup']>): string =>
  `${b.at.toLocaleString('zh-CN', { hour12: false })}（${b.reasonLabel}）`;

/** The screen's sentences, shared by both hosts. */
export function offerSentences(d: DamagedLedger): { title: string; lines: string[] } {
  return {
    title: '台账文件已损坏，程序没有打开它',
    lines: [
      `台账文件 ${d.ledgerPath} 没有通过启动检查（可能是断电或磁盘故障造成的）。程序不会在损坏的文件上继续写。`,
      d.backup
        ? `最近一份完好的备份是 ${offerWhen(d.backup)}：${path.basename(d.backup.file)}。点“恢复此备份”用它替换损坏的台账；损坏的文件会原样另存到备份文件夹，不会删除。这份备份之后的修改需要重新录入。`
        : `备份文件夹 ${d.folder} 中没有完好的备份。请联系县里的信息员，用拷走的备份恢复（npm run ledger -- restore 备份文件）。`,
    ],
  };
}

/** 恢复此备份: under the ledger's lock (nothing else has it open), the damaged file kept aside. */
export async function restoreDamagedLedger(d: DamagedLedger, program: string): Promise<RestoreResult> {
  if (!d.backup) throw new LedgerError('not-found', '没有可用的完好备份。');
  const lock = acquireLedgerLock(d.ledgerPath, program);
  try {
    return await restoreLedger(d.ledgerPath, d.backup.file);
  } finally {
    lock.release();
  }
}
