// What a migration test compares before and after an upgrade: every table's row count (a search index's
// internal tables aside), and the rows of one table in id order.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { MIGRATION_TABLE } from '../../main/core/db/open-ledger.ts';

/** FTS5 keeps a search index in these tables; their row counts follow its segments, not the ledger. */
const FTS5_SHADOWS = ['data', 'idx', 'docsize', 'config', 'content'];

export const tableCounts = (db: Database.Database): Record<string, number> => {
  const searchIndexes = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const shadows = new Set(searchIndexes.flatMap((t) => FTS5_SHADOWS.map((s) => `${t}_${s}`)));
  return Object.fromEntries(
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[]
    )
      .filter((t) => !shadows.has(t))
      .map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]),
  );
};

export const tableRows = (db: Database.Database, table: string): Array<Record<string, unknown>> =>
  db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Array<Record<string, unknown>>;

/**
 * What migration 0013 (report places) adds to a 外出务工 / 基本医疗 row of an older file: its person's
 * household and village of now, read here by the joins.
 */
export const reportPlaceOf = (db: Database.Database, personId: unknown): Record<string, unknown> =>
  db
    .prepare(
      `SELECT h.id AS report_household_id, h.village_code AS report_village_code
       FROM persons p JOIN households h ON h.id = p.household_id WHERE p.id = ?`,
    )
    .get(personId) as Record<string, unknown>;

/**
 * The rows a later migration's 户数 summary (0014) holds for a file's 外出务工 records: one per household and
 * 年度 with records, counted from the records joined to their persons (tables it adds otherwise start empty).
 */
export const summaryRowsAfterMigration = (db: Database.Database): Record<string, number> => ({
  ledger_migrant_work_report_households: db
    .prepare(
      `SELECT count(*) FROM (SELECT DISTINCT r.year, p.household_id FROM ledger_migrant_work r
       JOIN persons p ON p.id = r.person_id WHERE r.year IS NOT NULL)`,
    )
    .pluck()
    .get() as number,
});

/** The upgraded file records `migration`, and one copy of it was made aside before that migration. */
export function expectUpgradedWithCopy(db: Database.Database, file: string, migration: string): void {
  expect(db.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all()).toContain(migration);
  const copies = fs
    .readdirSync(path.dirname(file))
    .filter((f) => f.startsWith(`${path.basename(file)}.before-${migration}`));
  expect(copies).toHaveLength(1);
}
