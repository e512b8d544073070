// Opens (or creates) a ledger file: refuses a file written by a newer program before touching it,
// sets the PRAGMAs, backs the file up and applies pending migrations.
import fs from 'node:fs';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { MIGRATIONS } from '../../../migrations/index.ts';
import { LedgerError } from '../../../shared/result.ts';
import { nativeBindingOptions } from './native-binding.ts';
import { createPrivateFile, makePrivate, mkdirPrivate } from './private-files.ts';
import type { DB } from './tables.ts';

export const MIGRATION_TABLE = 'kysely_migration';
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';

export interface Ledger {
  readonly path: string;
  /** Raw handle for bulk work (prepared statements are ~3× faster than Kysely for big loads). */
  readonly sqlite: Database.Database;
  readonly db: Kysely<DB>;
  /**
   * A prepared statement, compiled once per SQL text for this connection (preparing costs more than
   * running for the small statements an import runs hundreds of thousands of times). Reader statements
   * come back in plain row mode; callers may switch them with .pluck() for that call.
   */
  prepare(sql: string): Database.Statement;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Migration names recorded in an existing file, read without writing anything. */
function appliedMigrations(path: string): string[] {
  if (path === ':memory:' || !fs.existsSync(path) || fs.statSync(path).size === 0) return [];
  let probe: Database.Database;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...nativeBindingOptions() });
  } catch (e) {
    throw new LedgerError('internal', `无法打开台账文件 ${path}：${(e as Error).message}`);
  }
  try {
    const hasTable = probe
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(MIGRATION_TABLE);
    if (!hasTable) return [];
    return probe.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all() as string[];
  } catch (e) {
    throw new LedgerError('internal', `台账文件 ${path} 已损坏或不是本程序的台账：${(e as Error).message}`);
  } finally {
    probe.close();
  }
}

export function checkNotFromNewerVersion(applied: readonly string[], path: string): void {
  const unknown = applied.filter((name) => !Object.hasOwn(MIGRATIONS, name));
  if (unknown.length > 0) {
    throw new LedgerError(
      'db-from-newer-version',
      `台账文件 ${path} 由更新版本的程序写入（数据库版本 ${unknown.at(-1)}），本程序无法打开。请安装新版本后再打开；文件未作任何改动。`,
      { unknown },
    );
  }
}

export interface OpenOptions {
  /** Copy the file aside before applying migrations to a ledger that already has data. Default true. */
  backupBeforeMigrate?: boolean;
  /**
   * Stop after this migration (a name in migrations/index.ts) instead of the latest: tests build a file of
   * an earlier version, fill it, and open it with the current program.
   */
  migrateTo?: string;
}

export async function openLedger(path: string, options: OpenOptions = {}): Promise<Ledger> {
  const applied = appliedMigrations(path);
  checkNotFromNewerVersion(applied, path);
  const target = options.migrateTo ?? SCHEMA_VERSION;
  if (!Object.hasOwn(MIGRATIONS, target)) throw new Error(`no migration named ${target}`);
  const pending = Object.keys(MIGRATIONS)
    .sort()
    .filter((n) => !applied.includes(n) && n <= target);

  if (path !== ':memory:') {
    mkdirPrivate(nodePath.dirname(nodePath.resolve(path)));
    createPrivateFile(path);
    makePrivate(path, `${path}-wal`, `${path}-shm`);
  }
  const sqlite = new Database(path, nativeBindingOptions());
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL'); // office PCs lose power; a committed entry must survive it
    sqlite.pragma('foreign_keys = ON');
    // Deleted rows (a 注销 person's ID number) are overwritten, not left in free pages.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    // County-scale lists and counts read tens of MB of pages; 32 MB (allocated as used) keeps them warm.
    sqlite.pragma('cache_size = -32768');
    if (applied.length > 0 && pending.length > 0 && (options.backupBeforeMigrate ?? true)) {
      const copy = `${path}.before-${pending[0]}.bak`;
      createPrivateFile(copy);
      await sqlite.backup(copy);
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = sqlite.prepare(sql)));
    else if (stmt.reader) stmt.pluck(false).raw(false);
    return stmt;
  };
  const ledger: Ledger = { path, sqlite, db, prepare, close: () => db.destroy() };
  if (pending.length > 0) {
    const migrator = new Migrator({ db, provider, migrationTableName: MIGRATION_TABLE });
    const { error, results } = await migrator.migrateTo(target);
    if (error) {
      await ledger.close();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
      throw new LedgerError(
        'internal',
        `数据库升级失败（${failed}）：${String((error as Error).message ?? error)}`,
      );
    }
  }
  return ledger;
}
