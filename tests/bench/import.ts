// `npm run bench -- import`: the CLI import (parse + validate + commit, in one process) of the sample
// county written as Excel writes it, at 10k / 100k / 400k persons, next to LibreOffice converting the
// same file to CSV in the same run. Wall time, CPU time and peak RSS come from /usr/bin/time -v.
// The largest roster is then imported again into the ledger it filled, with ~200,000 persons changed
// there first (the update path). Then a shared-strings-heavy workbook (issue 13): a small roster whose shared strings table carries
// 1.4 GB of text no cell shows, about 40 MB on disk, inside every read limit; its import's peak RSS
// is the figure the reader's bounded memory is measured by.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../main/core/api/handlers.ts';
import { openLedger } from '../../main/core/db/open-ledger.ts';
import { getRegionCatalog } from '../../main/core/regions/catalog.ts';
import { CLI, NODE_FLAGS, ROOT } from '../helpers/run-cli.ts';
import { report, timed, type Timed } from './measure.ts';
import { writeRosterXlsx } from './roster-xlsx.ts';

const SIZES = [10_000, 100_000, 400_000];
/** Shared strings in the heavy workbook: 1.4 GB of XML, as in the security review's file (1.47 GB). */
const FILLER_STRING_BYTES = 1_400_000_000;
const PERSONS_PER_HOUSEHOLD = 3.96; // what the sample county generates

export async function benchImport(maxPersons: number): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-import-'));
  const result: Record<string, number> = {};
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice)
    console.error('LibreOffice not installed (apt-get install libreoffice-calc): the ratio is not measured');
  try {
    const sizes = SIZES.filter((n) => n <= Math.max(maxPersons, SIZES[0] ?? 0));
    for (const persons of sizes) {
      const households = Math.round(persons / PERSONS_PER_HOUSEHOLD);
      const source = await openLedger(path.join(dir, `source-${persons}.db`));
      loadDemo(source, () => getRegionCatalog(), households, 7, '420626');
      const file = path.join(dir, `roster-${persons}.xlsx`);
      const rows = writeRosterXlsx(source.sqlite, file);
      await source.close();
      const k = `${Math.round(persons / 1000)}k`;
      report(`${k}: file`, Math.round(fs.statSync(file).size / 1e5) / 10, `MB, ${rows} rows`);

      const { imp, out } = cliImport(file, path.join(dir, `target-${persons}.db`));
      if (out.errors?.length) console.error(JSON.stringify(out.errors.slice(0, 5)));
      if (imp.code !== 0 || out.persons?.created !== rows) {
        throw new Error(
          `import of ${k} did not import every row (exit ${imp.code}, ${out.persons?.created} of ${rows}, ${out.errors?.length} errors)`,
        );
      }
      Object.assign(result, reportImport(`${k}: CLI import (parse+validate+commit)`, `import_${k}`, imp));
      if (soffice) {
        const lo = timed(soffice, [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${dir}/lo-profile`,
          '--convert-to',
          'csv',
          '--outdir',
          dir,
          file,
        ]);
        report(`${k}: LibreOffice xlsx→csv`, lo.seconds, `s, CPU ${lo.cpuSeconds} s, peak ${lo.peakMb} MB`);
        result[`libreoffice_${k}_s`] = lo.seconds;
        result[`libreoffice_${k}_cpu_s`] = lo.cpuSeconds;
        result[`ratio_${k}`] = Math.round((imp.seconds / lo.seconds) * 100) / 100;
        result[`cpu_ratio_${k}`] = Math.round((imp.cpuSeconds / lo.cpuSeconds) * 100) / 100;
        report(
          `${k}: ratio import / LibreOffice`,
          result[`ratio_${k}`] ?? NaN,
          `(CPU ${result[`cpu_ratio_${k}`]})`,
        );
      }
      if (persons === sizes.at(-1)) {
        Object.assign(result, reimport(file, path.join(dir, `target-${persons}.db`), k));
        Object.assign(result, newIntoLarge(file, path.join(dir, `target-${persons}.db`), k));
      }
    }
    Object.assign(result, await benchSharedStrings(dir));
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The update path: the same file imported again into the ledger it filled, after half of its persons'
 * names and a third of its households' phones were changed there, so the file changes ~200,000 persons
 * (an UPDATE and an audit entry each) and the plan reads every registered row.
 */
function reimport(file: string, db: string, k: string): Record<string, number> {
  const ledger = new Database(db);
  ledger.prepare(`UPDATE persons SET name = name || '甲' WHERE id % 2 = 0`).run();
  ledger.prepare(`UPDATE households SET phone = NULL WHERE id % 3 = 0`).run();
  ledger.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  const { imp, out } = timedImport(file, db);
  if (imp.code !== 0) throw new Error(`re-import of ${k} failed (exit ${imp.code})`);
  return {
    ...reportImport(`${k}: re-import, ${out.persons?.updated} persons changed`, `reimport_${k}`, imp),
    [`reimport_${k}_updated`]: out.persons?.updated ?? NaN,
  };
}

/** Households taken out of the filled ledger, then brought back by importing the file again. */
const NEW_HOUSEHOLDS = 12_600; // ~50,000 persons

/**
 * New rows into a large ledger: the last ~12,600 households (~50,000 persons) are deleted from the
 * ledger the file filled, and the file imported again — ~50,000 persons inserted among ~350,000 (into
 * every index as they come, not deferred) while the plan reads every registered row.
 */
function newIntoLarge(file: string, db: string, k: string): Record<string, number> {
  const ledger = new Database(db);
  const from = (ledger.prepare(`SELECT MAX(id) FROM households`).pluck().get() as number) - NEW_HOUSEHOLDS;
  ledger.transaction(() => {
    ledger.prepare(`DELETE FROM persons WHERE household_id > ?`).run(from);
    ledger.prepare(`DELETE FROM households WHERE id > ?`).run(from);
  })();
  ledger.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  const { imp, out } = timedImport(file, db);
  if (imp.code !== 0) throw new Error(`import of new rows into ${k} failed (exit ${imp.code})`);
  return {
    ...reportImport(
      `${k}: ${out.persons?.created} new persons into the ledger of ${k}`,
      `new_into_${k}`,
      imp,
    ),
    [`new_into_${k}_created`]: out.persons?.created ?? NaN,
  };
}

/** The import of a roster whose workbook holds 1.4 GB of shared strings no cell shows. */
async function benchSharedStrings(dir: string): Promise<Record<string, number>> {
  const source = await openLedger(path.join(dir, 'source-sst.db'));
  loadDemo(source, () => getRegionCatalog(), 250, 7, '420626');
  const file = path.join(dir, 'shared-strings-heavy.xlsx');
  const rows = writeRosterXlsx(source.sqlite, file, { fillerStringBytes: FILLER_STRING_BYTES });
  await source.close();
  const mb = Math.round(fs.statSync(file).size / 1e5) / 10;
  report(
    'shared strings heavy: file',
    mb,
    `MB, ${rows} rows, ${FILLER_STRING_BYTES / 1e9} GB of shared strings`,
  );
  const { imp, out } = cliImport(file, path.join(dir, 'target-sst.db'));
  if (imp.code !== 0 || out.persons?.created !== rows)
    throw new Error(`shared-strings-heavy import did not import every row (exit ${imp.code})`);
  return {
    sst_heavy_file_mb: mb,
    ...reportImport('shared strings heavy: CLI import', 'sst_heavy_import', imp, 'sst_heavy_peak_mb'),
  };
}

/** Prints a timed import's line and gives its figures as `<key>_s`, `<key>_cpu_s` and the peak. */
function reportImport(
  label: string,
  key: string,
  imp: Timed,
  peakKey = `${key}_peak_mb`,
): Record<string, number> {
  report(label, imp.seconds, `s, CPU ${imp.cpuSeconds} s, peak ${imp.peakMb} MB`);
  return { [`${key}_s`]: imp.seconds, [`${key}_cpu_s`]: imp.cpuSeconds, [peakKey]: imp.peakMb };
}

/** A new ledger at `db` and the CLI's timed import of `file` into it, with the import's JSON summary. */
function cliImport(file: string, db: string) {
  spawnSync(process.execPath, [...NODE_FLAGS, CLI, 'init', '--county', '420626', '--db', db], { cwd: ROOT });
  return timedImport(file, db);
}

/** The CLI's timed import of `file` into the ledger at `db`, with the import's JSON summary (its last line). */
function timedImport(file: string, db: string) {
  const imp = timed(process.execPath, [
    ...NODE_FLAGS,
    CLI,
    'import',
    file,
    '--db',
    db,
    '--json',
    '--operator',
    '基准测试',
  ]);
  const out = JSON.parse(imp.stdout.trim().split('\n').at(-1) ?? '{}') as {
    persons?: { created: number; updated: number };
    errors?: unknown[];
  };
  return { imp, out };
}
