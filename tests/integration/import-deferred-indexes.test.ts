// A big first load builds the secondary indexes after its inserts; they come back exactly as the
// migrations define them, also when the load fails, and small loads leave them alone.
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { withIndexesDeferred } from '../../main/core/import/deferred-indexes.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

describe('withIndexesDeferred', () => {
  it('drops the non-unique indexes of persons and households for a big load and re-creates them', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      const db = ledger.sqlite;
      const indexes = () =>
        db
          .prepare(
            `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('persons', 'households') ORDER BY name`,
          )
          .all() as { name: string; sql: string | null }[];
      const before = indexes();
      const cacheSize = db.pragma('cache_size', { simple: true });
      expect(before.map((i) => i.name)).toContain('persons_name');

      const during = db.transaction(() => withIndexesDeferred(ledger, 10_000, indexes))();
      // Only the UNIQUE keys (户编号, 证件号码) stay while the rows go in.
      expect(during.every((i) => i.sql === null)).toBe(true);
      expect(during.map((i) => i.name).sort()).toEqual(
        before.filter((i) => i.sql === null).map((i) => i.name),
      );
      expect(indexes()).toEqual(before);
      expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);

      expect(db.transaction(() => withIndexesDeferred(ledger, 50, indexes))()).toEqual(before);

      expect(() =>
        db.transaction(() =>
          withIndexesDeferred(ledger, 10_000, () => {
            throw new Error('broken file');
          }),
        )(),
      ).toThrow('broken file');
      expect(indexes()).toEqual(before);
    } finally {
      await ledger.close();
    }
  });
});
