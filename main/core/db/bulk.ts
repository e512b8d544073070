// Bulk loads (sample data, imports) insert into random-order indexes (证件号码, 姓名) that outgrow the
// page cache after a few thousand households; every insert then evicts a page. A 256 MB cache for the
// run (pages are allocated only as used) roughly halves a county-sized load.
import type { Ledger } from './open-ledger.ts';

const BULK_CACHE_KIB = 262_144;

/** `kib`: a smaller cache where memory counts more (an import's commit, main/core/import/). */
export function withBulkCache<T>(ledger: Ledger, run: () => T, kib = BULK_CACHE_KIB): T {
  const db = ledger.sqlite;
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  try {
    return run();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
