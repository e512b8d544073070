// A load that more than doubles the ledger (the first import of a county) inserts into every secondary
// index row by row, in random order for 姓名 and 电话. Building those indexes once after the inserts is
// cheaper: at 400,000 persons the inserts took 16.7 s with the indexes and 11.1 s without, and creating
// the nine indexes again 1.2 s. They are dropped inside the caller's transaction and re-created from
// their own stored SQL, so a rollback restores them and their definition lives only in the migrations.
// The UNIQUE keys (户编号, 证件号码) stay: they guard the load itself.
import type { Ledger } from '../db/open-ledger.ts';

const TABLES = ['persons', 'households'];
/** Below this many new persons the rows go into the indexes as they come (nothing to win). */
const MIN_ROWS = 10_000;
const DEFERRED_CACHE_KIB = 65_536;

export function withIndexesDeferred<T>(ledger: Ledger, newPersons: number, insertRows: () => T): T {
  const db = ledger.sqlite;
  if (!db.inTransaction) throw new Error('withIndexesDeferred must run inside a transaction');
  const existing = db.prepare('SELECT COUNT(*) FROM persons').pluck().get() as number;
  // Re-creating sorts the whole table, old rows too: worth it only when the new rows are the most.
  if (newPersons < MIN_ROWS || newPersons < existing) return insertRows();
  const indexes = db
    .prepare(
      `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name
       WHERE m.type = 'index' AND m.sql IS NOT NULL AND NOT l."unique" AND m.tbl_name IN (${TABLES.map(() => '?').join(', ')})
       ORDER BY m.rowid`,
    )
    .all(...TABLES) as { name: string; sql: string }[];
  // The bulk cache (main/core/db/bulk.ts) is for inserting into those random-order indexes; without
  // them 64 MiB loads about as fast (400k: within the VM's noise) and peak memory is ~120 MB lower.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${DEFERRED_CACHE_KIB}`);
  try {
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
    const result = insertRows();
    for (const i of indexes) db.exec(i.sql);
    return result;
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}
