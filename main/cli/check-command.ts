// `check [--region CODE] [--json]`: runs every 数据质量 rule for the region (the county by default), stores the
// findings as the 数据质量 page does, and prints the per-rule counts and the open findings.
import type { Ledger } from '../core/db/open-ledger.ts';
import { countsByRule, listFindings } from '../core/quality/findings-read.ts';
import { runQualityCheck } from '../core/quality/run-check.ts';
import type { RegionNode } from '../core/regions/region-tree.ts';

export interface CheckOutput {
  rules: { id: string; level: string; scope: string; title: string; count: number }[];
  findings: {
    rule: string;
    level: string;
    message: string;
    region: string | null;
    regionName: string;
    household: string | null;
    person: string | null;
    ledger: string | null;
    record: number | null;
  }[];
}

export async function runCheck(
  ledger: Ledger,
  region: RegionNode,
): Promise<{ output: CheckOutput; text: string }> {
  const summary = await runQualityCheck(ledger, { region });
  const rules = countsByRule(ledger, region);
  const findings = listFindings(ledger, region).rows;
  const output: CheckOutput = {
    rules: rules.map((r) => ({ id: r.id, level: r.level, scope: r.scope, title: r.title, count: r.count })),
    findings: findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      message: f.message,
      region: f.regionCode,
      regionName: f.region,
      household: f.household,
      person: f.person,
      ledger: f.ledger,
      record: f.recordId,
    })),
  };
  const fired = rules.filter((r) => r.count > 0);
  const text = [
    `${region.name}：${summary.households} 户，${rules.length} 条规则，发现问题 ${findings.length} 条（新增 ${summary.newFindings} 条${summary.closedRectifications > 0 ? `，整改销号 ${summary.closedRectifications} 条` : ''}）${summary.exempt > 0 ? `，另有已豁免 ${summary.exempt} 条` : ''}`,
    ...fired.map((r) => `${r.id.padEnd(10)} ${r.level} ${r.title}：${r.count}`),
  ].join('\n');
  return { output, text };
}
