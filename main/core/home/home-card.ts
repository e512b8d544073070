// One 首页 card for a region: its report run for that region (run-report.ts, the same call 报表 makes), and
// the cells the card shows — of the 合计 row, and of the 乡镇 (county) or 村 (乡镇) rows for a chart by
// region. Computed from the ledger on request; a result is reused only while the data has not changed
// (db/data-version.ts), so two cards over one report (建档立卡, 低保) run it once. Nothing is stored.
import { homeCard, homeCardCells } from '../../../shared/home/cards.ts';
import { LedgerError } from '../../../shared/result.ts';
import { todayIso } from '../../../shared/date-input.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import { dataVersion } from '../db/data-version.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { countyRegion, findRegion, regionTree, type RegionNode } from '../regions/region-tree.ts';
import { runReport } from '../reports/run-report.ts';

type Cells = Record<string, number | null>;

/** Reports sum by 乡镇 and 村; a 组 is shown as its village (as on the 报表 screen). */
export function reportingRegion(ledger: Ledger, regionCode: string | null): RegionNode {
  const region = regionCode === null ? countyRegion(ledger) : findRegion(ledger, regionCode);
  return region.level === 'group' && region.parentCode !== null ? findRegion(ledger, region.parentCode) : region;
} // prettier-ignore

export function runHomeCard(ledger: Ledger, id: string, regionCode: string | null) {
  const card = homeCard(id);
  if (!card) throw new LedgerError('not-found', `首页没有“${id}”这一项。`);
  const region = reportingRegion(ledger, regionCode);
  const report = cachedReport(ledger, card.report, region.code);
  const cells = homeCardCells(card);
  const pick = (values: Cells): Cells => Object.fromEntries(cells.map((c) => [c, values[c] ?? null]));
  const total = report.rows.find((r) => r.kind === 'total');
  if (!total) throw new Error(`report ${card.report} has no 合计 row`);
  // The rows one level down: 乡镇小计 for the county, villages otherwise (a village: itself).
  const below = region.level === 'county' ? 'subtotal' : 'unit';
  // Chart labels as clerks write them: 五星村, not 五星村村委会.
  const names = new Map(regionTree(ledger).map((r) => [r.code, shortRegionName(r.name)]));
  const regions =
    card.chart.kind === 'regions'
      ? report.rows
          .filter((r) => r.kind === below && r.regionCode !== '')
          .map((r) => ({ regionCode: r.regionCode, label: names.get(r.regionCode) ?? r.label, values: pick(r.values) }))
      : [];
  return {
    id: card.id,
    reportId: report.id,
    reportTitle: report.title,
    region: { code: region.code, name: region.name, level: region.level },
    year: report.parameters.year,
    asOf: report.parameters.asOf,
    total: pick(total.values),
    regions,
  };
} // prettier-ignore

type ReportResult = ReturnType<typeof runReport>;
const cache = new WeakMap<Ledger, Map<string, { version: string; result: ReportResult }>>();

/** runReport for the region as of today (its default), reused until the ledger's data changes. */
function cachedReport(ledger: Ledger, reportId: string, regionCode: string): ReportResult {
  const asOf = todayIso();
  const key = `${reportId}|${regionCode}|${asOf}`;
  const version = dataVersion(ledger);
  let perLedger = cache.get(ledger);
  if (!perLedger) cache.set(ledger, (perLedger = new Map()));
  const hit = perLedger.get(key);
  if (hit?.version === version) return hit.result;
  // Old versions are of no use once the data moved on; a few dozen regions × reports at most otherwise.
  if (perLedger.size > 200) perLedger.clear();
  const result = runReport(ledger, reportId, { regionCode, asOf });
  perLedger.set(key, { version, result });
  return result;
}

export type HomeCardResult = ReturnType<typeof runHomeCard>;
