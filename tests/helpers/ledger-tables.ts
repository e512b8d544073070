// What a migration test compares before and after an upgrade: every table's row count, and the rows of
// one table in id order.
import type Database from 'better-sqlite3';

export const tableCounts = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(
    (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[]
    ).map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]),
  );

export const tableRows = (db: Database.Database, table: string): Array<Record<string, unknown>> =>
  db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Array<Record<string, unknown>>;
