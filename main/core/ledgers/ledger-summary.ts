// 汇总 of a ledger: each measure of its definition per township (per village inside a township), the
// 合计 first, every region listed with zeros — computed from the records, never stored. The measures run
// as a report definition (shared/reports/ledger-summary-def.ts) through the report machinery, so the tab,
// its workbook and the CLI give the numbers of one query. Also the record count of every ledger.
import { ledgerSummaryDef } from '../../../shared/reports/ledger-summary-def.ts';
import { allLedgers, ledgerTableName } from '../../../shared/ledgers/index.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { runReportDef, type ReportResult } from '../reports/run-report.ts';
import { countyRegion, findRegion, type RegionNode } from '../regions/region-tree.ts';
import { recordSql, regionCondition, requireLedger } from './record-sql.ts';

/**
 * The 汇总 as a report result: at county level 合计 and one row per 乡镇 (its 小计, named as the 乡镇);
 * inside a 乡镇 its villages; a village (or a 组: its village) itself. `labelHeader` heads the row labels.
 */
export function ledgerSummaryReport(
  ledger: Ledger,
  ledgerId: string,
  regionCode: string | null,
  year: number | null = null,
): { report: ReportResult; labelHeader: string } {
  const def = requireLedger(ledgerId);
  let region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
  if (region.level === 'group' && region.parentCode !== null) region = findRegion(ledger, region.parentCode);
  const report = runReportDef(ledger, ledgerSummaryDef(def), { regionCode: region.code, year });
  if (region.level !== 'county') return { report, labelHeader: '村' };
  const rows = report.rows
    .filter((r) => r.kind !== 'unit' || r.label === '未定位')
    .map((r) =>
      r.kind === 'subtotal' ? { ...r, kind: 'unit' as const, label: r.label.replace(/小计$/, '') } : r,
    );
  return { report: { ...report, rows }, labelHeader: '乡镇' };
}

/** The 汇总 tab's shape (contract `ledgers.summary`): the measures, the 年度, 合计 and the rows. */
export function ledgerSummary(
  ledger: Ledger,
  ledgerId: string,
  regionCode: string | null,
  year: number | null = null,
) {
  const def = requireLedger(ledgerId);
  const { report } = ledgerSummaryReport(ledger, ledgerId, regionCode, year);
  const values = (v: Record<string, number | null>) =>
    Object.fromEntries(def.measures.map((m) => [m.key, v[m.key] ?? 0]));
  const [total, ...rows] = report.rows;
  return {
    measures: def.measures.map((m) => ({ key: m.key, label: m.label, kind: m.kind })),
    year: report.parameters.year,
    years: report.years,
    total: { regionCode: report.parameters.regionCode, name: '合计', values: values(total?.values ?? {}) },
    rows: rows.map((r) => ({ regionCode: r.regionCode, name: r.label, values: values(r.values) })),
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
