// Sample county at county scale, then the 首页 counts for the county, a township and a village.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { countyRegion, findRegion } from '../../main/core/regions/region-tree.ts';
import { computeSummary, regionSummary } from '../../main/core/stats/region-summary.ts';
import { medianMs, report } from './measure.ts';

export async function benchDemo(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const file = path.join(dir, 'bench.db');
  const ledger = await openLedger(file);
  try {
    const t = performance.now();
    const made = loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626', { ledgers: true });
    const demoSeconds = Math.round((performance.now() - t) / 100) / 10;
    report(
      `demo ${made.households} households / ${made.persons} persons / ${made.records} ledger records`,
      demoSeconds,
      's',
    );
    const county = countyRegion(ledger);
    const township = findRegion(ledger, '420626100000');
    const village = ledger.sqlite
      .prepare(`SELECT code FROM regions WHERE level = 'village' ORDER BY code LIMIT 1`)
      .pluck()
      .get() as string;
    const result = {
      households: made.households,
      persons: made.persons,
      ledger_records: made.records,
      demo_seconds: demoSeconds,
      db_mb: Math.round(fs.statSync(file).size / 1e5) / 10,
      // cold: computed from the tables; warm: the same data version served from the summary cache
      stats_county_cold_ms: await medianMs(5, () => computeSummary(ledger, county)),
      stats_county_warm_ms: await medianMs(5, () => regionSummary(ledger, county)),
      stats_township_cold_ms: await medianMs(5, () => computeSummary(ledger, township)),
      stats_village_cold_ms: await medianMs(5, () => computeSummary(ledger, findRegion(ledger, village))),
    };
    report('stats.summary county, cold (median of 5)', result.stats_county_cold_ms, 'ms');
    report('stats.summary county, warm', result.stats_county_warm_ms, 'ms');
    report('stats.summary township, cold', result.stats_township_cold_ms, 'ms');
    report('stats.summary village, cold', result.stats_village_cold_ms, 'ms');
    return result;
  } finally {
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
