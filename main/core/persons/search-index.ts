// Bulk inserts of households and persons without the per-row search-index triggers: a trigger runs
// as a sub-program for every row and made a 100,000-person load several times slower (measured in
// BENCHMARKS.md). Inside the caller's transaction the insert triggers are dropped, the rows inserted,
// the new rows indexed in one statement each, and the triggers re-created from their own stored SQL —
// so a rollback restores them too, and their definition lives only in the migration.
import type { Ledger } from '../db/open-ledger.ts';

const INSERT_TRIGGERS = ['persons_search_insert', 'households_search_insert'];

export function withSearchIndexPaused<T>(ledger: Ledger, insertRows: () => T): T {
  const db = ledger.sqlite;
  if (!db.inTransaction) throw new Error('withSearchIndexPaused must run inside a transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${INSERT_TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...INSERT_TRIGGERS) as { name: string; sql: string }[];
  if (triggers.length !== INSERT_TRIGGERS.length) throw new Error('search index triggers are missing');
  const maxPerson = db.prepare('SELECT COALESCE(MAX(id), 0) FROM persons').pluck().get() as number;
  const maxHousehold = db.prepare('SELECT COALESCE(MAX(id), 0) FROM households').pluck().get() as number;
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  const result = insertRows();
  // Rowids of new rows are above the old maximum (INTEGER PRIMARY KEY without AUTOINCREMENT).
  db.prepare(
    'INSERT INTO person_search (rowid, name, id_number, phone) SELECT id, name, id_number, phone FROM persons WHERE id > ?',
  ).run(maxPerson);
  db.prepare(
    'INSERT INTO household_search (rowid, household_no, phone) SELECT id, household_no, phone FROM households WHERE id > ?',
  ).run(maxHousehold);
  for (const t of triggers) db.exec(t.sql);
  return result;
}
