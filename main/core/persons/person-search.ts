// County-wide 查人: any member by 姓名, 证件号码 fragment or phone, with where they live. The list is in
// the order of the index (name, status, household_id) of migration 0017 — name, 正常 before 已注销, then
// household (a family's namesakes together), then id — and is read in three steps, each as narrow as it
// can be (a one-character name matches ~37,000 of 396,000 persons):
//   1. the total: a count over that index alone (no person or household row read);
//   2. the key (name, status, household, id) of the row at `offset`, also from the index alone;
//   3. the page: the rows from that key on, LIMIT, and only those joined to their household and village.
// Before (COUNT and OFFSET over persons joined to households), at 100,000 households: 王's first page took
// 41–76 ms CPU, its last page 112–123 ms; now 2–3 and 5 ms (BENCHMARKS.md).
import { sql, type Expression, type SqlBool } from 'kysely';
import { maskIdNumberShowing } from '../../../shared/mask.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { boundSql } from '../db/bound-sql.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { findRegion, householdRegionFilter } from '../regions/region-tree.ts';
import { personMatch, type PersonMatch } from './person-match.ts';

export interface PersonSearchQuery {
  q: string;
  regionCode: string | null;
  status: 'active' | 'cancelled' | 'all';
  offset: number;
  limit: number;
}

interface Key {
  name: string;
  status: string;
  household_id: number;
  id: number;
}

/** The persons a search finds as `persons p` (with its household h when a region narrows it). */
function matching(ledger: Ledger, m: PersonMatch, query: PersonSearchQuery) {
  const conds: Expression<SqlBool>[] = [boundSql(m.onPerson.sql, m.onPerson.params)];
  if (query.regionCode !== null) {
    const f = householdRegionFilter(findRegion(ledger, query.regionCode));
    conds.push(boundSql(f.where, f.params));
  }
  // `+`: status is tested in the index's entries, not taken as a constant of the order (SQLite would
  // then sort the rest of it in a temporary tree instead of reading the index in order).
  if (query.status !== 'all') conds.push(sql<SqlBool>`+p.status = ${query.status}`);
  return ledger.db
    .selectFrom('persons as p')
    .$if(query.regionCode !== null, (qb) => qb.innerJoin('households as h', 'h.id', 'p.household_id'))
    .where((eb) => eb.and(conds));
}

/**
 * The list order. A name prefix walks the index in order and stops at the page's end; a set of ids (an ID
 * fragment, a name of 3+ characters through the trigram index: a few rows) is sorted once found — `+`
 * keeps SQLite from walking the whole index testing each person against the set.
 */
const orderOf = (m: PersonMatch) =>
  sql`${m.byName ? sql`p.name` : sql`+p.name`}, p.status, p.household_id, p.id`;

function run<T>(ledger: Ledger, query: { compile: () => { sql: string; parameters: readonly unknown[] } }) {
  const c = query.compile();
  return ledger.prepare(c.sql).all(...c.parameters) as T[];
}

export function searchPersons(ledger: Ledger, query: PersonSearchQuery) {
  const m = personMatch(query.q);
  if (!m) return { total: 0, rows: [] };
  const order = orderOf(m);
  const [counted] = run<{ n: number }>(
    ledger,
    matching(ledger, m, query).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const total = counted?.n ?? 0;
  if (query.offset >= total) return { total, rows: [] };
  const [key] = run<Key>(
    ledger,
    matching(ledger, m, query)
      .select(['p.name', 'p.status', 'p.household_id', 'p.id'])
      .orderBy(order)
      .limit(1)
      .offset(query.offset),
  );
  if (key === undefined) return { total, rows: [] };
  const rows = run<{
    id: number;
    name: string;
    id_number: string;
    sex: string;
    birth_date: string | null;
    relation: string;
    household_id: number;
    household_no: string;
    head_name: string | null;
    village_name: string;
    status: 'active' | 'cancelled';
  }>(
    ledger,
    matching(ledger, m, query)
      .where(
        sql<SqlBool>`(p.name, p.status, p.household_id, p.id) >= (${key.name}, ${key.status}, ${key.household_id}, ${key.id})`,
      )
      .innerJoin('households as ph', 'ph.id', 'p.household_id')
      .innerJoin('regions as v', 'v.code', 'ph.village_code')
      .select([
        'p.id',
        'p.name',
        'p.id_number',
        'p.sex',
        'p.birth_date',
        'p.relation',
        'p.household_id',
        'ph.household_no',
        'ph.head_name',
        'v.name as village_name',
        'p.status',
      ])
      .orderBy(order)
      .limit(query.limit),
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idMasked: maskIdNumberShowing(r.id_number, m.digits ? m.text : null),
      sex: r.sex,
      birthDate: r.birth_date,
      relation: r.relation,
      householdId: r.household_id,
      householdNo: r.household_no,
      headName: r.head_name,
      villageName: shortRegionName(r.village_name),
      status: r.status,
    })),
  };
}
