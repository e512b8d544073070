// The household list: one query shape for the screen (a page at a time) and, later, export of the
// current view. Filters are bound parameters; sort columns come from a fixed list.
import type { z } from 'zod';
import type { householdListQuery } from '../../../shared/contract/register-schemas.ts';
import { maskIdNumber, maskPhone } from '../../../shared/mask.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { anyOf } from '../db/any-of.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { personMatch } from '../persons/person-match.ts';
import { findRegion, householdRegionFilter } from '../regions/region-tree.ts';

export type HouseholdListQuery = z.output<typeof householdListQuery>;

export interface ListSql {
  from: string;
  where: string;
  params: unknown[];
  order: string;
  /** Person-match subquery of a search, for the "matched member" column. */
  match: { sql: string; params: string[] } | null;
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
  if (q.search !== undefined && q.search.trim() !== '') {
    const m = personMatch(q.search);
    if (m) {
      match = { sql: m.sql, params: m.params };
      const alternatives = [`h.id IN (SELECT household_id FROM persons WHERE id IN (${m.sql}))`];
      params.push(...m.params);
      // 户编号 and phones are digits (some counties' 户编号 carry letters).
      if (/^[0-9A-Z-]{3,}$/.test(m.text)) {
        alternatives.push('h.id IN (SELECT rowid FROM household_search WHERE household_search MATCH ?)');
        params.push(`"${m.text}"`);
      }
      where.push(`(${alternatives.join(' OR ')})`);
    }
  }
  const sort = q.sort ?? { column: 'household_no', order: 'asc' };
  const dir = sort.order === 'desc' ? 'DESC' : 'ASC';
  return {
    from: 'households h',
    where: where.length > 0 ? where.join(' AND ') : '1 = 1',
    params,
    order: `h.${sort.column} ${dir} NULLS LAST, h.id ${dir}`,
    match,
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
  const total = ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM ${s.from} WHERE ${s.where}`)
    .pluck()
    .get(...s.params) as number;
  const matchedColumns = s.match
    ? `(SELECT p.name FROM persons p WHERE p.household_id = h.id AND p.relation <> '01' AND p.id IN (${s.match.sql}) LIMIT 1) AS matched_name,
       (SELECT p.id_number FROM persons p WHERE p.household_id = h.id AND p.relation <> '01' AND p.id IN (${s.match.sql}) LIMIT 1) AS matched_id`
    : 'NULL AS matched_name, NULL AS matched_id';
  const rows = ledger.sqlite
    .prepare(
      `SELECT h.id, h.household_no, h.head_name, h.head_id_number, t.name AS township_name, v.name AS village_name,
              g.name AS group_name, h.poverty_attribute, h.household_type, h.monitor_category, h.poverty_status,
              h.main_cause, h.member_count, h.phone, h.exit_year, h.status, ${matchedColumns}
       FROM ${s.from}
       JOIN regions t ON t.code = h.township_code
       JOIN regions v ON v.code = h.village_code
       LEFT JOIN regions g ON g.code = h.group_code
       WHERE ${s.where}
       ORDER BY ${s.order}
       LIMIT ? OFFSET ?`,
    )
    .all(
      ...(s.match ? [...s.match.params, ...s.match.params] : []),
      ...s.params,
      q.limit,
      q.offset,
    ) as ListRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      householdNo: r.household_no,
      headName: r.head_name,
      headIdMasked: r.head_id_number ? maskIdNumber(r.head_id_number) : '',
      townshipName: r.township_name,
      villageName: shortRegionName(r.village_name),
      groupName: r.group_name,
      povertyAttribute: r.poverty_attribute,
      householdType: r.household_type,
      monitorCategory: r.monitor_category,
      povertyStatus: r.poverty_status,
      mainCause: r.main_cause,
      memberCount: r.member_count,
      phoneMasked: r.phone ? maskPhone(r.phone) : '',
      exitYear: r.exit_year,
      status: r.status,
      matched: r.matched_name
        ? `${r.matched_name} ${r.matched_id ? maskIdNumber(r.matched_id) : ''}`.trim()
        : null,
    })),
  };
}
