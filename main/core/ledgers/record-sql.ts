// The SQL shape of a ledger's records with their subject: which joins reach the person/household, the
// subject columns every view shows, the region condition, rollups over child ledgers. One place, used
// by the list, a single record, the household tabs, summaries and export.
import type { LedgerDef } from '../../../shared/ledgers/define.ts';
import { ledgerDef, ledgerTableName } from '../../../shared/ledgers/index.ts';
import { LedgerError } from '../../../shared/result.ts';
import { householdRegionFilter, type RegionNode } from '../regions/region-tree.ts';

export function requireLedger(id: string): LedgerDef {
  const def = ledgerDef(id);
  if (!def) throw new LedgerError('not-found', `没有编号为“${id}”的专项台账。`);
  return def;
}

export interface RecordSql {
  table: string;
  /** FROM … JOIN …, the record aliased r, its household h (if any), its person p (person ledgers). */
  from: string;
  /** Subject columns: s_person_id, s_household_id, s_name, s_id_number, s_household_no, s_region_code, s_parent_label. */
  subject: string;
  /** The code of the record's place (the household's group/village, or the record's own region). */
  regionExpr: string;
  /** rollup_<column> sums over child ledgers. */
  rollups: string;
}

export function recordSql(def: LedgerDef): RecordSql {
  const table = ledgerTableName(def);
  let from: string;
  let subject: string;
  let regionExpr: string;
  if (def.subject === 'person') {
    from = `${table} r LEFT JOIN persons p ON p.id = r.person_id LEFT JOIN households h ON h.id = p.household_id`;
    const own = def.personOptional;
    subject = `r.person_id AS s_person_id, p.household_id AS s_household_id,
      ${own ? 'COALESCE(p.name, r.person_name)' : 'p.name'} AS s_name,
      ${own ? 'COALESCE(p.id_number, r.person_id_number)' : 'p.id_number'} AS s_id_number,
      h.household_no AS s_household_no`;
    regionExpr = own
      ? 'COALESCE(h.group_code, h.village_code, r.region_code)'
      : 'COALESCE(h.group_code, h.village_code)';
  } else if (def.subject === 'household') {
    from = `${table} r JOIN households h ON h.id = r.household_id`;
    subject = `NULL AS s_person_id, r.household_id AS s_household_id, h.head_name AS s_name,
      h.head_id_number AS s_id_number, h.household_no AS s_household_no`;
    regionExpr = 'COALESCE(h.group_code, h.village_code)';
  } else {
    from = `${table} r LEFT JOIN households h ON h.id = r.household_id`;
    subject = `NULL AS s_person_id, r.household_id AS s_household_id, h.head_name AS s_name,
      h.head_id_number AS s_id_number, h.household_no AS s_household_no`;
    regionExpr = 'COALESCE(r.region_code, h.group_code, h.village_code)';
  }
  subject += `, ${regionExpr} AS s_region_code`;
  if (def.parent) {
    const parent = requireLedger(def.parent.ledger);
    subject +=
      def.parent.key === 'subject'
        ? `, r.parent_id AS s_parent_id, NULL AS s_parent_label`
        : `, r.parent_id AS s_parent_id, (SELECT pr.${def.parent.key} FROM ${ledgerTableName(parent)} pr WHERE pr.id = r.parent_id) AS s_parent_label`;
  } else subject += ', NULL AS s_parent_id, NULL AS s_parent_label';
  const rollups = (def.rollups ?? [])
    .map(
      (ru) =>
        `, (SELECT COALESCE(SUM(c.${ru.sum}), 0) FROM ${ledgerTableName(requireLedger(ru.child))} c WHERE c.parent_id = r.id) AS rollup_${ru.column}`,
    )
    .join('');
  return { table, from, subject, regionExpr, rollups };
}

/** A code column inside a region: township codes are 9 digits + '000', villages 12, groups '<village>-NN'. */
function codeInRegion(column: string, region: RegionNode): { where: string; params: string[] } {
  switch (region.level) {
    case 'county':
      return { where: '1 = 1', params: [] };
    case 'township':
      // A range on the 9-digit prefix (':' sorts after every digit), so the index serves it.
      return {
        where: `(${column} >= ? AND ${column} < ?)`,
        params: [region.code.slice(0, 9), `${region.code.slice(0, 9)}:`],
      };
    case 'village':
      return {
        where: `(${column} = ? OR (${column} > ? AND ${column} < ?))`,
        params: [region.code, `${region.code}-`, `${region.code}.`],
      };
    case 'group':
      return { where: `${column} = ?`, params: [region.code] };
  }
}

/**
 * Records inside a region. Person and household records go through the households of the region (their
 * indexed codes) and then the record's own index, instead of testing every record's joined place.
 */
export function regionCondition(def: LedgerDef, region: RegionNode): { where: string; params: string[] } {
  if (region.level === 'county') return { where: '1 = 1', params: [] };
  const h = householdRegionFilter(region);
  const inHouseholds = h.where.replace(/\bh\./g, 'h2.');
  if (def.subject === 'household')
    return {
      where: `r.household_id IN (SELECT h2.id FROM households h2 WHERE ${inHouseholds})`,
      params: h.params,
    };
  if (def.subject === 'person') {
    const registered = `r.person_id IN (SELECT p2.id FROM persons p2 JOIN households h2 ON h2.id = p2.household_id WHERE ${inHouseholds})`;
    if (!def.personOptional) return { where: registered, params: h.params };
    const own = codeInRegion('r.region_code', region);
    return {
      where: `(${registered} OR (r.person_id IS NULL AND ${own.where}))`,
      params: [...h.params, ...own.params],
    };
  }
  return codeInRegion('r.region_code', region);
}
