// The 首页 figures for one region, computed live (no stored totals).
import { CODE_TABLES, codeLabel, type CodeTableKey } from '../../../shared/code-tables/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { dataVersion } from '../db/data-version.ts';
import { householdRegionFilter, type RegionNode } from '../regions/region-tree.ts';

export interface CountRow {
  code: string;
  label: string;
  count: number;
}

const UNFILLED = '未填写';

function countHouseholdsBy(
  ledger: Ledger,
  region: RegionNode,
  column: string,
  table: CodeTableKey,
): CountRow[] {
  const f = householdRegionFilter(region);
  const rows = ledger.sqlite
    .prepare(
      `SELECT ${column} AS code, COUNT(*) AS count FROM households h
       WHERE h.status = 'active' AND ${f.where} GROUP BY ${column} ORDER BY count DESC`,
    )
    .all(...f.params) as { code: string | null; count: number }[];
  return rows.map((r) => ({
    code: r.code ?? '',
    label: r.code ? codeLabel(CODE_TABLES[table], r.code) : UNFILLED,
    count: r.count,
  }));
}

function countSubRegions(ledger: Ledger, region: RegionNode) {
  // The tree is small (a county has a few hundred villages and a few thousand groups).
  const rows = ledger.sqlite
    .prepare(
      `WITH RECURSIVE sub(code, level) AS (
         SELECT code, level FROM regions WHERE code = ?
         UNION ALL SELECT r.code, r.level FROM regions r JOIN sub ON r.parent_code = sub.code)
       SELECT level, COUNT(*) AS count FROM sub GROUP BY level`,
    )
    .all(region.code) as { level: string; count: number }[];
  const of = (level: string) => rows.find((r) => r.level === level)?.count ?? 0;
  return { townships: of('township'), villages: of('village'), groups: of('group') };
}

export function regionSummary(ledger: Ledger, region: RegionNode): RegionSummary {
  const version = dataVersion(ledger);
  let perLedger = cache.get(ledger);
  if (!perLedger) cache.set(ledger, (perLedger = new Map()));
  const hit = perLedger.get(region.code);
  if (hit && hit.version === version) return hit.value;
  const value = computeSummary(ledger, region);
  perLedger.set(region.code, { version, value });
  return value;
}

export function computeSummary(ledger: Ledger, region: RegionNode) {
  const f = householdRegionFilter(region);
  const households = ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM households h WHERE h.status = 'active' AND ${f.where}`)
    .pluck()
    .get(...f.params) as number;
  const personJoin =
    region.level === 'county'
      ? `FROM persons p WHERE p.status = 'active'`
      : `FROM persons p JOIN households h ON h.id = p.household_id WHERE p.status = 'active' AND h.status = 'active' AND ${f.where}`;
  const people = ledger.sqlite
    .prepare(
      `SELECT COUNT(*) AS persons,
              COALESCE(SUM(instr(p.health, '04') > 0), 0) AS disabled,
              COALESCE(SUM(p.dibao = 1), 0) AS dibao,
              COALESCE(SUM(p.labor_skill IN ('01', '02')), 0) AS labor
       ${personJoin}`,
    )
    .get(...(region.level === 'county' ? [] : f.params)) as {
    persons: number;
    disabled: number;
    dibao: number;
    labor: number;
  };
  return {
    region,
    households,
    persons: people.persons,
    ...countSubRegions(ledger, region),
    byPovertyAttribute: countHouseholdsBy(ledger, region, 'poverty_attribute', 'poverty_attribute'),
    byHouseholdType: countHouseholdsBy(ledger, region, 'household_type', 'household_type'),
    byPovertyStatus: countHouseholdsBy(ledger, region, 'poverty_status', 'poverty_status'),
    byMonitorCategory: countHouseholdsBy(ledger, region, 'monitor_category', 'monitor_category'),
    byMainCause: countHouseholdsBy(ledger, region, 'main_cause', 'poverty_cause'),
    disabledPersons: people.disabled,
    dibaoPersons: people.dibao,
    laborForce: people.labor,
  };
}

export type RegionSummary = ReturnType<typeof computeSummary>;

// A county-wide summary scans every household and person (~0.5 s at 100,000 households on an office
// PC), so it is computed once per version of the data (db/data-version.ts).
const cache = new WeakMap<Ledger, Map<string, { version: string; value: RegionSummary }>>();
