// A thematic ledger's record list reads its pages by key (issue 14 item 12), like the household list:
// page after page forwards and backwards, jumps to any page, the default order (newest first), sorted
// columns (each with its index (column, id), migration 0016) with many ties and empty values, both
// directions, filters, a search and a region give exactly what the former query (COUNT, then ORDER BY …
// LIMIT … OFFSET over the joined records) gave — no record twice, none missing — and a record added
// between two pages is seen. The first page sorted by a column reads the column's index, not every record
// sorted in a temporary B-tree (checked on the query plans), and a column the definition does not declare
// sortable is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger, type Ledger } from '../../main/core/db/open-ledger.ts';
import { listRecords, recordWhere, type RecordQuery } from '../../main/core/ledgers/record-read.ts';
import { requireLedger } from '../../main/core/ledgers/record-sql.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { recordQuery } from '../../shared/contract/ledgers.ts';
import { tempLedgerPath } from '../helpers/temp-ledger.ts';
import { watchStatements } from '../helpers/watch-statements.ts';

let ledger: Ledger;

beforeAll(async () => {
  ledger = await openLedger(tempLedgerPath());
  loadDemo(ledger, () => getRegionCatalog(), 300, 4, '420626', { ledgers: true });
  // Empty start dates, so a sorted column has both parts (filled first, then empty).
  ledger.sqlite.exec(`UPDATE ledger_migrant_work SET start_date = NULL WHERE id % 5 = 0`);
  // Ties and empty amounts: a few incomes shared by many records, some none.
  ledger.sqlite.exec(
    `UPDATE ledger_migrant_work SET monthly_income = CASE WHEN id % 7 = 0 THEN NULL ELSE 3000 + (id % 4) * 500 END`,
  );
});
afterAll(async () => {
  await ledger.close();
});

const parse = (q: object): RecordQuery => recordQuery.parse({ regionCode: null, ...q });

/** The former list query (record-read.ts at commit 3936631): every record id in list order. */
function former(q: RecordQuery): number[] {
  const def = requireLedger(q.ledgerId);
  const w = recordWhere(ledger, def, q);
  return ledger.sqlite
    .prepare(`SELECT r.id FROM ${w.sql.from} WHERE ${w.where} ORDER BY ${w.order} LIMIT -1 OFFSET 0`)
    .pluck()
    .all(...w.params) as number[];
}

const pageOf = (q: RecordQuery, offset: number, limit: number) => {
  const page = listRecords(ledger, { ...q, offset, limit });
  return { total: page.total, ids: page.rows.map((r) => r.id) };
};

describe('ledger record lists page by key', () => {
  const township = () =>
    ledger.sqlite.prepare(`SELECT township_code FROM households ORDER BY id LIMIT 1`).pluck().get() as string;
  const cases = (): RecordQuery[] => [
    parse({ ledgerId: 'migrant_work' }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'id', order: 'asc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'status', order: 'asc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'start_date', order: 'desc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'start_date', order: 'asc' }, regionCode: township() }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'monthly_income', order: 'asc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'monthly_income', order: 'desc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'destination', order: 'desc' } }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'year', order: 'asc' } }),
    parse({
      ledgerId: 'migrant_work',
      sort: { column: 'monthly_income', order: 'desc' },
      regionCode: township(),
      filters: { status: ['01', '02'] },
    }),
    parse({
      ledgerId: 'migrant_work',
      sort: { column: 'start_date', order: 'asc' },
      filters: { destination: ['01', '04', ''] },
    }),
    // A broad filter (walked) and one that goes with the sort column (未外出 have no 开始日期: sorted).
    parse({
      ledgerId: 'migrant_work',
      sort: { column: 'start_date', order: 'desc' },
      filters: { status: ['01', '02'] },
    }),
    parse({
      ledgerId: 'migrant_work',
      sort: { column: 'start_date', order: 'asc' },
      filters: { status: ['03', '04', '05'] },
    }),
    parse({ ledgerId: 'migrant_work', sort: { column: 'status', order: 'desc' }, search: '王' }),
    parse({ ledgerId: 'migrant_work', filters: { destination: ['01', '02', ''] } }),
    parse({ ledgerId: 'migrant_work', filters: { status: ['01', '02', '04'] }, regionCode: township() }),
    parse({ ledgerId: 'migrant_work', search: '王' }),
    parse({ ledgerId: 'drinking_water', sort: { column: 'source_type', order: 'desc' } }),
    parse({ ledgerId: 'helpers' }),
    parse({ ledgerId: 'helpers', regionCode: township() }),
    parse({ ledgerId: 'medical_insurance', sort: { column: 'subsidy_category', order: 'asc' } }),
    parse({ ledgerId: 'medical_insurance', sort: { column: 'subsidy_amount', order: 'desc' } }),
  ];

  it('gives every page, forwards and backwards, exactly the former order and total', () => {
    for (const q of cases()) {
      const want = former(q);
      expect(want.length, JSON.stringify(q)).toBeGreaterThan(5);
      const forwards: number[] = [];
      for (let offset = 0; offset < want.length + 9; offset += 9) {
        const page = pageOf(q, offset, 9);
        expect(page.total).toBe(want.length);
        forwards.push(...page.ids);
      }
      expect({ q, ids: forwards }).toEqual({ q, ids: want });
      // 上一页 after 下一页: the same pages again, from the end back to the start.
      const backwards: number[][] = [];
      for (let offset = Math.floor((want.length - 1) / 9) * 9; offset >= 0; offset -= 9)
        backwards.unshift(pageOf(q, offset, 9).ids);
      expect({ q, ids: backwards.flat() }).toEqual({ q, ids: want });
    }
  });

  it('jumps straight to any page (no page read before it)', () => {
    for (const q of cases()) {
      const want = former(q);
      for (const offset of [want.length - 2, Math.floor(want.length / 2), 3, 0, want.length]) {
        expect({ q, offset, ids: pageOf(q, offset, 10).ids }).toEqual({
          q,
          offset,
          ids: want.slice(offset, offset + 10),
        });
      }
    }
  });

  it('sees a record added between two pages (no stale key)', () => {
    const q = parse({ ledgerId: 'migrant_work' });
    const first = pageOf(q, 0, 20);
    // A copy of the 25th record (a new, highest id): newest first, it is now first and page 2 shifts by one.
    const at25 = former(q)[25];
    const columns = (
      ledger.sqlite
        .prepare(`SELECT name FROM pragma_table_info('ledger_migrant_work')`)
        .pluck()
        .all() as string[]
    ).filter((c) => c !== 'id' && c !== 'slip_serial');
    ledger.sqlite
      .prepare(
        `INSERT INTO ledger_migrant_work (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ledger_migrant_work WHERE id = ?`,
      )
      .run(at25);
    const second = pageOf(q, 20, 20);
    const want = former(q);
    expect(second.total).toBe(first.total + 1);
    expect(second.ids).toEqual(want.slice(20, 40));
    expect(second.ids[0]).toBe(first.ids[19]);
  });

  it('reads a deep page of the default order without the joined rows before it', () => {
    const { watched, statements } = watchStatements(ledger);
    const q = parse({ ledgerId: 'migrant_work' });
    const total = former(q).length;
    listRecords(watched, { ...q, offset: total - 10, limit: 10 });
    const skipping = statements.filter((s) => /OFFSET/i.test(s));
    expect(skipping.length).toBeGreaterThan(0);
    // What skips rows to reach the page reads the record table alone: no person, household or rollup.
    for (const s of skipping) expect(s).not.toMatch(/JOIN|persons|households/);
  });

  it('reads the first page sorted by a column from its index, with no sort of every record', () => {
    for (const sort of [
      { column: 'start_date', order: 'desc' },
      { column: 'monthly_income', order: 'asc' },
      { column: 'status', order: 'asc' },
    ]) {
      const { watched, statements } = watchStatements(ledger);
      const page = listRecords(watched, {
        ...parse({ ledgerId: 'migrant_work', sort }),
        offset: 0,
        limit: 20,
      });
      expect(page.rows).toHaveLength(20);
      const plans = statements.map((text) => {
        const params = (text.match(/\?/g) ?? []).map(() => 'x');
        const rows = ledger.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as {
          detail: string;
        }[];
        return { text, plan: rows.map((r) => r.detail).join(' | ') };
      });
      const ordered = plans.filter((p) => p.text.includes(`ORDER BY r.${sort.column}`));
      expect(ordered.length, JSON.stringify(plans)).toBeGreaterThan(0);
      for (const p of ordered)
        expect(p.plan).toMatch(
          new RegExp(`^SEARCH r USING COVERING INDEX ledger_migrant_work_sort_${sort.column} `),
        );
      // Nothing read sorts the records in a temporary B-tree (the region names' small table aside).
      for (const p of plans.filter((x) => /ledger_migrant_work/.test(x.text)))
        expect(p, 'a sort of every record').not.toMatchObject({ plan: expect.stringMatching(/TEMP B-TREE/) });
    }
  });

  it('refuses a column the definition does not declare sortable, in Chinese', () => {
    const list = (column: string) =>
      listRecords(ledger, {
        ...parse({ ledgerId: 'migrant_work', sort: { column, order: 'asc' } }),
        offset: 0,
        limit: 10,
      });
    expect(() => list('remark')).toThrow(/外出务工不能按“备注”排序；可以按“年度”、“务工状态”.*排序。/);
    expect(() => list('created_at')).toThrow('外出务工没有“created_at”这一列，不能按它排序');
    expect(() => list('year')).not.toThrow();
  });

  it('walks the sort index under a broad filter, and sorts what a filter going with the column keeps', () => {
    const read = (filters: Record<string, string[]>, order: 'asc' | 'desc', limit: number) => {
      const { watched, statements } = watchStatements(ledger);
      const q = parse({ ledgerId: 'migrant_work', sort: { column: 'start_date', order }, filters });
      listRecords(watched, { ...q, offset: 0, limit });
      return statements.filter((s) => /FROM ledger_migrant_work r\b/.test(s));
    };
    const walked = read({ status: ['01', '02'] }, 'desc', 20);
    expect(walked.some((s) => /INDEXED BY ledger_migrant_work_sort_start_date/.test(s))).toBe(true);
    // 未外出 (03–05) have no 开始日期: the index's first entries (20 pages of 2, fewer than the dated
    // records) hold none of them, so the records are sorted.
    const counts = ledger.sqlite
      .prepare(
        `SELECT COUNT(*) AS kept, COUNT(start_date) AS dated FROM ledger_migrant_work WHERE status IN ('03', '04', '05')`,
      )
      .get() as { kept: number; dated: number };
    expect(counts.kept).toBeGreaterThan(20);
    expect(counts.dated).toBe(0);
    const dated = ledger.sqlite
      .prepare(`SELECT COUNT(start_date) FROM ledger_migrant_work`)
      .pluck()
      .get() as number;
    expect(dated).toBeGreaterThan(40);
    const sorted = read({ status: ['03', '04', '05'] }, 'asc', 2);
    expect(sorted.some((s) => /ORDER BY \+r\.start_date/.test(s))).toBe(true);
    expect(sorted.some((s) => /^SELECT r\.start_date AS value/.test(s))).toBe(false);
  });
});
