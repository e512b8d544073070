// 数据质量 at county scale: every rule over the sample county (100,000 households by default, its thematic
// ledgers filled), the first run (all findings new) and a second one (findings kept, nothing new), each
// stored as the 数据质量 page stores it. The last line (with --json) is {"households":N,"rules":K,"check_ms":X}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { runQualityCheck } from '../../main/core/quality/run-check.ts';
import { QUALITY_RULES } from '../../main/core/quality/rules/index.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { countyRegion } from '../../main/core/regions/region-tree.ts';
import { report, round } from './measure.ts';

export async function benchCheck(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-bench-'));
  const ledger = await openLedger(path.join(dir, 'bench.db'));
  try {
    loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626', { ledgers: true });
    const region = countyRegion(ledger);
    const slowest: { id: string; ms: number }[] = [];
    let last = performance.now();
    const t0 = performance.now();
    const first = await runQualityCheck(ledger, { region }, {
      onProgress: (_done, _total, rule) => {
        const now = performance.now();
        slowest.push({ id: rule.id, ms: now - last });
        last = now;
      },
    });
    const firstMs = round(performance.now() - t0);
    const t1 = performance.now();
    await runQualityCheck(ledger, { region });
    const againMs = round(performance.now() - t1);
    report(`数据质量核查（全县 ${households} 户，${QUALITY_RULES.length} 条规则，首次，${first.findings} 条问题）`, firstMs, 'ms');
    report('数据质量核查（再次，问题不变）', againMs, 'ms');
    for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)) report(`  最慢规则 ${s.id}`, round(s.ms), 'ms');
    return { households, rules: QUALITY_RULES.length, check_ms: Math.max(firstMs, againMs) };
  } finally {
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
} // prettier-ignore
