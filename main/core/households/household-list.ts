// The household list: one query shape for the screen (a page at a time) and, later, export of the
// current view. Filters are bound parameters; sort columns come from a fixed list.
import type { z } from 'zod';
import type { householdListQuery } from '../../../shared/contract/register-schemas.ts';
import { maskIdNumberShowing, maskPhoneShowing } from '../../../shared/mask.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { anyOf } from '../db/any-of.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { personMatch } from '../persons/person-match.ts';
import { findRegion, householdRegionFilter } from '../regions/region-tree.ts';
import { pageIds, searchResultIds, unindexed } from './list-page.ts';

export type HouseholdListQuery = z.output<typeof householdListQuery>;

export interface ListSql {
  from: string;
  where: string;
  params: unknown[];
  order: string;
  /** The sort column (of h) and direction, for paging by key (list-page.ts). */
  sort: { column: string; desc: boolean };
  /** A search's persons as a condition on `persons p`, for the "matched member" column. */
  match: { sql: string; params: string[] } | null;
  /** A search that finds few households (read them, then sort) rather than a large share (walk the order). */
  narrowSearch: boolean;
  /** The search text, normalised, when it is digits (an ID or phone fragment shown unmasked in the list). */
  digits: string | null;
}

export function householdListSql(ledger: Ledger, q: HouseholdListQuery): ListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.regionCode !== null) {
    const f = householdRegionFilter(findRegion(ledger, q.regionCode));
    where.push(f.where);
    params.push(...f.params);
  }
  if (q.status !== 'all') {
    where.push('h.status = ?');
    params.push(q.status);
  }
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    // '' in a filter means 未填写 (NULL in the table)
    const c = anyOf(`h.${column}`, values);
    where.push(c.sql);
    params.push(...c.params);
  };
  inList('poverty_attribute', q.povertyAttribute);
  inList('household_type', q.householdType);
  inList('monitor_category', q.monitorCategory);
  inList('poverty_status', q.povertyStatus);
  inList('main_cause', q.mainCause);
  if (q.memberCountMin !== undefined) {
    where.push('h.member_count >= ?');
    params.push(q.memberCountMin);
  }
  if (q.memberCountMax !== undefined) {
    where.push('h.member_count <= ?');
    params.push(q.memberCountMax);
  }
  let match: ListSql['match'] = null;
  let digits: string | null = null;
  let from = 'households h';
  const fromParams: unknown[] = [];
  if (q.search !== undefined && q.search.trim() !== '') {
    const m = personMatch(q.search);
    if (m) {
      match = m.onPerson;
      digits = m.digits ? m.text : null;
      const sets = [m.households.sql];
      fromParams.push(...m.households.params);
      // 户编号 and phones are digits (some counties' 户编号 carry letters).
      if (/^[0-9A-Z-]{3,}$/.test(m.text)) {
        sets.push('SELECT rowid FROM household_search WHERE household_search MATCH ?');
        fromParams.push(`"${m.text}"`);
      }
      if (m.broad) {
        // One character (王): walk the order index and test each household against the set, stopping
        // at the page's end; reading ~19,000 households' rows to sort them would cost more.
        where.push(`h.id IN (${m.households.sql})`);
        params.push(...m.households.params);
        fromParams.length = 0;
      } else {
        // The households found, then their rows (CROSS JOIN keeps this order): without statistics SQLite
        // would rather walk every household of the status index and test each against the set.
        const found =
          sets.length > 1 ? sets.join(' UNION ') : `SELECT DISTINCT household_id FROM (${sets[0]})`;
        from = `(${found}) found CROSS JOIN households h ON h.id = found.household_id`;
      }
    }
  }
  const sort = q.sort ?? { column: 'household_no', order: 'asc' };
  const dir = sort.order === 'desc' ? 'DESC' : 'ASC';
  return {
    from,
    where: where.length > 0 ? where.join(' AND ') : '1 = 1',
    // The search's parameters come first: its set is in FROM, before WHERE.
    params: [...fromParams, ...params],
    order: `h.${sort.column} ${dir} NULLS LAST, h.id ${dir}`,
    sort: { column: sort.column, desc: sort.order === 'desc' },
    match,
    narrowSearch: from !== 'households h',
    digits,
  };
}

interface ListRow {
  id: number;
  household_no: string;
  head_name: string | null;
  head_id_number: string | null;
  township_name: string;
  village_name: string;
  group_name: string | null;
  poverty_attribute: string | null;
  household_type: string | null;
  monitor_category: string | null;
  poverty_status: string | null;
  main_cause: string | null;
  member_count: number;
  phone: string | null;
  exit_year: number | null;
  status: 'active' | 'cancelled';
  matched_name: string | null;
  matched_id: string | null;
}

export function listHouseholds(ledger: Ledger, q: HouseholdListQuery) {
  const s = householdListSql(ledger, q);
  const keyed = { from: s.from, where: s.where, params: s.params, column: s.sort.column, desc: s.sort.desc };
  let total: number;
  let ids: number[];
  if (s.match !== null) {
    // A search: its households in order, once per search text and data version (a one-character name
    // matches ~19,000 of 100,000); the total and every page then come from that list.
    const all = searchResultIds(ledger, keyed, s.narrowSearch ? unindexed(s.order) : s.order);
    total = all.length;
    ids = all.slice(q.offset, q.offset + q.limit);
  } else {
    total = ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM ${s.from} WHERE ${s.where}`)
      .pluck()
      .get(...s.params) as number;
    ids = pageIds(ledger, keyed, q.offset, q.limit);
  }
  // The member a search matched (other than the 户主), tested on that household's own members.
  const matchedColumn = s.match
    ? `(SELECT p.id FROM persons p WHERE p.household_id = h.id AND p.relation <> '01' AND ${s.match.sql} LIMIT 1)`
    : 'NULL';
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.household_no, h.head_name, h.head_id_number, t.name AS township_name, v.name AS village_name,
              g.name AS group_name, h.poverty_attribute, h.household_type, h.monitor_category, h.poverty_status,
              h.main_cause, h.member_count, h.phone, h.exit_year, h.status,
              m.name AS matched_name, m.id_number AS matched_id
       FROM (SELECT h.*, ${matchedColumn} AS matched_person FROM households h
             WHERE h.id IN (SELECT value FROM json_each(?))) h
       JOIN regions t ON t.code = h.township_code
       JOIN regions v ON v.code = h.village_code
       LEFT JOIN regions g ON g.code = h.group_code
       LEFT JOIN persons m ON m.id = h.matched_person`,
    )
    .all(...(s.match ? s.match.params : []), JSON.stringify(ids)) as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = (id: string | null) => (id ? maskIdNumberShowing(id, s.digits) : '');
  return {
    total,
    rows: ids
      .map((id) => byId.get(id))
      .filter((r): r is ListRow => r !== undefined)
      .map((r) => ({
        id: r.id,
        householdNo: r.household_no,
        headName: r.head_name,
        headIdMasked: shown(r.head_id_number),
        townshipName: r.township_name,
        villageName: shortRegionName(r.village_name),
        groupName: r.group_name,
        povertyAttribute: r.poverty_attribute,
        householdType: r.household_type,
        monitorCategory: r.monitor_category,
        povertyStatus: r.poverty_status,
        mainCause: r.main_cause,
        memberCount: r.member_count,
        phoneMasked: r.phone ? maskPhoneShowing(r.phone, s.digits) : '',
        exitYear: r.exit_year,
        status: r.status,
        matched: r.matched_name ? `${r.matched_name} ${shown(r.matched_id)}`.trim() : null,
      })),
  };
}
