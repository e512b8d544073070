// Upgrading a ledger file that holds data to 2026_12_06_0017_leaner_person_indexes: a file of 0016 with the
// sample county (some persons 已注销, namesakes in several households) is copied aside, keeps every row,
// loses the two indexes another one covers, gets (name, status, household_id) for 查人, and its trigram
// indexes, made again without column sizes, find exactly what they found before — and keep following
// edits through their triggers.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { MIGRATION_TABLE, openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { openTestClient } from '../helpers/core-client.ts';
import { expectUpgradedWithCopy, tableCounts, tableRows } from '../helpers/ledger-tables.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

const PREVIOUS = '2026_12_06_0016_ledger_sort_indexes';
const MIGRATION = '2026_12_06_0017_leaner_person_indexes';

const personIndexes = (db: Database.Database) =>
  db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons' ORDER BY name`)
    .pluck()
    .all() as string[];

/** What the trigram indexes find for each text, as sorted ids. */
function trigramFinds(db: Database.Database, texts: { persons: string[]; households: string[] }) {
  const find = (table: string, text: string) =>
    db
      .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
      .pluck()
      .all(`"${text}"`) as number[];
  return {
    persons: texts.persons.map((t) => ({ text: t, ids: find('person_search', t) })),
    households: texts.households.map((t) => ({ text: t, ids: find('household_search', t) })),
  };
}

describe(`upgrading a ledger with data to ${MIGRATION}`, () => {
  it('keeps every row, one name index for 查人, and search indexes that find the same and follow edits', async () => {
    const file = tempLedgerPath();
    const old = await openLedger(file, { migrateTo: PREVIOUS });
    loadDemo(old, () => getRegionCatalog(), 60, 12, undefined, { ledgers: true });
    old.sqlite.exec(`UPDATE persons SET status = 'cancelled', cancel_reason = '01' WHERE id % 10 = 0`);
    const person = old.sqlite
      .prepare(
        `SELECT name, id_number, phone FROM persons WHERE length(name) = 3 AND phone IS NOT NULL LIMIT 1`,
      )
      .get() as { name: string; id_number: string; phone: string };
    const householdNo = old.sqlite
      .prepare(`SELECT household_no FROM households ORDER BY id LIMIT 1 OFFSET 7`)
      .pluck()
      .get() as string;
    const texts = {
      persons: [person.name, person.id_number.slice(-6), person.phone.slice(-5), person.name.slice(0, 3)],
      households: [householdNo.slice(-5), householdNo],
    };
    const foundBefore = trigramFinds(old.sqlite, texts);
    const surname = old.sqlite
      .prepare(
        `SELECT substr(name, 1, 1) AS s FROM persons WHERE status = 'active' GROUP BY s ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    // 查人 as the earlier program listed it: (name, status, id); the persons of the sample county were made
    // household by household, so household order is the same here.
    const listedBefore = old.sqlite
      .prepare(`SELECT id FROM persons WHERE name LIKE ? || '%' AND status = 'active' ORDER BY name, id`)
      .pluck()
      .all(surname) as number[];
    expect(personIndexes(old.sqlite)).toEqual(
      expect.arrayContaining(['persons_household', 'persons_name_household', 'persons_name_status']),
    );
    const personsBefore = tableRows(old.sqlite, 'persons');
    const householdsBefore = tableRows(old.sqlite, 'households');
    const countsBefore = tableCounts(old.sqlite);
    expect(listedBefore.length).toBeGreaterThan(1);
    expect([...foundBefore.persons, ...foundBefore.households].every((f) => f.ids.length > 0)).toBe(true);
    await old.close();

    const client = await openTestClient(file);
    try {
      const now = client.core.ledger.sqlite;
      expectUpgradedWithCopy(now, file, MIGRATION);
      expect(tableRows(now, 'persons')).toEqual(personsBefore);
      expect(tableRows(now, 'households')).toEqual(householdsBefore);
      expect(tableCounts(now)).toEqual({
        ...countsBefore,
        [MIGRATION_TABLE]: countsBefore[MIGRATION_TABLE]! + 1,
      });

      const indexes = personIndexes(now);
      for (const gone of ['persons_household', 'persons_name_household', 'persons_name_status'])
        expect(indexes).not.toContain(gone);
      expect(
        now.prepare(`SELECT name FROM pragma_index_info('persons_name') ORDER BY seqno`).pluck().all(),
      ).toEqual(['name', 'status', 'household_id']);
      const plan = (text: string, ...params: unknown[]) =>
        (now.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | ');
      // A name prefix's households, and a household's active members: each from one index alone.
      expect(
        plan(`SELECT household_id FROM persons WHERE name >= ? AND name < ?`, '王', '王\u{10ffff}'),
      ).toBe('SEARCH persons USING COVERING INDEX persons_name (name>? AND name<?)');
      expect(plan(`SELECT COUNT(*) FROM persons WHERE household_id = ? AND status = 'active'`, 1)).toBe(
        'SEARCH persons USING COVERING INDEX persons_report (household_id=? AND status=?)',
      );

      // The search indexes: no column sizes kept, sound, and finding what they found before.
      for (const table of ['person_search', 'household_search']) {
        const created = now
          .prepare(`SELECT sql FROM sqlite_master WHERE name = ?`)
          .pluck()
          .get(table) as string;
        expect(created).toMatch(/columnsize = 0/);
        expect(
          now.prepare(`SELECT count(*) FROM sqlite_master WHERE name = ?`).pluck().get(`${table}_docsize`),
        ).toBe(0);
        expect(() =>
          now.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run(),
        ).not.toThrow();
      }
      expect(trigramFinds(now, texts)).toEqual(foundBefore);
      expect(now.pragma('integrity_check', { simple: true })).toBe('ok');

      const listed = await client.ok('persons.search', { q: surname, limit: 200 });
      expect(listed.rows.map((r) => r.id)).toEqual(listedBefore.slice(0, 200));
      expect(listed.total).toBe(listedBefore.length);

      // The triggers made by migration 0002 keep the new tables in step with edits.
      const [first] = personsBefore as Array<{ id: number; name: string }>;
      now.prepare(`UPDATE persons SET phone = '13987650123' WHERE id = ?`).run(first!.id);
      const byPhone = await client.ok('persons.search', { q: '87650123', limit: 10 });
      expect(byPhone.rows.map((r) => r.id)).toEqual([first!.id]);
      now.prepare(`UPDATE persons SET phone = NULL WHERE id = ?`).run(first!.id);
      expect((await client.ok('persons.search', { q: '87650123', limit: 10 })).total).toBe(0);
      for (const table of ['person_search', 'household_search'])
        expect(() =>
          now.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run(),
        ).not.toThrow();
    } finally {
      await client.close();
    }
  });
});
