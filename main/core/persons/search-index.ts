// Bulk inserts of households and persons without the per-row search-index trigger (it doubles a 400,000-person load):
// pause it, insert, then index the new rows in one statement — all inside the caller's transaction.
import type { Ledger } from '../db/open-ledger.ts';

export function withSearchIndexPaused<T>(ledger: Ledger, insertRows: () => T): T {
  const db = ledger.sqlite;
  const prepare = (sql: string) => ledger.prepare(sql);
  if (!db.inTransaction) throw new Error('withSearchIndexPaused must run inside a transaction');
  const maxPerson = prepare('SELECT COALESCE(MAX(id), 0) FROM persons').pluck().get() as number;
  const maxHousehold = prepare('SELECT COALESCE(MAX(id), 0) FROM households').pluck().get() as number;
  prepare('INSERT INTO search_index_paused (id) VALUES (1)').run();
  const result = insertRows();
  // Rowids of new rows are above the old maximum (INTEGER PRIMARY KEY without AUTOINCREMENT).
  prepare(
    'INSERT INTO person_search (rowid, name, id_number, phone) SELECT id, name, id_number, phone FROM persons WHERE id > ?',
  ).run(maxPerson);
  prepare(
    'INSERT INTO household_search (rowid, household_no, phone) SELECT id, household_no, phone FROM households WHERE id > ?',
  ).run(maxHousehold);
  prepare('DELETE FROM search_index_paused').run();
  return result;
}
