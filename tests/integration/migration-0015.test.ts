// Upgrading a ledger file that holds data to 2026_12_06_0015_person_search_order: a file of an earlier
// version (its register and thematic ledgers from the sample-county generator, some persons 已注销) is
// opened by the current program. The file is copied aside first; every table keeps its rows, the index
// (name, status) is there, and 查人 on the upgraded file finds what it found before, in the same order.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { MIGRATION_TABLE, openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { tableCounts, tableRows } from '../helpers/ledger-tables.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_12_06_0013_report_places';
const MIGRATION = '2026_12_06_0015_person_search_order';

describe(`upgrading a ledger with data to ${MIGRATION}`, () => {
  it('keeps every row, adds the index (name, status), and 查人 finds the same people in the same order', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 60, 12, undefined, { ledgers: true });
    old.sqlite.exec(`UPDATE persons SET status = 'cancelled', cancel_reason = '01' WHERE id % 10 = 0`);
    const surname = old.sqlite
      .prepare(`SELECT substr(name, 1, 1) FROM persons WHERE id = 3`)
      .pluck()
      .get() as string;
    // 查人 as the earlier program answered it: name order, then id (here also household order: the sample
    // county's persons were made household by household).
    const foundBefore = old.sqlite
      .prepare(`SELECT id FROM persons WHERE name LIKE ? || '%' AND status = 'active' ORDER BY name, id`)
      .pluck()
      .all(surname) as number[];
    const personsBefore = tableRows(old.sqlite, 'persons');
    const countsBefore = tableCounts(old.sqlite);
    expect(foundBefore.length).toBeGreaterThan(1);
    await old.close();

    const client = await openTestClient(file);
    try {
      const now = client.core.ledger.sqlite;
      expect(now.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all()).toContain(MIGRATION);
      // The copy made before the pending migrations, named after the first of them (0014 once merged).
      const dir = path.dirname(file);
      const backups = fs
        .readdirSync(dir)
        .filter((f) => f.startsWith(`${path.basename(file)}.before-`) && f.endsWith('.bak'));
      expect(backups).toHaveLength(1);
      const copy = new Database(path.join(dir, backups[0] ?? ''), { readonly: true });
      try {
        expect(copy.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all().at(-1)).toBe(
          PREVIOUS,
        );
        expect(tableRows(copy, 'persons')).toEqual(personsBefore);
      } finally {
        copy.close();
      }

      expect(tableRows(now, 'persons')).toEqual(personsBefore);
      const countsAfter = tableCounts(now);
      const added = Object.keys(countsAfter).filter((t) => !(t in countsBefore));
      expect(countsAfter).toEqual({
        ...countsBefore,
        ...Object.fromEntries(added.map((t) => [t, countsAfter[t]])),
        [MIGRATION_TABLE]:
          (countsBefore[MIGRATION_TABLE] ?? 0) + Object.keys(MIGRATIONS).filter((m) => m > PREVIOUS).length,
      });
      // 查人's index leads with (name, status); 0017 made it one with the (name, household_id) index.
      expect(
        now.prepare(`SELECT name FROM pragma_index_info('persons_name') ORDER BY seqno`).pluck().all(),
      ).toEqual(['name', 'status', 'household_id']);
      expect(now.pragma('integrity_check', { simple: true })).toBe('ok');

      const found = await client.ok('persons.search', { q: surname, limit: 200 });
      expect(found.total).toBe(foundBefore.length);
      expect(found.rows.map((r) => r.id)).toEqual(foundBefore);
    } finally {
      await client.close();
    }
  });
});
