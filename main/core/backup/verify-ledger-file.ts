// Is this file a sound ledger? Read-only: SQLite's integrity_check over every page and index, the
// program's schema version (known to this program), the audit chain, and what it holds — for backups
// before they replace older ones, `verify FILE`, and restore.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../migrations/index.ts';
import { hasChainedLog, verifyAuditChain, type AuditChainReport } from '../audit/audit-chain.ts';
import { nativeBindingOptions } from '../db/native-binding.ts';
import { MIGRATION_TABLE } from '../db/open-ledger.ts';

export interface LedgerFileReport {
  file: string;
  /** Usable as a ledger: SQLite finds no damage and the schema is one this program knows. */
  ok: boolean;
  /** ok, and its audit chain (when walked) is unbroken. */
  sound: boolean;
  /** Chinese sentences, one per problem that makes the file unusable (empty when ok). */
  problems: string[];
  /** The audit chain's breaks as sentences (the file stays usable; someone edited its history). */
  auditProblems: string[];
  /** The newest migration the file has (its schema version), or null. */
  schema: string | null;
  households: number;
  persons: number;
  /** Null when the file has no chained audit log (made before migration 0011). */
  audit: AuditChainReport | null;
  bytes: number;
}

const count = (db: Database.Database, table: string): number =>
  Number(db.prepare(`SELECT count(*) FROM ${table} WHERE status = 'active'`).pluck().get());

/** SQLite's English for a file it cannot read, in words a clerk can act on. */
function unreadable(file: string, e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return `${file} 不是台账文件（不是 SQLite 数据库，或文件开头已损坏）。`;
  if (code === 'SQLITE_CORRUPT') return `文件已损坏（${(e as Error).message}）。`;
  return `读取 ${file} 失败：${(e as Error).message}`;
}

export function verifyLedgerFile(
  file: string,
  mode: 'integrity' | 'quick' = 'integrity',
  /** Walk the audit chain too (seconds for a million entries; start-up skips it). */
  audit = mode === 'integrity',
): LedgerFileReport {
  const report: LedgerFileReport = {
    file,
    ok: false,
    sound: false,
    problems: [],
    auditProblems: [],
    schema: null,
    households: 0,
    persons: 0,
    audit: null,
    bytes: 0,
  };
  if (!fs.existsSync(file)) {
    report.problems.push(`找不到文件 ${file}。`);
    return report;
  }
  report.bytes = fs.statSync(file).size;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOptions() });
  } catch (e) {
    report.problems.push(`无法打开 ${file}：${(e as Error).message}`);
    return report;
  }
  try {
    const check = db.pragma(mode === 'quick' ? 'quick_check' : 'integrity_check', { simple: false }) as {
      [k: string]: string;
    }[];
    const messages = check.map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
    if (messages.length > 0) {
      report.problems.push(
        `文件已损坏（SQLite 完整性检查发现 ${messages.length} 处问题，如：${messages.slice(0, 3).join('；')}）。`,
      );
      return report;
    }
    const hasMigrations = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(MIGRATION_TABLE);
    if (!hasMigrations) {
      report.problems.push('这不是本程序的台账文件（没有数据库版本记录）。');
      return report;
    }
    const applied = db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all() as string[];
    report.schema = applied.at(-1) ?? null;
    const unknown = applied.filter((n) => !Object.hasOwn(MIGRATIONS, n));
    if (unknown.length > 0)
      report.problems.push(`文件由更新版本的程序写入（数据库版本 ${unknown.at(-1)}），本程序无法使用。`);
    report.households = count(db, 'households');
    report.persons = count(db, 'persons');
    if (audit && hasChainedLog(db)) {
      report.audit = verifyAuditChain(db);
      for (const p of report.audit.problems) report.auditProblems.push(`审计日志：${p.message}`);
    }
  } catch (e) {
    report.problems.push(unreadable(file, e));
  } finally {
    db.close();
  }
  report.ok = report.problems.length === 0;
  report.sound = report.ok && report.auditProblems.length === 0;
  return report;
}

/** How a caller checks a file: here, or off the main thread (verify-off-thread.ts). */
export type VerifyFile = (
  file: string,
  mode: 'integrity' | 'quick',
  audit: boolean,
) => Promise<LedgerFileReport>;

export const verifyHere: VerifyFile = (file, mode, audit) =>
  Promise.resolve(verifyLedgerFile(file, mode, audit));
