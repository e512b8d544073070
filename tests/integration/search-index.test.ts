// The trigram search indexes stay exact whether rows come one by one (triggers) or in bulk (sample data).
import { describe, expect, it } from 'vitest';
import { householdListQuery } from '../../shared/contract/register-schemas.ts';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { listHouseholds } from '../../main/core/households/household-list.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { withSearchIndexPaused } from '../../main/core/persons/search-index.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

describe('search indexes', () => {
  it('cover sample data loaded in bulk and follow later edits', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      loadDemo(ledger, () => getRegionCatalog(), 300, 5, '420626');
      const db = ledger.sqlite;
      // FTS5's own consistency check against the content tables: throws when they differ.
      db.prepare(`INSERT INTO person_search (person_search) VALUES ('integrity-check')`).run();
      db.prepare(`INSERT INTO household_search (household_search) VALUES ('integrity-check')`).run();
      expect(
        db
          .prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search_insert'`)
          .pluck()
          .get(),
      ).toBe(2);
      // The bigger write buffer of the bulk fill is not left behind for later edits.
      for (const t of ['person_search', 'household_search'])
        expect(db.prepare(`SELECT v FROM ${t}_config WHERE k = 'hashsize'`).pluck().get()).toBe(1024 * 1024);

      const list = (search: string) =>
        listHouseholds(ledger, householdListQuery.parse({ regionCode: null, search }));
      const p = db
        .prepare(
          `SELECT p.name, p.id_number, h.household_no, h.id AS hid FROM persons p JOIN households h ON h.id = p.household_id WHERE p.relation <> '01' LIMIT 1`,
        )
        .get() as { name: string; id_number: string; household_no: string; hid: number };
      expect(list(p.id_number.slice(-6)).rows.map((r) => r.id)).toContain(p.hid);
      expect(list(p.household_no).rows.map((r) => r.id)).toEqual([p.hid]);
      const phone = db.prepare('SELECT id, phone FROM households WHERE phone IS NOT NULL LIMIT 1').get() as {
        id: number;
        phone: string;
      };
      expect(list(phone.phone).rows.map((r) => r.id)).toContain(phone.id);
      expect(list(phone.phone.slice(-5)).rows.map((r) => r.id)).toContain(phone.id);

      // Edits after the bulk load go through the triggers.
      db.prepare(`UPDATE persons SET name = '欧阳测试' WHERE id_number = ?`).run(p.id_number);
      expect(list('欧阳测试').rows.map((r) => r.id)).toEqual([p.hid]);
      db.prepare(`INSERT INTO person_search (person_search) VALUES ('integrity-check')`).run();
    } finally {
      await ledger.close();
    }
  });

  it('keeps its triggers when a bulk load fails and rolls back', async () => {
    const ledger = await openLedger(tempLedgerPath());
    try {
      const triggers = () =>
        ledger.sqlite
          .prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search_insert'`)
          .pluck()
          .get();
      expect(() =>
        ledger.sqlite.transaction(() =>
          withSearchIndexPaused(ledger, () => {
            expect(triggers()).toBe(0);
            throw new Error('broken file');
          }),
        )(),
      ).toThrow('broken file');
      expect(triggers()).toBe(2);
    } finally {
      await ledger.close();
    }
  });
});
