// 汇总 of a ledger: each measure of its definition per township (per village inside a township), the
// 合计 first — computed from the records, never stored. Also the record count of every ledger.
import type { LedgerDef, LedgerMeasure, MeasureWhere } from '../../../shared/ledgers/define.ts';
import { allLedgers, ledgerTableName } from '../../../shared/ledgers/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { countyRegion, findRegion, regionTree, type RegionNode } from '../regions/region-tree.ts';
import { anyOf } from '../db/any-of.ts';
import { recordSql, regionCondition, requireLedger } from './record-sql.ts';

function measureSql(def: LedgerDef, m: LedgerMeasure): { sql: string; params: unknown[] } {
  // A 'codes' value ("03,05") counts when it holds any of the codes; several conditions must all hold.
  const wheres = m.where === undefined ? [] : Array.isArray(m.where) ? m.where : [m.where as MeasureWhere];
  const parts = wheres.map((w) =>
    anyOf(`r.${w.column}`, w.in, def.fields.find((f) => f.column === w.column)?.type === 'codes'),
  );
  const cond = parts.length === 0 ? null : parts.map((p) => `(${p.sql})`).join(' AND ');
  const params = parts.flatMap((p) => p.params);
  if (m.kind === 'count')
    return { sql: cond ? `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)` : 'COUNT(*)', params };
  return { sql: `SUM(${cond ? `CASE WHEN ${cond} THEN r.${m.column} END` : `r.${m.column}`})`, params };
}

export function ledgerSummary(
  ledger: Ledger,
  ledgerId: string,
  regionCode: string | null,
  year: number | null = null,
) {
  const def = requireLedger(ledgerId);
  const region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
  const s = recordSql(def);
  const parts = def.measures.map((m) => measureSql(def, m));
  const select = parts.map((p, i) => `${p.sql} AS m${i}`).join(', ');
  const params = parts.flatMap((p) => p.params);
  // Group by township under the county, by village under a township (codes: 9 and 12 digits).
  const width = region.level === 'county' ? 9 : 12;
  const c = regionCondition(def, region);
  // A ledger kept by 年度 is counted one 年度 at a time: 2019's plans and 2020's are never added up.
  const yearColumn = def.summaryYear ?? null;
  const years =
    yearColumn === null
      ? []
      : (ledger
          .prepare(
            `SELECT DISTINCT ${yearColumn} FROM ${ledgerTableName(def)} WHERE ${yearColumn} IS NOT NULL ORDER BY 1 DESC`,
          )
          .pluck()
          .all() as number[]);
  const counted = yearColumn === null ? null : (year ?? years[0] ?? null);
  const where = counted === null ? c.where : `${c.where} AND r.${yearColumn} = ?`;
  const rows = ledger.sqlite
    .prepare(
      `SELECT substr(${s.regionExpr}, 1, ${width}) AS unit, ${select} FROM ${s.from} WHERE ${where} GROUP BY unit`,
    )
    .all(...params, ...c.params, ...(counted === null ? [] : [counted])) as Array<
    Record<string, number | string | null>
  >;
  const names = new Map(regionTree(ledger).map((r) => [r.code, r.name]));
  const values = (row: Record<string, number | string | null>) =>
    Object.fromEntries(def.measures.map((m, i) => [m.key, Number(row[`m${i}`] ?? 0)]));
  const units = rows.map((row) => {
    const unit = row.unit === null ? null : String(row.unit);
    const code = unit === null ? '' : width === 9 ? `${unit}000` : unit;
    return {
      regionCode: code,
      name: unit === null ? '未定位' : (names.get(code) ?? code),
      values: values(row),
    };
  });
  units.sort((a, b) =>
    a.regionCode === '' ? 1 : b.regionCode === '' ? -1 : a.regionCode.localeCompare(b.regionCode),
  );
  const total = Object.fromEntries(
    def.measures.map((m) => [m.key, units.reduce((sum, u) => sum + (u.values[m.key] ?? 0), 0)]),
  );
  return {
    measures: def.measures.map((m) => ({ key: m.key, label: m.label, kind: m.kind })),
    year: counted,
    years,
    total: { regionCode: region.code, name: '合计', values: total },
    rows: units,
  };
}

/** Records of every ledger (inside a region), keyed by ledger id. */
export function ledgerCounts(ledger: Ledger, region: RegionNode | null = null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of allLedgers()) {
    if (region === null || region.level === 'county') {
      out[def.id] = ledger
        .prepare(`SELECT COUNT(*) FROM ${ledgerTableName(def)}`)
        .pluck()
        .get() as number;
      continue;
    }
    const s = recordSql(def);
    const c = regionCondition(def, region);
    out[def.id] = ledger.sqlite
      .prepare(`SELECT COUNT(*) FROM ${s.from} WHERE ${c.where}`)
      .pluck()
      .get(...c.params) as number;
  }
  return out;
}
