// A report definition run over one ledger: a query per source (report-query.ts), then the rows every
// report has — 合计 first; at county level each 乡镇 as a 小计 row followed by its villages; at township
// level its villages — every region listed with zeros. Rates are computed from the row's own figures.
import { todayIso } from '../../../shared/date-input.ts';
import { ledgerTableName } from '../../../shared/ledgers/index.ts';
import type { ReportColumn, ReportDef, ReportMeasure, ReportSource } from '../../../shared/reports/define.ts';
import { isMeasure, reportMeasures } from '../../../shared/reports/define.ts';
import { reportDef } from '../../../shared/reports/index.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireLedger } from '../ledgers/record-sql.ts';
import { requireCounty } from '../regions/county-setup.ts';
import { countyRegion, findRegion, regionTree, type RegionNode } from '../regions/region-tree.ts';
import { runSourceQuery, type UnitValues } from './report-query.ts';

export interface ReportParams {
  regionCode?: string | null;
  year?: number | null;
  asOf?: string | null;
}

export type RowKind = 'total' | 'subtotal' | 'unit';

export interface ReportRow {
  regionCode: string;
  label: string;
  kind: RowKind;
  values: Record<string, number | null>;
}

export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
  /** The measure under this cell (leaves only). */
  key: string | null;
}

export function requireReport(id: string): ReportDef {
  const def = reportDef(id);
  if (!def) throw new LedgerError('not-found', `没有编号为“${id}”的报表。`);
  return def;
}

const sourceKey = (s: ReportSource) => (s === 'register' ? 'register' : s.ledger);

/** The header as rows of cells (merged across for groups, down for single columns). */
export function headerRows(columns: readonly ReportColumn[]): HeaderCell[][] {
  const depth = (cols: readonly ReportColumn[]): number =>
    Math.max(...cols.map((c) => (isMeasure(c) ? 1 : 1 + depth(c.children))));
  const total = depth(columns);
  const rows: HeaderCell[][] = Array.from({ length: total }, () => []);
  const width = (c: ReportColumn): number =>
    isMeasure(c) ? 1 : c.children.reduce((n, x) => n + width(x), 0);
  const walk = (cols: readonly ReportColumn[], level: number) => {
    for (const c of cols) {
      const row = rows[level] as HeaderCell[];
      if (isMeasure(c)) row.push({ label: c.label, colSpan: 1, rowSpan: total - level, key: c.key });
      else {
        row.push({ label: c.label, colSpan: width(c), rowSpan: 1, key: null });
        walk(c.children, level + 1);
      }
    }
  };
  walk(columns, 0);
  return rows;
}

/** The group labels above each measure (for a flat JSON reader: ['计划外出务工', '县内', '户数']). */
function measurePaths(columns: readonly ReportColumn[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (cols: readonly ReportColumn[], path: string[]) => {
    for (const c of cols) {
      if (isMeasure(c)) out.set(c.key, [...path, c.label]);
      else walk(c.children, [...path, c.label]);
    }
  };
  walk(columns, []);
  return out;
}

function add(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function finish(
  measures: readonly ReportMeasure[],
  summed: Record<string, number>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of measures) {
    if (m.kind === 'rate') {
      const per = summed[m.per] ?? 0;
      out[m.key] = per === 0 ? null : Math.round(((summed[m.of] ?? 0) / per) * 1000) / 10;
    } else if (m.kind === 'sum') out[m.key] = Math.round((summed[m.key] ?? 0) * 100) / 100;
    else out[m.key] = summed[m.key] ?? 0;
  }
  return out;
}

/** The 年度 a report counts: the one asked for, else the latest in its ledger, else none. */
function reportYears(ledger: Ledger, def: ReportDef): { column: string | null; years: number[] } {
  if (!def.parameters.includes('year') || def.source === 'register') return { column: null, years: [] };
  const ledgerDef = requireLedger(def.source.ledger);
  const column = def.yearField ?? ledgerDef.summaryYear ?? null;
  if (column === null) return { column: null, years: [] };
  const years = ledger
    .prepare(
      `SELECT DISTINCT ${column} FROM ${ledgerTableName(ledgerDef)} WHERE ${column} IS NOT NULL ORDER BY 1 DESC`,
    )
    .pluck()
    .all() as number[];
  return { column, years };
}

/** What a report counts with these parameters: its region, 年度 and as-of date (the drill-down's too). */
export function reportScope(ledger: Ledger, report: string | ReportDef, params: ReportParams) {
  const def = typeof report === 'string' ? requireReport(report) : report;
  const region: RegionNode =
    params.regionCode == null ? countyRegion(ledger) : findRegion(ledger, params.regionCode);
  if (region.level === 'group')
    throw new LedgerError('bad-request', '报表按乡镇或村汇总：请选择县、乡镇或村，不能选择组。');
  const { column: yearColumn, years } = reportYears(ledger, def);
  const year = def.parameters.includes('year') ? (params.year ?? years[0] ?? null) : null;
  const asOf = params.asOf ?? todayIso();
  /** The 年度 filter of a source: the report's own ledger only (another source, the register, has none). */
  const yearOf = (source: ReportSource) =>
    sourceKey(source) === sourceKey(def.source) && yearColumn !== null
      ? { column: yearColumn, value: year }
      : null;
  return { def, region, years, year, asOf, yearOf };
}

export function runReport(ledger: Ledger, id: string, params: ReportParams = {}) {
  return runReportDef(ledger, requireReport(id), params);
}

/** A definition that need not be in the catalog (a ledger's 汇总, derived from its measures). */
export function runReportDef(ledger: Ledger, report: ReportDef, params: ReportParams = {}) {
  const { def, region, years, year, asOf, yearOf } = reportScope(ledger, report, params);
  const county = requireCounty(ledger);
  const measures = reportMeasures(def);

  // One query per source; each returns the measures of that source per village.
  const bySource = new Map<string, { source: ReportSource; measures: ReportMeasure[] }>();
  for (const m of measures) {
    if (m.kind === 'rate') continue;
    const source = m.source ?? def.source;
    const key = sourceKey(source);
    const entry = bySource.get(key) ?? { source, measures: [] };
    entry.measures.push(m);
    bySource.set(key, entry);
  }
  const units: UnitValues = new Map();
  for (const { source, measures: ms } of bySource.values()) {
    const result = runSourceQuery(ledger, {
      def: source === 'register' ? null : requireLedger(source.ledger),
      measures: ms,
      region,
      year: yearOf(source),
      asOf,
    });
    for (const [unit, values] of result) {
      const into = units.get(unit) ?? {};
      add(into, values);
      units.set(unit, into);
    }
  }

  const tree = regionTree(ledger);
  const villagesOf = (township: string) =>
    tree.filter((r) => r.level === 'village' && r.parentCode === township);
  const sumWhere = (test: (unit: string) => boolean) => {
    const out: Record<string, number> = {};
    for (const [unit, values] of units) if (test(unit)) add(out, values);
    return out;
  };
  const row = (r: RegionNode, kind: RowKind, label: string, summed: Record<string, number>): ReportRow => ({
    regionCode: r.code,
    label,
    kind,
    values: finish(measures, summed),
  });
  // Rows name the place as clerks say it (五星村, not 五星村村委会); 填报单位 below keeps the official name.
  const villageRow = (v: RegionNode) => row(v, 'unit', shortRegionName(v.name), units.get(v.code) ?? {});
  const inTownship = (t: RegionNode) => (unit: string) => unit.startsWith(t.code.slice(0, 9));

  const rows: ReportRow[] = [
    row(
      region,
      'total',
      '合计',
      sumWhere(() => true),
    ),
  ];
  if (region.level === 'county') {
    for (const t of tree.filter((r) => r.level === 'township')) {
      rows.push(row(t, 'subtotal', `${shortRegionName(t.name)}小计`, sumWhere(inTownship(t))));
      rows.push(...villagesOf(t.code).map(villageRow));
    }
  } else if (region.level === 'township') rows.push(...villagesOf(region.code).map(villageRow));
  else rows.push(villageRow(region));
  // Records whose place is not in the tree count in 合计 only; a row says how many.
  const known = new Set(tree.map((r) => r.code));
  const unplaced = sumWhere(
    (unit) => !known.has(unit) && !tree.some((r) => r.level === 'township' && inTownship(r)(unit)),
  );
  if (Object.values(unplaced).some((v) => v !== 0))
    rows.push({ regionCode: '', label: '未定位', kind: 'unit', values: finish(measures, unplaced) });

  const paths = measurePaths(def.columns);
  return {
    id: def.id,
    title: def.title,
    unit: def.unit,
    /** 填报单位: the county, or the 乡镇/村 reported on. */
    reportingUnit:
      region.level === 'county' ? county.fullName : `${county.fullName}${regionPath(tree, region)}`,
    parameters: { regionCode: region.code, regionName: region.name, year, asOf },
    years,
    columns: measures.map((m) => ({
      key: m.key,
      label: m.label,
      kind: m.kind,
      path: paths.get(m.key) ?? [m.label],
    })),
    header: headerRows(def.columns),
    rows,
    notes: [...(def.notes ?? [])],
  };
}

export type ReportResult = ReturnType<typeof runReportDef>;

function regionPath(tree: readonly RegionNode[], region: RegionNode): string {
  const names: string[] = [];
  let at: RegionNode | undefined = region;
  while (at && at.level !== 'county') {
    names.unshift(at.name);
    const parent: string | null = at.parentCode;
    at = tree.find((r) => r.code === parent);
  }
  return names.join('');
}

/** The catalog as the CLI and the UI list it. */
export const reportCatalog = (defs: readonly ReportDef[]) =>
  defs.map((d) => ({
    id: d.id,
    title: d.title,
    parameters: ['region' as const, ...d.parameters],
    unit: d.unit,
  }));
