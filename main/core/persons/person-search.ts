// County-wide 查人: any member by 姓名, 证件号码 fragment or phone, with where they live.
import { maskIdNumberShowing } from '../../../shared/mask.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { findRegion, householdRegionFilter } from '../regions/region-tree.ts';
import { personMatch } from './person-match.ts';

export interface PersonSearchQuery {
  q: string;
  regionCode: string | null;
  status: 'active' | 'cancelled' | 'all';
  offset: number;
  limit: number;
}

interface Row {
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
}

export function searchPersons(ledger: Ledger, query: PersonSearchQuery) {
  const m = personMatch(query.q);
  if (!m) return { total: 0, rows: [] };
  // Tested on the person row itself: a one-character name then walks the (name) index in order and
  // stops at the page's end, instead of collecting every 王 of the county first.
  const where = [m.onPerson.sql];
  const params: unknown[] = [...m.onPerson.params];
  if (query.status !== 'all') {
    where.push('p.status = ?');
    params.push(query.status);
  }
  if (query.regionCode !== null) {
    const f = householdRegionFilter(findRegion(ledger, query.regionCode));
    where.push(f.where);
    params.push(...f.params);
  }
  const from = `persons p JOIN households h ON h.id = p.household_id`;
  const total = ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM ${from} WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(...params) as number;
  const rows = ledger.sqlite
    .prepare(
      `SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.relation, p.household_id, h.household_no, h.head_name,
              v.name AS village_name, p.status
       FROM ${from} JOIN regions v ON v.code = h.village_code
       WHERE ${where.join(' AND ')}
       ORDER BY p.name, p.id LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit, query.offset) as Row[];
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
