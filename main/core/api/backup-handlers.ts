// 备份与恢复 over the contract (shared/contract/backups.ts). The checks run off the thread that answers
// the UI (ctx.backups.verify); the restore itself is the core's (index.ts), which closes and reopens the
// ledger around restoreLedger. A backup to a folder is an export of every person's full ID number:
// written to the audit log with its SHA-256 like any export.
import fs from 'node:fs';
import path from 'node:path';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/api.ts';
import type { backupsContract } from '../../../shared/contract/backups.ts';
import { LedgerError } from '../../../shared/result.ts';
import { writeAudit } from '../audit/audit-log.ts';
import type { RestoreResult } from '../backup/restore-ledger.ts';
import {
  backupDirOf,
  backupStamp,
  listBackups,
  REASON_LABEL,
  rotatingBackup,
  type BackupEntry,
  type BackupReason,
} from '../backup/rotation.ts';
import type { LedgerFileReport, VerifyFile } from '../backup/verify-ledger-file.ts';
import { writeBackup } from '../backup/write-backup.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { auditExport, fileSha256 } from '../exports/export-guard.ts';
import { getOperator } from '../ledger/operator.ts';
import type { Handlers } from './dispatch.ts';
import type { HandlerContext } from './handlers.ts';

/** What the core lends the backup handlers: checks off the UI thread, and the restore it owns. */
export interface BackupHost {
  verify: VerifyFile;
  /** Replaces the ledger file; resolves with the reopened ledger. */
  restore(source: string): Promise<{ result: RestoreResult; ledger: Ledger }>;
}

const item = (b: BackupEntry) => ({
  fileName: path.basename(b.file),
  at: b.at.toISOString(),
  reason: b.reason,
  reasonLabel: REASON_LABEL[b.reason as BackupReason] ?? b.reason,
  bytes: b.bytes,
});

const check = (r: LedgerFileReport, fileName = path.basename(r.file)) => ({
  fileName,
  ok: r.ok,
  sound: r.sound,
  problems: r.problems,
  auditProblems: r.auditProblems,
  schema: r.schema,
  households: r.households,
  persons: r.persons,
  bytes: r.bytes,
});

/** 台账备份-20261206-083015123.db: the name a copy gets on a USB stick (as the CLI's backup --out). */
const copyName = () => `台账备份-${backupStamp(new Date())}.db`;

function existingFolder(folder: string): string {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new LedgerError('validation', `找不到文件夹 ${dir}，请检查路径或U盘是否插好。`);
  return dir;
}

export function backupHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof backupsContract> {
  const { ledger } = ctx;
  const host = (): BackupHost => {
    if (!ctx.backups) throw new LedgerError('forbidden', '这种运行方式不提供备份与恢复，请用命令行。');
    return ctx.backups;
  };
  const dir = () => backupDirOf(ledger.path);

  /** The file a request names: a listed backup, a picked or uploaded file, or a path on this PC. */
  function sourcePath(source: { backup: string } | { fileId: string } | { path: string }) {
    if ('fileId' in source) {
      const f = ctx.files.get(source.fileId);
      return { file: f.path, name: f.name };
    }
    const file = 'backup' in source ? path.join(dir(), source.backup) : path.resolve(source.path);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile())
      throw new LedgerError('not-found', `找不到文件 ${'backup' in source ? source.backup : file}。`);
    return { file, name: path.basename(file) };
  }

  return {
    'backups.list': () => ({ folder: dir(), items: listBackups(dir()).map(item) }),

    'backups.create': async () => {
      const report = await rotatingBackup(ledger, 'manual', new Date(), host().verify);
      const entry = listBackups(dir()).find((b) => b.file === report.file);
      if (!entry) throw new LedgerError('internal', '备份已写入，但在备份文件夹中找不到它。');
      return { ...item(entry), check: check(report) };
    },

    'backups.toFolder': async ({ folder }) => {
      const { verify } = host();
      const fileName = copyName();
      let target: string;
      let download = false;
      if (folder !== null) target = path.join(existingFolder(folder), fileName);
      else if (ctx.dialogs?.pickFolder) {
        const picked = await ctx.dialogs.pickFolder('选择备份到哪个文件夹或U盘');
        if (picked === null) return { savedTo: null, fileName, downloadPath: null, sha256: '', check: null };
        target = path.join(existingFolder(picked), fileName);
      } else if (ctx.host === 'browser') {
        target = ctx.files.tempPath(fileName);
        download = true;
      } else throw new LedgerError('validation', '请选择或填写要备份到的文件夹。');

      await writeBackup(ledger.sqlite, target, verify);
      // Read back from where it landed (a USB stick): only a copy that opens and passes is safe to unplug.
      const reread = await verify(target, 'integrity', false);
      if (!reread.ok) {
        fs.rmSync(target, { force: true });
        throw new LedgerError(
          'internal',
          `备份写入后重新读取未通过，请换一个U盘或文件夹重试：${reread.problems.join('；')}`,
        );
      }
      const sha256 = await fileSha256(target);
      auditExport(ledger, {
        fileName,
        what: '台账备份',
        rows: reread.households,
        masked: false,
        fullIds: reread.persons,
        sha256,
      });
      if (!download) return { savedTo: target, fileName, downloadPath: null, sha256, check: check(reread) };
      const fileId = ctx.files.register({ path: target, name: fileName, temporary: true });
      return {
        savedTo: null,
        fileName,
        downloadPath: `${DOWNLOAD_PATH_PREFIX}${fileId}`,
        sha256,
        check: check(reread),
      };
    },

    'backups.pickFile': async () => {
      const picked = ctx.dialogs ? await ctx.dialogs.pickFile('backup') : null;
      if (!picked) return { fileId: null, fileName: null };
      return { fileId: ctx.files.register({ ...picked, temporary: false }), fileName: picked.name };
    },

    'backups.verify': async ({ source }) => {
      const { file, name } = sourcePath(source);
      return check(await host().verify(file, 'integrity', true), name);
    },

    'backups.restore': async ({ source }) => {
      const { file, name } = sourcePath(source);
      const sha256 = await fileSha256(file);
      const { result, ledger: reopened } = await host().restore(file);
      const saved = result.savedCurrent
        ? (listBackups(dir()).find((b) => b.file === result.savedCurrent?.file) ?? null)
        : null;
      // Written into the restored ledger: its log now says when, from what, and where the old one went.
      reopened.sqlite.transaction(() =>
        writeAudit(reopened, {
          operator: getOperator(reopened) ?? '未填写',
          action: 'restore',
          entity: 'file',
          entityId: name,
          householdId: null,
          label: '恢复台账',
          changes: [
            { field: 'source', before: null, after: name },
            { field: 'sha256', before: null, after: sha256 },
            { field: 'saved_current', before: null, after: saved ? path.basename(saved.file) : null },
          ],
        }),
      )();
      return { restored: check(result.restored, name), savedCurrent: saved ? item(saved) : null };
    },
  };
}
