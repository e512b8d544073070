import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index.ts';
import { MIGRATION_TABLE, openLedger, SCHEMA_VERSION } from '../../main/core/db/open-ledger.ts';
import { TABLE_COLUMNS } from '../../main/core/db/tables.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../shared/fields/person-fields.ts';
import { LedgerError } from '../../shared/result.ts';
import { fileFingerprint, tempLedgerPath } from '../helpers/temp-ledger.ts';

describe('openLedger', () => {
  it('creates the file, applies every migration and sets the PRAGMAs', async () => {
    const file = tempLedgerPath();
    const ledger = await openLedger(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      const applied = ledger.sqlite
        .prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`)
        .pluck()
        .all();
      expect(applied).toEqual(Object.keys(MIGRATIONS).sort());
      expect(SCHEMA_VERSION).toBe(Object.keys(MIGRATIONS).sort().at(-1));
      expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(ledger.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      await ledger.close();
    }
  });

  it('makes every application table STRICT and enforces foreign keys', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      const tables = ledger.sqlite
        .prepare(
          `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'ledger_%'`,
        )
        .all() as { name: string; strict: number }[];
      expect(tables.map((t) => t.name).sort()).toEqual(Object.keys(TABLE_COLUMNS).sort());
      for (const t of tables) expect(t.strict, t.name).toBe(1);
      expect(() =>
        ledger.sqlite
          .prepare(
            `INSERT INTO households (household_no, township_code, village_code, year, origin, created_at, updated_at) VALUES ('X', 'nope', 'nope', 2020, 'manual', 'now', 'now')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(() =>
        ledger.sqlite
          .prepare(
            `INSERT INTO code_items (table_key, code, label, retired, created_at) VALUES ('sex', '7', 'x', 'abc', 'now')`,
          )
          .run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
    } finally {
      await ledger.close();
    }
  });

  it('has per-table TypeScript columns that match the migrated schema', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      for (const [table, columns] of Object.entries(TABLE_COLUMNS)) {
        const actual = ledger.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
        expect([...actual].sort(), table).toEqual([...columns].sort());
      }
      // Every field definition in shared/ names a real column.
      const householdCols: readonly string[] = TABLE_COLUMNS.households;
      const personCols: readonly string[] = TABLE_COLUMNS.persons;
      for (const f of HOUSEHOLD_FIELDS) expect(householdCols, f.label).toContain(f.column);
      for (const f of PERSON_FIELDS) expect(personCols, f.label).toContain(f.column);
    } finally {
      await ledger.close();
    }
  });

  it('reopens an existing ledger without re-running migrations and keeps data', async () => {
    const file = tempLedgerPath();
    const first = await openLedger(file);
    first.sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')`).run();
    await first.close();
    const second = await openLedger(file);
    try {
      expect(second.sqlite.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
      expect(fs.readdirSync(file.replace(/ledger\.db$/, '')).some((f) => f.endsWith('.bak'))).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('refuses a ledger written by a newer program, in Chinese, without writing to it', async () => {
    const file = tempLedgerPath();
    const ledger = await openLedger(file);
    await ledger.close();
    const raw = new Database(file);
    raw
      .prepare(
        `INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES ('2099_01_01_0001_future', '2099-01-01')`,
      )
      .run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fileFingerprint(file);
    const error = await openLedger(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('db-from-newer-version');
    expect((error as LedgerError).message).toMatch(/更新版本的程序.*未作任何改动/);
    expect(fileFingerprint(file)).toBe(before);
  });

  it('refuses a file that is not a ledger with a clear message', async () => {
    const file = tempLedgerPath('not-a-db.db');
    fs.writeFileSync(file, 'PK\u0003\u0004 this is a zip, not SQLite'.repeat(200));
    await expect(openLedger(file)).rejects.toThrow(/已损坏或不是本程序的台账|无法打开台账文件/);
  });
});
