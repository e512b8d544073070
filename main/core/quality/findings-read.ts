// Reading the stored findings of the last check: per township (首页), per rule and village (results screen),
// the findings themselves, and 豁免. A finding is exempt while its fingerprint equals the one the clerk
// exempted; when the data it looked at changes, the next check gives it a new fingerprint and it is open again.
import { LedgerError } from '../../../shared/result.ts';
import { shortRegionName } from '../../../shared/region-name.ts';
import type { Ledger } from '../db/open-ledger.ts';
import { requireOperator } from '../ledger/operator.ts';
import type { RegionNode } from '../regions/region-tree.ts';
import { nowIso } from '../clock.ts';
import { QUALITY_RULES } from './rules/index.ts';

/** Stored findings inside a region (by their township/village code; region-only records by their region). */
function regionWhere(region: RegionNode): { where: string; params: string[] } {
  switch (region.level) {
    case 'county':
      return { where: '1 = 1', params: [] };
    case 'township':
      return { where: 'f.township_code = ?', params: [region.code] };
    case 'village':
      return {
        where: `(f.region_code = ? OR f.region_code LIKE ? || '-%')`,
        params: [region.code, region.code],
      };
    case 'group':
      return {
        where: `(f.region_code = ? OR f.household_id IN (SELECT id FROM households WHERE group_code = ?))`,
        params: [region.code, region.code],
      };
  }
}

const OPEN = '(f.exempt_fingerprint IS NULL OR f.exempt_fingerprint <> f.fingerprint)';

export interface TownshipQuality {
  code: string;
  name: string;
  /** Active households of the township. */
  households: number;
  /** Open (not exempt) findings. */
  findings: number;
  /** Households with at least one open finding. */
  householdsWithFindings: number;
  /** Open findings per 100 households, one decimal; null for a township without households. */
  per100: number | null;
}

/**
 * 数据质量 findings per 100 households by township, for a region (the county: each township; a township or
 * below: its own township), from the last check (`runQualityCheck`; every import and the 数据质量 page run it).
 */
export function qualityFindingsByTownship(ledger: Ledger, region: RegionNode): TownshipQuality[] {
  const townshipCode =
    region.level === 'county'
      ? null
      : region.level === 'township'
        ? region.code
        : (ledger.sqlite
            .prepare(
              `SELECT CASE WHEN level = 'village' THEN parent_code ELSE (SELECT parent_code FROM regions v WHERE v.code = r.parent_code) END
               FROM regions r WHERE code = ?`,
            )
            .pluck()
            .get(region.code) as string);
  const rows = ledger.sqlite
    .prepare(
      `SELECT t.code, t.name,
         (SELECT COUNT(*) FROM households h WHERE h.township_code = t.code AND h.status = 'active') AS households,
         (SELECT COUNT(*) FROM quality_findings f WHERE f.township_code = t.code AND ${OPEN}) AS findings,
         (SELECT COUNT(DISTINCT f.household_id) FROM quality_findings f WHERE f.township_code = t.code AND ${OPEN}) AS householdsWithFindings
       FROM regions t WHERE t.level = 'township' AND (? IS NULL OR t.code = ?) ORDER BY t.sort_order, t.code`,
    )
    .all(townshipCode, townshipCode) as Omit<TownshipQuality, 'per100'>[];
  return rows.map((r) => ({
    ...r,
    per100: r.households === 0 ? null : Math.round((r.findings / r.households) * 1000) / 10,
  }));
}

export interface RuleCount {
  id: string;
  level: string;
  scope: string;
  title: string;
  family: string;
  description: string;
  count: number;
  exempt: number;
}

/** Every rule with its open and exempt findings in the region (rules without findings too, count 0). */
export function countsByRule(ledger: Ledger, region: RegionNode): RuleCount[] {
  const f = regionWhere(region);
  const rows = ledger.sqlite
    .prepare(
      `SELECT f.rule_id, SUM(${OPEN}) AS open, SUM(NOT ${OPEN}) AS exempt FROM quality_findings f WHERE ${f.where} GROUP BY f.rule_id`,
    )
    .all(...f.params) as { rule_id: string; open: number; exempt: number }[];
  const by = new Map(rows.map((r) => [r.rule_id, r]));
  return QUALITY_RULES.map((r) => ({
    id: r.id,
    level: r.level,
    scope: r.scope,
    title: r.title,
    family: r.family,
    description: r.description,
    count: by.get(r.id)?.open ?? 0,
    exempt: by.get(r.id)?.exempt ?? 0,
  }));
}

export interface VillageCount {
  code: string;
  name: string;
  township: string;
  households: number;
  findings: number;
  householdsWithFindings: number;
}

/** Open findings per village of the region (villages without findings left out). */
export function countsByVillage(ledger: Ledger, region: RegionNode): VillageCount[] {
  const f = regionWhere(region);
  return ledger.sqlite
    .prepare(
      `SELECT v.code, v.name, t.name AS township,
         (SELECT COUNT(*) FROM households h WHERE h.village_code = v.code AND h.status = 'active') AS households,
         COUNT(*) AS findings, COUNT(DISTINCT f.household_id) AS householdsWithFindings
       FROM quality_findings f
       JOIN regions v ON v.code = CASE WHEN f.region_code LIKE '%-%' THEN substr(f.region_code, 1, instr(f.region_code, '-') - 1) ELSE f.region_code END
       JOIN regions t ON t.code = v.parent_code
       WHERE v.level = 'village' AND ${OPEN} AND ${f.where}
       GROUP BY v.code ORDER BY findings DESC, t.sort_order, v.sort_order`,
    )
    .all(...f.params)
    .map((v) => ({ ...(v as VillageCount), name: shortRegionName((v as VillageCount).name) }));
}

export interface FindingView {
  id: number;
  rule: string;
  level: string;
  title: string;
  message: string;
  region: string;
  regionCode: string | null;
  household: string | null;
  householdId: number | null;
  person: string | null;
  personId: number | null;
  ledger: string | null;
  recordId: number | null;
  firstFound: string;
  exempt: boolean;
  exemptReason: string | null;
  exemptBy: string | null;
  exemptAt: string | null;
  rectificationId: number | null;
}

export interface FindingQuery {
  rule?: string | null;
  villageCode?: string | null;
  /** 'open' (default), 'exempt' or 'all'. */
  state?: 'open' | 'exempt' | 'all';
  offset?: number;
  limit?: number;
}

/** Findings of the region, newest rules first in rule order, with the names to show and link. */
export function listFindings(
  ledger: Ledger,
  region: RegionNode,
  q: FindingQuery = {},
): { total: number; rows: FindingView[] } {
  const f = regionWhere(region);
  const conditions = [f.where];
  const params: (string | number)[] = [...f.params];
  if (q.rule) {
    conditions.push('f.rule_id = ?');
    params.push(q.rule);
  }
  if (q.villageCode) {
    conditions.push(`(f.region_code = ? OR f.region_code LIKE ? || '-%')`);
    params.push(q.villageCode, q.villageCode);
  }
  const state = q.state ?? 'open';
  if (state === 'open') conditions.push(OPEN);
  if (state === 'exempt') conditions.push(`NOT ${OPEN}`);
  const where = conditions.join(' AND ');
  const total = ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM quality_findings f WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const order = new Map(QUALITY_RULES.map((r, i) => [r.id, i]));
  const rows = ledger.sqlite
    .prepare(
      `SELECT f.id, f.rule_id, f.message, f.region_code, f.household_id, f.person_id, f.record_ledger, f.record_id, f.first_found,
         NOT ${OPEN} AS exempt, f.exempt_reason, f.exempt_by, f.exempt_at, f.rectification_id,
         h.household_no, p.name AS person, COALESCE(v.name, rg.name) AS village, t.name AS township
       FROM quality_findings f
       LEFT JOIN households h ON h.id = f.household_id
       LEFT JOIN persons p ON p.id = f.person_id
       LEFT JOIN regions v ON v.code = h.village_code
       LEFT JOIN regions rg ON rg.code = f.region_code
       LEFT JOIN regions t ON t.code = f.township_code
       WHERE ${where}
       ORDER BY f.rule_id, f.township_code, f.region_code, h.household_no, f.id
       LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit ?? 1_000_000, q.offset ?? 0) as Record<string, string | number | null>[];
  const views = rows.map((r): FindingView => {
    const rule = QUALITY_RULES[order.get(String(r.rule_id)) ?? -1];
    return {
      id: Number(r.id),
      rule: String(r.rule_id),
      level: rule?.level ?? '疑点',
      title: rule?.title ?? String(r.rule_id),
      message: String(r.message),
      region: [r.township, r.village].flatMap((n) => (n ? [shortRegionName(String(n))] : [])).join(' '),
      regionCode: (r.region_code as string | null) ?? null,
      household: (r.household_no as string | null) ?? null,
      householdId: (r.household_id as number | null) ?? null,
      person: (r.person as string | null) ?? null,
      personId: (r.person_id as number | null) ?? null,
      ledger: (r.record_ledger as string | null) ?? null,
      recordId: (r.record_id as number | null) ?? null,
      firstFound: String(r.first_found),
      exempt: r.exempt === 1,
      exemptReason: (r.exempt_reason as string | null) ?? null,
      exemptBy: (r.exempt_by as string | null) ?? null,
      exemptAt: (r.exempt_at as string | null) ?? null,
      rectificationId: (r.rectification_id as number | null) ?? null,
    };
  });
  return { total, rows: views };
}

/** 豁免: 已核实无误 with a reason; it holds while the values the rule looked at stay as they are now. */
export function exemptFindings(ledger: Ledger, ids: readonly number[], reason: string): number {
  const text = reason.trim();
  if (text === '') throw new LedgerError('validation', '请填写豁免理由（核实情况）。');
  const operator = requireOperator(ledger);
  const update = ledger.prepare(
    'UPDATE quality_findings SET exempt_reason = ?, exempt_by = ?, exempt_at = ?, exempt_fingerprint = fingerprint WHERE id = ?',
  );
  const at = nowIso();
  return ledger.sqlite.transaction(() =>
    ids.reduce((n, id) => n + update.run(text, operator, at, id).changes, 0),
  )();
}

/** Takes a 豁免 back: the finding is open again. */
export function unexemptFindings(ledger: Ledger, ids: readonly number[]): number {
  requireOperator(ledger);
  const update = ledger.prepare(
    'UPDATE quality_findings SET exempt_reason = NULL, exempt_by = NULL, exempt_at = NULL, exempt_fingerprint = NULL WHERE id = ?',
  );
  return ledger.sqlite.transaction(() => ids.reduce((n, id) => n + update.run(id).changes, 0))();
}
