// 查人 at county scale (issue 14 item 12): the page at any offset is read by key from the index (name,
// status, household_id) of migration 0017, and the results are exactly what the former query (COUNT, then
// OFFSET over persons joined to households, in that order) gives — every page, the total, one-character and
// two-character names, a name through the trigram index, the last 6 ID digits, 已注销 and a region. The
// total and the key of a page are read from the index alone: no person or household row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { personMatch } from '../../main/core/persons/person-match.ts';
import { searchPersons, type PersonSearchQuery } from '../../main/core/persons/person-search.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { findRegion, householdRegionFilter } from '../../main/core/regions/region-tree.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { watchStatements } from '../helpers/watch-statements.ts';

let ledger: Ledger;

beforeAll(async () => {
  ledger = await openLedger(tempLedgerPath());
  loadDemo(ledger, () => getRegionCatalog(), 400, 3, '420626', { ledgers: false });
  // 已注销 persons, and people sharing one name across both statuses (ties the order must break by
  // household, then id); some of them moved into the first household, so household order is not id order.
  ledger.sqlite.exec(`UPDATE persons SET status = 'cancelled' WHERE id % 9 = 0`);
  ledger.sqlite.exec(`UPDATE persons SET name = '王芳' WHERE id % 13 = 0`);
  ledger.sqlite.exec(`UPDATE persons SET household_id = 1 WHERE id % 13 = 0 AND id % 3 = 0`);
});
afterAll(async () => {
  await ledger.close();
});

/**
 * The query 查人 ran before issue 14 (person-search.ts at commit 3936631), in the order of migration 0017
 * (name, then household, then id): the reference for its pages.
 */
function former(q: PersonSearchQuery): { total: number; ids: number[] } {
  const m = personMatch(q.q);
  if (!m) return { total: 0, ids: [] };
  const where = [m.onPerson.sql];
  const params: unknown[] = [...m.onPerson.params];
  if (q.status !== 'all') {
    where.push('p.status = ?');
    params.push(q.status);
  }
  if (q.regionCode !== null) {
    const f = householdRegionFilter(findRegion(ledger, q.regionCode));
    where.push(f.where);
    params.push(...f.params);
  }
  const from = `persons p JOIN households h ON h.id = p.household_id`;
  const total = ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM ${from} WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(...params) as number;
  const ids = ledger.sqlite
    .prepare(
      `SELECT p.id FROM ${from} JOIN regions v ON v.code = h.village_code WHERE ${where.join(' AND ')}
       ORDER BY p.name, p.household_id, p.id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...params, q.limit, q.offset) as number[];
  return { total, ids };
}

const query = (q: string, more: Partial<PersonSearchQuery> = {}): PersonSearchQuery => ({
  q,
  regionCode: null,
  status: 'active',
  offset: 0,
  limit: 50,
  ...more,
});

/** Every page of a search, `size` rows at a time, read one after another as the clerk pages on. */
function allPages(q: PersonSearchQuery, size: number) {
  const first = searchPersons(ledger, { ...q, offset: 0, limit: size });
  const ids = first.rows.map((r) => r.id);
  for (let offset = size; offset < first.total + size; offset += size) {
    const page = searchPersons(ledger, { ...q, offset, limit: size });
    expect(page.total).toBe(first.total);
    ids.push(...page.rows.map((r) => r.id));
  }
  return { total: first.total, ids };
}

describe('查人 pages by key', () => {
  const surname = () =>
    ledger.sqlite.prepare(`SELECT substr(name, 1, 1) FROM persons WHERE id = 5`).pluck().get() as string;

  it('gives the former query’s total and pages: one and two characters, trigram names, ID digits', () => {
    const person = ledger.sqlite
      .prepare(`SELECT name, id_number FROM persons WHERE status = 'active' AND length(name) = 3 LIMIT 1`)
      .get() as { name: string; id_number: string };
    const township = ledger.sqlite
      .prepare(`SELECT township_code FROM households ORDER BY id LIMIT 1`)
      .pluck()
      .get() as string;
    const cases: PersonSearchQuery[] = [
      query(surname()),
      query('王'),
      query('王芳'),
      query('王芳', { status: 'cancelled' }),
      query(person.name),
      query(person.id_number.slice(-6)),
      query(person.id_number.slice(-4)),
      query(surname(), { regionCode: township }),
      query(surname(), { status: 'cancelled' }),
    ];
    for (const q of cases) {
      const want = former({ ...q, limit: 100_000 });
      expect(want.total, q.q).toBeGreaterThan(0);
      const got = allPages(q, 7);
      expect({ q, ...got }).toEqual({ q, ...want });
    }
  });

  it('jumps straight to any page, whatever was read before', () => {
    const q = query(surname());
    const want = former({ ...q, limit: 100_000 }).ids;
    for (const offset of [want.length - 3, 40, 0, 17, want.length, want.length + 10]) {
      const page = searchPersons(ledger, { ...q, offset, limit: 10 });
      expect({ offset, ids: page.rows.map((r) => r.id) }).toEqual({
        offset,
        ids: want.slice(offset, offset + 10),
      });
      expect(page.total).toBe(want.length);
    }
  });

  it('lists 正常 before 已注销 among people of the same name (全部), each by household and id', () => {
    const got = allPages(query('王芳', { status: 'all' }), 5);
    const want = ledger.sqlite
      .prepare(
        `SELECT id FROM persons WHERE name LIKE '王芳%' ORDER BY name, status = 'cancelled', household_id, id`,
      )
      .pluck()
      .all() as number[];
    expect(got.ids).toEqual(want);
    const rows = searchPersons(ledger, query('王芳', { status: 'all', limit: 200 })).rows;
    const exact = rows.filter((r) => r.name === '王芳').map((r) => r.status);
    expect(exact).toContain('cancelled');
    expect(exact.indexOf('cancelled')).toBe(exact.lastIndexOf('active') + 1);
  });

  it('sees a change between two pages (a renamed person moves, nobody is repeated)', () => {
    const q = query(surname(), { limit: 10 });
    searchPersons(ledger, q);
    const want = former({ ...q, limit: 100_000 }).ids;
    // The person at position 10 is renamed out of the search: page 2 starts with the one after.
    ledger.sqlite.prepare(`UPDATE persons SET name = '一' || name WHERE id = ?`).run(want[10]);
    const second = searchPersons(ledger, { ...q, offset: 10 });
    expect(second.rows.map((r) => r.id)).toEqual(want.slice(11, 21));
    expect(second.total).toBe(want.length - 1);
  });

  it('counts and finds the key from the index (name, status, household_id) alone for a one-character name', () => {
    const { watched, statements } = watchStatements(ledger);
    searchPersons(watched, query(surname(), { offset: 20 }));
    expect(statements).toHaveLength(3);
    const plans = statements.map((text) => {
      const params = (text.match(/\?/g) ?? []).map(() => 'x');
      const rows = ledger.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
      return rows.map((r) => r.detail).join(' | ');
    });
    // The total and the page's key: the index alone, no person row, no household, no sort.
    for (const plan of plans.slice(0, 2)) {
      expect(plan).toMatch(/^SEARCH p USING COVERING INDEX persons_name \(name>\? AND name<\?\)$/);
    }
    // The page: seeks by key in that index, joins only the rows it returns, in the index's order.
    expect(plans[2]).toMatch(/SEARCH p USING INDEX persons_name /);
    expect(plans[2]).not.toMatch(/TEMP B-TREE/);
  });
});
