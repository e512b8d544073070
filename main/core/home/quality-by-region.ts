// 首页's 数据质量 card: open findings of the data-quality rules per 100 households by 乡镇 (the county: every
// 乡镇; a 乡镇 or below: its own), from the stored findings of the last check (main/core/quality), with when
// the region was last checked — a region never checked says so rather than showing zeros.
import type { Ledger } from '../db/open-ledger.ts';
import { writtenName } from '../import/place-resolver.ts';
import { qualityFindingsByTownship } from '../quality/findings-read.ts';
import { findRegion, type RegionNode } from '../regions/region-tree.ts';
import { reportingRegion } from './home-card.ts';

/** The region and the regions above it (a check of any of them covered it). */
function selfAndAbove(ledger: Ledger, region: RegionNode): string[] {
  const codes: string[] = [];
  for (let at: RegionNode | null = region; at; at = at.parentCode === null ? null : findRegion(ledger, at.parentCode))
    codes.push(at.code);
  return codes;
} // prettier-ignore

/** When a check covering the region last finished (ISO time), or null if none ever did. */
function lastChecked(ledger: Ledger, region: RegionNode): string | null {
  const codes = selfAndAbove(ledger, region);
  return (
    (ledger.sqlite
      .prepare(
        `SELECT MAX(finished_at) FROM quality_runs WHERE region_code IN (${codes.map(() => '?').join(', ')})`,
      )
      .pluck()
      .get(...codes) as string | null) ?? null
  );
}

export function homeQuality(ledger: Ledger, regionCode: string | null) {
  const region = reportingRegion(ledger, regionCode);
  const checkedAt = lastChecked(ledger, region);
  const rows =
    checkedAt === null
      ? []
      : qualityFindingsByTownship(ledger, region).map((t) => ({
          regionCode: t.code,
          label: writtenName(t.name),
          households: t.households,
          findings: t.findings,
          householdsWithFindings: t.householdsWithFindings,
          per100: t.per100,
        }));
  // The 乡镇 rows added up (one row below the county; a household lives in one 乡镇).
  const households = rows.reduce((n, r) => n + r.households, 0);
  const findings = rows.reduce((n, r) => n + r.findings, 0);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    checkedAt,
    total: {
      households,
      findings,
      householdsWithFindings: rows.reduce((n, r) => n + r.householdsWithFindings, 0),
      per100: households === 0 ? null : Math.round((findings / households) * 1000) / 10,
    },
    rows,
  };
}
