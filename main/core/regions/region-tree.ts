// The ledger's own region tree (official units plus the groups clerks add).
import { LedgerError } from '../../../shared/result.ts';
import type { Ledger } from '../db/open-ledger.ts';
import type { RegionLevel } from '../db/tables.ts';

export interface RegionNode {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: string;
}

export function regionTree(ledger: Ledger): RegionNode[] {
  return ledger
    .prepare(
      `SELECT code, parent_code AS parentCode, level, name FROM regions
       ORDER BY CASE level WHEN 'county' THEN 0 WHEN 'township' THEN 1 WHEN 'village' THEN 2 ELSE 3 END,
                parent_code, sort_order, code`,
    )
    .all() as RegionNode[];
}

export function findRegion(ledger: Ledger, code: string): RegionNode {
  const row = ledger
    .prepare(`SELECT code, parent_code AS parentCode, level, name FROM regions WHERE code = ?`)
    .get(code) as RegionNode | undefined;
  if (!row) throw new LedgerError('not-found', `本台账中没有区划代码 ${code}。`);
  return row;
}

export function countyRegion(ledger: Ledger): RegionNode {
  const row = ledger
    .prepare(`SELECT code, parent_code AS parentCode, level, name FROM regions WHERE level = 'county'`)
    .get() as RegionNode | undefined;
  if (!row) throw new LedgerError('not-initialized', '台账尚未建立：请先选择本县或载入示例数据。');
  return row;
}

/** SQL condition (on the households table, alias h) selecting the households inside a region. */
export function householdRegionFilter(region: RegionNode): { where: string; params: string[] } {
  switch (region.level) {
    case 'county':
      return { where: '1 = 1', params: [] };
    case 'township':
      return { where: 'h.township_code = ?', params: [region.code] };
    case 'village':
      return { where: 'h.village_code = ?', params: [region.code] };
    case 'group':
      return { where: 'h.group_code = ?', params: [region.code] };
  }
}
