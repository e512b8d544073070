// Upgrading a ledger file that holds data to 2026_12_06_0016_ledger_sort_indexes: the migration's own
// statements are exactly what `ledger-sql ID --db` prints for a file of 0015 (what the definitions'
// `sortColumns` call for), and a file of 0015 with the sample county's ledgers is copied aside, keeps
// every row, gets one index (column, id) per sortable field, and lists its records sorted as before.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index.ts';
import { STATEMENTS } from '../../migrations/2026_12_06_0016_ledger_sort_indexes.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { MIGRATION_TABLE, openLedger } from '../../main/core/db/open-ledger.ts';
import {
  definitionShape,
  ledgerUpgradeSql,
  shapeDifferences,
  tableShape,
} from '../../main/core/ledgers/table-shape.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { allLedgers, ledgerTableName } from '../../shared/ledgers/index.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { expectUpgradedWithCopy, tableCounts, tableRows } from '../helpers/ledger-tables.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_12_06_0015_person_search_order';
const MIGRATION = '2026_12_06_0016_ledger_sort_indexes';

describe(`migration ${MIGRATION}`, () => {
  it('runs what `ledger-sql ID --db` prints for a file of 0015, for every ledger', async () => {
    const old = await openLedger(tempLedgerPath(), { migrateTo: PREVIOUS });
    try {
      expect(allLedgers().flatMap((def) => ledgerUpgradeSql(old.sqlite, def))).toEqual(STATEMENTS);
    } finally {
      await old.close();
    }
  });

  it('keeps every row of a file with data, adds the sort indexes and lists sorted as before', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 60, 12, undefined, { ledgers: true });
    old.sqlite.exec(`UPDATE ledger_migrant_work SET start_date = NULL WHERE id % 4 = 0`);
    // 外出务工 sorted by 开始日期 as the earlier program listed it: every record sorted, empty ones last.
    const sortedBefore = old.sqlite
      .prepare(`SELECT id FROM ledger_migrant_work ORDER BY start_date DESC NULLS LAST, id DESC`)
      .pluck()
      .all() as number[];
    const migrantBefore = tableRows(old.sqlite, 'ledger_migrant_work');
    const countsBefore = tableCounts(old.sqlite);
    expect(sortedBefore.length).toBeGreaterThan(20);
    await old.close();

    const client = await openTestClient(file);
    try {
      const now = client.core.ledger.sqlite;
      expectUpgradedWithCopy(now, file, MIGRATION);
      expect(tableRows(now, 'ledger_migrant_work')).toEqual(migrantBefore);
      expect(tableCounts(now)).toEqual({
        ...countsBefore,
        [MIGRATION_TABLE]:
          (countsBefore[MIGRATION_TABLE] ?? 0) + Object.keys(MIGRATIONS).filter((m) => m > PREVIOUS).length,
      });
      for (const def of allLedgers()) {
        const shape = tableShape(now, ledgerTableName(def));
        expect(shapeDifferences(definitionShape(def), shape), def.id).toEqual([]);
        for (const column of def.sortColumns)
          expect(shape?.indexes[`${ledgerTableName(def)}_sort_${column}`]).toEqual({
            unique: false,
            columns: [column, 'id'],
            where: null,
          });
      }
      expect(now.pragma('integrity_check', { simple: true })).toBe('ok');

      const listed: number[] = [];
      for (let offset = 0; offset < sortedBefore.length; offset += 50) {
        const page = await client.ok('ledgers.records', {
          ledgerId: 'migrant_work',
          sort: { column: 'start_date', order: 'desc' },
          offset,
          limit: 50,
        });
        expect(page.total).toBe(sortedBefore.length);
        listed.push(...page.rows.map((r) => r.id));
      }
      expect(listed).toEqual(sortedBefore);
    } finally {
      await client.close();
    }
  });
});
