// Backups, restore and the audit log from the command line (docs/reliability.md): `backup [--out DIR]`,
// `backups`, `verify FILE`, `restore FILE [--yes]`, `audit verify`.
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBindingOptions } from '../core/db/native-binding.ts';
import { LedgerError } from '../../shared/result.ts';
import { readAnchor, verifyAuditChain } from '../core/audit/audit-chain.ts';
import { restoreLedger } from '../core/backup/restore-ledger.ts';
import {
  backupDirOf,
  backupStamp,
  listBackups,
  REASON_LABEL,
  rotatingBackup,
  type BackupReason,
} from '../core/backup/rotation.ts';
import { verifyLedgerFile, type LedgerFileReport } from '../core/backup/verify-ledger-file.ts';
import { writeBackup } from '../core/backup/write-backup.ts';
import { acquireLedgerLock } from '../core/db/ledger-lock.ts';
import { openCore } from '../core/index.ts';
import { resolveLedgerPath } from '../core/paths.ts';
import type { CliIo } from './commands.ts';

type Values = Record<string, string | string[] | boolean | undefined>;
type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
const common = { db: { type: 'string' }, json: { type: 'boolean' } } as const satisfies OptionSpec;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const when = (d: Date) => d.toLocaleString('zh-CN', { hour12: false });

function describe(r: LedgerFileReport): string {
  const head = `${r.file}：${r.sound ? '完好' : r.ok ? '可用，但审计日志被改动过' : '有问题'}，${r.households} 户 ${r.persons} 人，${mb(r.bytes)}，数据库版本 ${r.schema ?? '未知'}`;
  const audit = r.audit
    ? `\n审计日志 ${r.audit.entries} 条，链条${r.audit.problems.length === 0 ? '完整' : '断开'}`
    : '';
  return [head + audit, ...[...r.problems, ...r.auditProblems].map((p) => `  问题：${p}`)].join('\n');
}

export const reliabilityCommands = {
  backup: {
    options: { ...common, out: { type: 'string' } } satisfies OptionSpec,
    run: async (values: Values, io: CliIo) => {
      const core = await openCore({
        ledgerPath: resolveLedgerPath(values.db as string | undefined),
        host: 'browser',
        program: '县域统筹台账命令行',
      });
      let report: LedgerFileReport;
      try {
        const out = values.out as string | undefined;
        report = out
          ? await writeBackup(
              core.ledger.sqlite,
              path.join(path.resolve(out), `台账备份-${backupStamp(new Date())}.db`),
            )
          : await rotatingBackup(core.ledger, 'manual');
      } finally {
        await core.close();
      }
      // Read back from where it landed (a USB stick): only then is it safe to unplug.
      const reread = verifyLedgerFile(report.file);
      if (!reread.ok)
        throw new LedgerError('internal', `备份写入后重新读取未通过：${reread.problems.join('；')}`);
      io.out(
        values.json ? JSON.stringify(reread) : `已备份并重新读取检查：${describe(reread)}\n可以拔出U盘。`,
      );
      return 0;
    },
  },

  backups: {
    options: { ...common } satisfies OptionSpec,
    run: (values: Values, io: CliIo) => {
      const dir = backupDirOf(resolveLedgerPath(values.db as string | undefined));
      const list = listBackups(dir);
      io.out(
        values.json
          ? JSON.stringify(list.map((b) => ({ ...b, at: b.at.toISOString() })))
          : list.length === 0
            ? `备份文件夹 ${dir} 中还没有备份。`
            : [
                `备份文件夹：${dir}`,
                ...list.map(
                  (b) =>
                    `  ${when(b.at)}  ${REASON_LABEL[b.reason as BackupReason] ?? b.reason}  ${mb(b.bytes)}  ${path.basename(b.file)}`,
                ),
              ].join('\n'),
      );
      return Promise.resolve(0);
    },
  },

  verify: {
    options: { json: { type: 'boolean' } } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => {
      const [file, ...more] = positionals;
      if (!file || more.length > 0)
        throw new LedgerError('bad-request', '请给出一个要检查的台账或备份文件：verify 文件');
      const report = verifyLedgerFile(path.resolve(file));
      io.out(values.json ? JSON.stringify(report) : describe(report));
      return Promise.resolve(report.sound ? 0 : 1);
    },
  },

  restore: {
    options: {
      db: { type: 'string' },
      json: { type: 'boolean' },
      yes: { type: 'boolean' },
    } satisfies OptionSpec,
    positionals: true,
    run: async (values: Values, io: CliIo, positionals: string[] = []) => {
      const [file, ...more] = positionals;
      if (!file || more.length > 0)
        throw new LedgerError('bad-request', '请给出用来恢复的备份文件：restore 文件 --yes');
      const ledgerPath = resolveLedgerPath(values.db as string | undefined);
      const source = verifyLedgerFile(path.resolve(file));
      if (!source.ok) throw new LedgerError('validation', `不能用它恢复：${describe(source)}`);
      if (!values.yes) {
        io.out(
          `将用 ${describe(source)}\n替换台账 ${ledgerPath}（当前台账会先另存到备份文件夹，可再恢复回来）。\n确认请加 --yes 重新运行。`,
        );
        return 2;
      }
      const lock = acquireLedgerLock(ledgerPath, '县域统筹台账命令行（恢复）');
      try {
        const result = await restoreLedger(ledgerPath, path.resolve(file));
        io.out(
          values.json
            ? JSON.stringify(result)
            : `已恢复：${describe(result.restored)}\n${result.savedCurrent ? `恢复前的台账已另存为 ${result.savedCurrent.file}（要撤销这次恢复，就用它再恢复一次）。` : ''}`,
        );
      } finally {
        lock.release();
      }
      return 0;
    },
  },

  audit: {
    options: { ...common } satisfies OptionSpec,
    positionals: true,
    run: (values: Values, io: CliIo, positionals: string[] = []) => {
      if (positionals.join(' ') !== 'verify') throw new LedgerError('bad-request', '用法：audit verify');
      const ledgerPath = resolveLedgerPath(values.db as string | undefined);
      const file = verifyLedgerFile(ledgerPath, 'quick', false);
      if (!file.ok) throw new LedgerError('validation', describe(file));
      const code = withReadOnly(ledgerPath, (db) => {
        const report = verifyAuditChain(db, readAnchor(ledgerPath));
        io.out(
          values.json
            ? JSON.stringify(report)
            : report.problems.length === 0
              ? `审计日志完整：${report.entries} 条，没有被修改、删除或调换的记录。`
              : [
                  `审计日志被改动过（共 ${report.entries} 条）：`,
                  ...report.problems.map((p) => `  ${p.message}`),
                ].join('\n'),
        );
        return report.problems.length === 0 ? 0 : 1;
      });
      return Promise.resolve(code);
    },
  },
};

function withReadOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOptions() });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
