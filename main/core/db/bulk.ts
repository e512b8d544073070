// Bulk loads (sample data, imports) insert into random-order indexes (证件号码, 姓名) that outgrow the
// page cache after a few thousand households; every insert then evicts a page. A 256 MB cache for the
// run (pages are allocated only as used) roughly halves a county-sized load.
import type { Ledger } from './open-ledger.ts';

const BULK_CACHE_KIB = 262_144;

export function withBulkCache<T>(ledger: Ledger, run: () => T): T {
  const db = ledger.sqlite;
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return run();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
