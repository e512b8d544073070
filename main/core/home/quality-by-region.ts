// 首页's 数据质量 card: findings of the data-quality rules per 100 households, by 乡镇 (county selected) or 村.
// The rule engine is built on another branch (issue 12, items 1–5); until it is merged into this one the
// card says so instead of showing a number. Connecting it is one function: `findingsBelow` below.
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { reportingRegion } from './home-card.ts';

export interface RegionFindings {
  regionCode: string;
  label: string;
  /** Active households of the region (the denominator). */
  households: number;
  /** Findings of every rule (错误 and 疑点) not marked 已核实无误. */
  findings: number;
}

/**
 * Findings per sub-region of `region` (乡镇 of the county, 村 of a 乡镇, the village itself), or null while
 * no rule engine is in this build.
 */
export type FindingsBelow = (ledger: Ledger, region: RegionNode) => RegionFindings[] | null;

const findingsBelow: FindingsBelow = () => null;

export function homeQuality(ledger: Ledger, regionCode: string | null) {
  const region = reportingRegion(ledger, regionCode);
  const rows = findingsBelow(ledger, region);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    available: rows !== null,
    rows: (rows ?? []).map((r) => ({
      ...r,
      per100: r.households === 0 ? null : Math.round((r.findings / r.households) * 1000) / 10,
    })),
  };
}
