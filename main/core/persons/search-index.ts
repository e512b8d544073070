// Bulk inserts of households and persons without the per-row search-index triggers: a trigger runs
// as a sub-program for every row and made a 100,000-person load several times slower (measured in
// BENCHMARKS.md). Inside the caller's transaction the insert triggers are dropped, the rows inserted,
// the new rows indexed in one statement each, and the triggers re-created from their own stored SQL —
// so a rollback restores them too, and their definition lives only in the migration.
import type { Ledger } from '../db/open-ledger.ts';

const INSERT_TRIGGERS = ['persons_search_insert', 'households_search_insert'];

// FTS5 writes its pending terms out as a new segment whenever they pass 'hashsize' (1 MiB by default)
// and merges segments as it goes. For the one-statement fill of a bulk load a 64 MiB buffer writes a
// few big segments instead of hundreds of small ones: 400,000 persons 2.9 s → 2.2 s, about 65 MB more
// memory for the statement. The setting is put back afterwards so edits keep the default behaviour.
const BULK_HASHSIZE = 64 * 1024 * 1024;
const DEFAULT_HASHSIZE = 1024 * 1024;

function fillWithBigHash(
  ledger: Ledger,
  table: 'person_search' | 'household_search',
  fill: string,
  after: number,
) {
  const db = ledger.sqlite;
  const previous =
    (db.prepare(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`).pluck().get() as number | undefined) ??
    DEFAULT_HASHSIZE;
  const setHashsize = db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ?)`);
  // FTS5 takes the value only as an SQL integer; a JS number would bind as a real.
  setHashsize.run(BigInt(BULK_HASHSIZE));
  db.prepare(fill).run(after);
  setHashsize.run(BigInt(previous));
}

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
  fillWithBigHash(
    ledger,
    'person_search',
    'INSERT INTO person_search (rowid, name, id_number, phone) SELECT id, name, id_number, phone FROM persons WHERE id > ?',
    maxPerson,
  );
  fillWithBigHash(
    ledger,
    'household_search',
    'INSERT INTO household_search (rowid, household_no, phone) SELECT id, household_no, phone FROM households WHERE id > ?',
    maxHousehold,
  );
  for (const t of triggers) db.exec(t.sql);
  return result;
}
