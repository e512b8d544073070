// `npm run bench -- <suite> [--households N] [--json]`: benchmarks on real ledger files at county scale.
// Results go into BENCHMARKS.md by hand, with the machine and versions; tests never assert timings.
import { parseArgs } from 'node:util';
import { benchDemo } from './demo-and-stats.ts';
import { benchSearch } from './search.ts';
import { benchImport } from './import.ts';
import { benchLedgers } from './ledgers.ts';
import { benchReports } from './reports.ts';
import { benchPrint } from './print.ts';

const suites: Record<string, (households: number) => Promise<Record<string, number>>> = {
  demo: benchDemo,
  search: benchSearch,
  import: benchImport,
  ledgers: benchLedgers,
  reports: benchReports,
  print: benchPrint,
};

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { households: { type: 'string' }, persons: { type: 'string' }, json: { type: 'boolean' } },
  allowPositionals: true,
});
// Default sizes: households for demo/search, persons for import.
const DEFAULT_SIZE: Record<string, number> = {
  demo: 100_000,
  search: 100_000,
  import: 400_000,
  ledgers: 100_000,
  reports: 100_000,
  print: 500,
};
const names = positionals.length > 0 ? positionals : Object.keys(suites);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`未知的基准测试：${name}（可用：${Object.keys(suites).join('、')}）`);
    process.exit(2);
  }
  const result = await suite(Number(values.households ?? values.persons ?? DEFAULT_SIZE[name] ?? 100_000));
  if (values.json) console.log(JSON.stringify(result));
}
