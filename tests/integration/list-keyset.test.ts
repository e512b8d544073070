// The household list reads its pages by key (issue 14 item 12): page after page, jumps to any page and
// every sort column (many ties, empty values last) give exactly the list's order — no household twice,
// none missing — and a change between two pages is seen by the next page. Searches read their set once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { listHouseholds } from '../../main/core/households/household-list.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { HOUSEHOLD_SORT_COLUMNS, householdListQuery } from '../../shared/contract/register-schemas.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';

type SortColumn = (typeof HOUSEHOLD_SORT_COLUMNS)[number];

let ledger: Ledger;

beforeAll(async () => {
  ledger = await openLedger(tempLedgerPath());
  loadDemo(ledger, () => getRegionCatalog(), 400, 3, '420626', { ledgers: false });
  // Some empty values and 已注销 households, so both parts of the order and the status filter matter.
  ledger.sqlite.exec(`UPDATE households SET main_cause = NULL WHERE id % 7 = 0`);
  ledger.sqlite.exec(`UPDATE households SET status = 'cancelled' WHERE id % 11 = 0`);
});
afterAll(async () => {
  await ledger.close();
});

const list = (q: object) => listHouseholds(ledger, householdListQuery.parse({ regionCode: null, ...q }));

/** The list's order computed here from every row: the column (empty last), then id, both one direction. */
function expectedOrder(column: SortColumn, desc: boolean, status: 'active' | 'all'): number[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT id, ${column} AS v FROM households ${status === 'active' ? `WHERE status = 'active'` : ''}`,
    )
    .all() as { id: number; v: string | number | null }[];
  const sign = desc ? -1 : 1;
  return rows
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v === null && b.v === null) return sign * (a.id - b.id);
        return a.v === null ? 1 : -1;
      }
      if (a.v !== b.v) return sign * (a.v < b.v ? -1 : 1);
      return sign * (a.id - b.id);
    })
    .map((r) => r.id);
}

describe('household list pages by key', () => {
  it('gives every sort column, both directions, page by page exactly the list order', () => {
    for (const column of HOUSEHOLD_SORT_COLUMNS) {
      for (const order of ['asc', 'desc'] as const) {
        const want = expectedOrder(column, order === 'desc', 'active');
        const got: number[] = [];
        for (let offset = 0; offset < want.length + 7; offset += 7) {
          const page = list({ sort: { column, order }, offset, limit: 7 });
          expect(page.total).toBe(want.length);
          got.push(...page.rows.map((r) => r.id));
        }
        expect({ column, order, ids: got }).toEqual({ column, order, ids: want });
      }
    }
  });

  it('jumps straight to any page (no page before it read) and includes 已注销 with status all', () => {
    const want = expectedOrder('poverty_attribute', false, 'all');
    for (const offset of [want.length - 3, 211, 0, 97, 350]) {
      const page = list({
        status: 'all',
        sort: { column: 'poverty_attribute', order: 'asc' },
        offset,
        limit: 10,
      });
      expect(page.rows.map((r) => r.id)).toEqual(want.slice(offset, offset + 10));
    }
    const empty = expectedOrder('main_cause', true, 'active');
    const firstEmpty = empty.findIndex((id) => id % 7 === 0);
    const page = list({ sort: { column: 'main_cause', order: 'desc' }, offset: firstEmpty - 2, limit: 5 });
    expect(page.rows.map((r) => r.id)).toEqual(empty.slice(firstEmpty - 2, firstEmpty + 3));
    expect(page.rows.slice(2).every((r) => r.mainCause === null)).toBe(true);
  });

  it('sees a change made between two pages (no stale key)', () => {
    list({ sort: { column: 'head_name', order: 'asc' }, offset: 0, limit: 20 });
    // The household at position 20 changes its head's name to sort first: page 2 must not repeat it.
    const at20 = expectedOrder('head_name', false, 'active')[20];
    ledger.sqlite.prepare(`UPDATE households SET head_name = '一' WHERE id = ?`).run(at20);
    const second = list({ sort: { column: 'head_name', order: 'asc' }, offset: 20, limit: 20 });
    const want = expectedOrder('head_name', false, 'active');
    expect(want[0]).toBe(at20);
    expect(second.rows.map((r) => r.id)).toEqual(want.slice(20, 40));
  });

  it('searches: a one-character name, the last six ID digits (shown unmasked), totals and pages agree', () => {
    const surname = ledger.sqlite
      .prepare(`SELECT substr(name, 1, 1) FROM persons WHERE id = 5`)
      .pluck()
      .get() as string;
    const withSurname = ledger.sqlite
      .prepare(
        `SELECT DISTINCT h.id FROM households h JOIN persons p ON p.household_id = h.id
         WHERE h.status = 'active' AND p.name LIKE ? ORDER BY h.household_no, h.id`,
      )
      .pluck()
      .all(`${surname}%`) as number[];
    const all: number[] = [];
    for (let offset = 0; offset < withSurname.length; offset += 9) {
      const page = list({ search: surname, offset, limit: 9 });
      expect(page.total).toBe(withSurname.length);
      all.push(...page.rows.map((r) => r.id));
    }
    expect(all).toEqual(withSurname);

    const person = ledger.sqlite
      .prepare(
        `SELECT p.name, p.id_number, p.household_id FROM persons p JOIN households h ON h.id = p.household_id
         WHERE h.status = 'active' AND p.relation <> '01' ORDER BY p.id LIMIT 1 OFFSET 17`,
      )
      .get() as { name: string; id_number: string; household_id: number };
    const last6 = person.id_number.slice(-6);
    const found = list({ search: last6 });
    const row = found.rows.find((r) => r.id === person.household_id);
    // 6 + 6 masked + the 6 digits searched (a plain mask shows only the last 4).
    expect(row?.matched).toBe(`${person.name} ${person.id_number.slice(0, 6)}******${last6}`);
  });
});
