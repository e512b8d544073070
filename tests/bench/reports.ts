// 报表 at county scale: the sample county (100,000 households by default, with whatever its thematic
// ledgers hold) and every report of the catalog at county level and for one 乡镇 — the median of 3 runs
// each after one warm-up run; then the county's 人员花名册 export next to LibreOffice (roster-export.ts). The
// last line (with --json) is {"persons":N,"reports":K,"slowest_report_ms":X,…,"roster_export_ms":…}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { drillReport } from '../../main/core/reports/report-drill.ts';
import { runReport } from '../../main/core/reports/run-report.ts';
import type { Ledger } from '../../main/core/db/open-ledger.ts';
import { allReports } from '../../shared/reports/index.ts';
import { cpuTime, median, report, round, time } from './measure.ts';
import { benchRosterExport } from './roster-export.ts';

export async function benchReports(households: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
  const file = path.join(dir, 'bench.db');
  const ledger = await openLedger(file);
  let open = true;
  try {
    // With every thematic ledger filled, so the ledger reports count real records.
    // Timed too (wall and CPU): what the report triggers cost the fill (migrations 0013, 0014).
    const fillCpu = process.cpuUsage();
    const fillStart = performance.now();
    const demo = loadDemo(ledger, () => getRegionCatalog(), households, 1, '420626', { ledgers: true });
    const fillCpuUsed = process.cpuUsage(fillCpu);
    const fill = { demo_s: round((performance.now() - fillStart) / 1000), demo_cpu_s: round((fillCpuUsed.user + fillCpuUsed.system) / 1e6) };
    report(`demo ${demo.households} households (CPU ${fill.demo_cpu_s} s)`, fill.demo_s, 's');
    const township = ledger.sqlite.prepare(`SELECT code FROM regions WHERE level = 'township' ORDER BY code`).pluck().get() as string;
    const out: Record<string, number> = { persons: demo.persons, reports: allReports().length, ...fill };
    let slowest = 0;
    let slowestCpu = 0;
    const runs = (fn: () => unknown, measure: (f: () => unknown) => number) => round(median(Array.from({ length: 3 }, () => measure(fn))));
    for (const def of allReports()) {
      runReport(ledger, def.id);
      const county = runs(() => runReport(ledger, def.id), time);
      const local = runs(() => runReport(ledger, def.id, { regionCode: township }), time);
      // CPU time as well: on the shared 2-core VM other jobs stretch wall time several-fold.
      const cpu = runs(() => runReport(ledger, def.id), cpuTime);
      report(`${def.title}（全县）`, county, `ms (CPU ${cpu} ms)`);
      report(`${def.title}（一个乡镇）`, local, 'ms');
      out[`${def.id}_ms`] = county;
      out[`${def.id}_cpu_ms`] = cpu;
      out[`${def.id}_township_ms`] = local;
      slowest = Math.max(slowest, county);
      slowestCpu = Math.max(slowestCpu, cpu);
    }
    out.slowest_report_ms = slowest;
    out.slowest_report_cpu_ms = slowestCpu;
    out.drill_first_page_ms = benchDrill(ledger);
    // The export runs as its own process on the same file (the ledger closed: one writer at a time).
    await ledger.close();
    open = false;
    Object.assign(out, await benchRosterExport(file, dir));
    return { persons: out.persons ?? 0, reports: out.reports ?? 0, slowest_report_ms: slowest, ...out };
  } finally {
    if (open) await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
} // prettier-ignore

/** 查看明细 of the biggest number of any county-level 合计 (not a rate): its first page of 100. */
function benchDrill(ledger: Ledger): number {
  let biggest = { id: '', measure: '', value: -1 };
  for (const def of allReports()) {
    const result = runReport(ledger, def.id);
    for (const c of result.columns) {
      const value = result.rows[0]?.values[c.key] ?? 0;
      if (c.kind !== 'rate' && c.kind !== 'sum' && value > biggest.value) biggest = { id: def.id, measure: c.key, value };
    }
  }
  const county = runReport(ledger, biggest.id).parameters.regionCode;
  const drill = () => drillReport(ledger, biggest.id, { rowRegionCode: county, measure: biggest.measure, offset: 0, limit: 100 });
  drill();
  const ms = round(median(Array.from({ length: 3 }, () => time(drill))));
  report(`查看明细（全县合计 ${biggest.id}.${biggest.measure}，${biggest.value} 项，第一页）`, ms, 'ms');
  return ms;
} // prettier-ignore
