// The 人员花名册 of a whole county (`export persons` of the CLI, as a clerk or a script runs it) next to
// LibreOffice converting the same rows from CSV to .xlsx, in the same run. Both run as child processes
// under /usr/bin/time -v, which gives wall time and peak RSS (the export's goal: half LibreOffice's time,
// ≤ 1 GB). The CSV holds the export's own table (header and rows, read back from the exported file), so
// LibreOffice writes the same cells; a tiny conversion first creates its profile, which is not timed.
import fs from 'node:fs';
import path from 'node:path';
import { readSheet } from '../../main/core/import/read/index.ts';
import { CLI, NODE_FLAGS } from '../helpers/run-cli.ts';
import { report, timed } from './measure.ts';

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** `db`: a closed ledger file; `dir`: where the files go. Keys roster_* of the reports bench's JSON line. */
export async function benchRosterExport(db: string, dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const xlsx = path.join(dir, 'roster.xlsx');
  const exp = timed(process.execPath, [...NODE_FLAGS, CLI, 'export', 'persons', '--db', db, '--yes-full-ids', '--out', xlsx]);
  if (exp.code !== 0) throw new Error(`export persons failed (exit ${exp.code}): ${exp.stdout}`);
  const sheet = await readSheet(xlsx, null);
  // Below the title and 导出时间 rows: the header row starts with 序号.
  const all = sheet.rows.toArrays();
  const header = all.findIndex((r) => r[0] === '序号');
  if (header < 0) throw new Error('no header row in the exported roster');
  const table = all.slice(header);
  out.roster_persons = table.length - 1;
  out.roster_export_ms = Math.round(exp.seconds * 1000);
  out.roster_export_peak_rss_mb = exp.peakMb;
  out.roster_file_mb = Math.round(fs.statSync(xlsx).size / 1e5) / 10;
  report('人员花名册 export (CLI)', exp.seconds, `s, peak ${exp.peakMb} MB, ${out.roster_persons} persons`);

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice) {
    console.error('LibreOffice not installed (apt-get install libreoffice-calc): no comparison');
    return out;
  }
  const width = table[0]?.length ?? 0;
  const csv = path.join(dir, 'roster.csv');
  const fd = fs.openSync(csv, 'w');
  for (const row of table)
    fs.writeSync(fd, `${Array.from({ length: width }, (_, c) => csvField(row[c] ?? '')).join(',')}\n`);
  fs.closeSync(fd);
  const lo = (file: string, outdir: string) =>
    timed(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', '--outdir', outdir, file]);
  const warm = path.join(dir, 'warm-up.csv');
  fs.writeFileSync(warm, 'a,b\n1,2\n');
  lo(warm, path.join(dir, 'warm-up'));
  const conv = lo(csv, path.join(dir, 'libreoffice'));
  if (conv.code !== 0) throw new Error(`LibreOffice failed (exit ${conv.code})`);
  out.roster_libreoffice_ms = Math.round(conv.seconds * 1000);
  out.roster_libreoffice_peak_rss_mb = conv.peakMb;
  out.roster_ratio = Math.round((exp.seconds / conv.seconds) * 100) / 100;
  report('LibreOffice CSV → xlsx (same rows)', conv.seconds, `s, peak ${conv.peakMb} MB`);
  report('ratio export / LibreOffice (goal ≤ 0.5)', out.roster_ratio, '');
  return out;
} // prettier-ignore
