// 备份与恢复 over the contract (docs/reliability.md): the automatic backups beside the ledger, a backup
// now, a backup to a folder or USB stick (read back and checked before 可以拔出U盘), a check of any
// backup, and a restore that first saves the current ledger (so the restore itself can be undone).
// Backups are named by their file name in the backup folder, never by a path the UI makes up; a file
// elsewhere comes as a picked or uploaded fileId, or (browser mode, files over the upload limit) a path
// typed on this PC.
import { z } from 'zod';
import { method } from './define.ts';
import { fileId } from './import.ts';

/** Why a backup was taken; the labels are the screen's (启动时 …). */
export const BACKUP_REASONS = ['start', 'hourly', 'before-import', 'before-restore', 'manual'] as const;
export const BACKUP_REASON_LABEL: Record<(typeof BACKUP_REASONS)[number], string> = {
  start: '启动时',
  hourly: '定时',
  'before-import': '导入前',
  'before-restore': '恢复前',
  manual: '手动',
};

/** A file name in the backup folder: ledger-20261206-083015123-start.db. */
export const backupName = z
  .string()
  .regex(/^ledger-\d{8}-\d{6}(\d{3})?-[a-z-]+\.db$/, '不是备份文件夹中的备份文件名');

export const backupItem = z.object({
  fileName: backupName,
  /** When it was taken (ISO, from the name). */
  at: z.string(),
  reason: z.string(),
  reasonLabel: z.string(),
  bytes: z.number().int(),
});

/** What a check of a ledger file found (verify-ledger-file.ts), as the screen shows it. */
export const backupCheck = z.object({
  /** The name shown to the clerk (file name, never a temporary path). */
  fileName: z.string(),
  ok: z.boolean(),
  sound: z.boolean(),
  problems: z.array(z.string()),
  auditProblems: z.array(z.string()),
  schema: z.string().nullable(),
  households: z.number().int(),
  persons: z.number().int(),
  bytes: z.number().int(),
});

export const backupSource = z.union([
  z.object({ backup: backupName }).strict(),
  z.object({ fileId }).strict(),
  z.object({ path: z.string().trim().min(1, '请填写文件路径').max(1000) }).strict(),
]);

const folderRequest = z
  .object({
    /**
     * Desktop: null opens the folder dialog. Browser mode: a folder typed on this PC, or null for a
     * download of the checked file.
     */
    folder: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();

export const backupsContract = {
  'backups.list': method({
    summary: '备份文件夹中的自动和手动备份（时间、原因、大小），新的在前',
    request: z.object({}).strict(),
    response: z.object({ folder: z.string(), items: z.array(backupItem) }),
    errors: [],
  }),
  'backups.create': method({
    summary: '立即备份到台账旁的备份文件夹（经完整性检查，计入轮换）',
    request: z.object({}).strict(),
    response: backupItem.extend({ check: backupCheck }),
    errors: [],
  }),
  'backups.toFolder': method({
    summary: '备份到选定的文件夹或U盘：写完后重新读取检查，通过才可拔出；记入操作日志（含 SHA-256）',
    request: folderRequest,
    response: z.object({
      /** Null: the clerk closed the folder dialog. */
      savedTo: z.string().nullable(),
      fileName: z.string(),
      /** Browser mode without a folder: where to download the checked file. */
      downloadPath: z.string().nullable(),
      sha256: z.string(),
      check: backupCheck.nullable(),
    }),
    errors: ['validation', 'not-found'],
  }),
  'backups.pickFile': method({
    summary: '选择用来恢复的备份文件（窗口程序的打开对话框）',
    request: z.object({}).strict(),
    response: z.object({ fileId: fileId.nullable(), fileName: z.string().nullable() }),
    errors: [],
  }),
  'backups.verify': method({
    summary: '检查一份备份：SQLite 完整性检查、是否本程序的台账、数据库版本、户数人数、审计日志',
    request: z.object({ source: backupSource }).strict(),
    response: backupCheck,
    errors: ['not-found'],
  }),
  'backups.restore': method({
    summary: '用一份备份替换当前台账；当前台账先另存为“恢复前”备份，可用它撤销这次恢复',
    request: z.object({ source: backupSource }).strict(),
    response: z.object({
      restored: backupCheck,
      /** The ledger as it was, saved as a backup: restoring it undoes this restore. */
      savedCurrent: backupItem.nullable(),
    }),
    errors: ['validation', 'not-found', 'forbidden'],
  }),
};
