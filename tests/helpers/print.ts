// Printed forms read back as a clerk would see them: a fixture village in a real ledger file, the PDF
// the core writes (through the contract), its text (pdftotext -layout), page count (pdfinfo) and pages
// as PNG (pdftoppm), and a tolerant comparison of PNGs with the reference images in tests/fixtures/print.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { RequestOf, ResponseOf } from '../../shared/contract/index.ts';
import { chromiumPath } from '../e2e/chromium.ts';
import { openTestClient, type TestClient } from './core-client.ts';
import { insertRecords } from './report-ledger.ts';
import { tempDir } from './temp-ledger.ts';
import { skipWithout } from './tools.ts';
import { ROOT } from './run-cli.ts';

const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

/** pdftotext/pdfinfo/pdftoppm (poppler-utils) and a Chromium: skipped outside CI without them. */
export const printSkip = (): boolean =>
  skipWithout(
    has('pdftotext') && has('pdfinfo') && has('pdftoppm') && chromiumPath !== undefined,
    'poppler-utils (pdftotext, pdfinfo, pdftoppm) and Chromium',
  );

export const REFERENCE_DIR = path.join(ROOT, 'tests', 'fixtures', 'print');

export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Text in content order, rotated text included (-layout leaves out the slanted watermark). */
export const pdfRawText = (file: string): string =>
  execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Text of each page (pdftotext separates pages with a form feed). */
export const pdfPageTexts = (file: string): string[] => pdfText(file).split('\f').slice(0, -1);

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The paper size of page 1 in mm ([width, height]). */
export function pdfPageSizeMm(file: string): [number, number] {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return [Math.round((Number(m?.[1]) * 25.4) / 72), Math.round((Number(m?.[2]) * 25.4) / 72)];
}

/** Pages first…last as PNGs at `dpi`, written `<prefix>-<n>.png`; returns the files in order. */
export function pdfToPngs(file: string, prefix: string, dpi = 40, first = 1, last = first): string[] {
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(first),
    '-l',
    String(last),
    file,
    prefix,
  ]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A decoded PNG as grey levels (pdftoppm writes 8-bit grey or RGB, not interlaced). */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function readGreyPng(file: string): GreyImage {
  const buf = fs.readFileSync(file);
  let at = 8;
  let width = 0;
  let height = 0;
  let bpp = 1;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0)
        throw new Error(`${file}: not an 8-bit grey or RGB PNG`);
      bpp = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const v = line[x]!;
      let value: number;
      switch (filter) {
        case 0: value = v; break;
        case 1: value = v + a; break;
        case 2: value = v + b; break;
        case 3: value = v + ((a + b) >> 1); break;
        default: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          value = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }
      }
      out[y * stride + x] = value & 0xff;
    }
  }
  if (bpp === 1) return { width, height, pixels: out };
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round((out[i * 3]! + out[i * 3 + 1]! + out[i * 3 + 2]!) / 3);
  return { width, height, pixels };
} // prettier-ignore

/**
 * Share of pixels that differ by more than `threshold` grey levels (1 when the sizes differ): fonts
 * hinted a little differently move a few pixels, a changed layout moves many.
 */
export function pixelDifference(a: GreyImage, b: GreyImage, threshold = 64): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i++)
    if (Math.abs(a.pixels[i]! - b.pixels[i]!) > threshold) differing++;
  return differing / a.pixels.length;
}

/**
 * Compares a rendered page with its reference image; with UPDATE_PRINT_REFERENCES=1 (or when the reference
 * is missing outside CI) it writes the reference instead and returns 0.
 */
export function compareWithReference(png: string, name: string): number {
  const reference = path.join(REFERENCE_DIR, `${name}.png`);
  if (
    process.env.UPDATE_PRINT_REFERENCES === '1' ||
    (!fs.existsSync(reference) && process.env.CI !== 'true')
  ) {
    fs.mkdirSync(REFERENCE_DIR, { recursive: true });
    fs.copyFileSync(png, reference);
    return 0;
  }
  return pixelDifference(readGreyPng(png), readGreyPng(reference));
}

export interface PrintFixture {
  client: TestClient;
  ledgerPath: string;
  township: { code: string; name: string };
  /** The fixture village: most households, in groups. */
  village: { code: string; name: string };
  /** A second, smaller village of the same township. */
  village2: { code: string; name: string };
  dir: string;
}

/**
 * The sample county (demo generator: realistic names, valid 证件号码, phones, health …) with its
 * households gathered into two villages of its first township — 48 in the fixture village (in its
 * groups) and 12 in the second — and six 问题整改 records of the fixture village with known contents.
 */
export async function openPrintFixture(): Promise<PrintFixture> {
  const dir = tempDir('print-test-');
  const ledgerPath = path.join(dir, 'ledger.db');
  const client = await openTestClient(ledgerPath);
  await client.ok('ledger.loadDemo', { households: 60, seed: 11, countyCode: '420626', ledgers: true });
  await client.ok('settings.setOperator', { name: '打印测试' });
  const db = client.core.ledger.sqlite;
  const township = db
    .prepare(`SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort_order, code LIMIT 1`)
    .get() as { code: string; name: string };
  const [village, village2] = db
    .prepare(
      `SELECT code, name FROM regions WHERE level = 'village' AND parent_code = ? ORDER BY sort_order, code LIMIT 2`,
    )
    .all(township.code) as Array<{ code: string; name: string }>;
  if (!village || !village2) throw new Error('fixture: the first township has fewer than two villages');
  const groups = db
    .prepare(`SELECT code FROM regions WHERE level = 'group' AND parent_code = ? ORDER BY code`)
    .pluck()
    .all(village.code) as string[];
  const ids = db.prepare('SELECT id FROM households ORDER BY id').pluck().all() as number[];
  const move = db.prepare(
    'UPDATE households SET township_code = ?, village_code = ?, group_code = ? WHERE id = ?',
  );
  db.transaction(() =>
    ids.forEach((id, i) =>
      i < 48
        ? move.run(township.code, village.code, groups.length > 0 ? groups[i % groups.length]! : null, id)
        : move.run(township.code, village2.code, null, id),
    ),
  )();
  db.prepare('DELETE FROM ledger_rectification').run();
  insertRecords(client.core.ledger, 'rectification', RECTIFICATION_ROWS(village.code));
  return { client, ledgerPath, township, village, village2, dir };
}

export const RECTIFICATION_ROWS = (region: string) => [
  { region_code: region, issue_no: 'ZG2026001', source: '01', category: '04', description: '三组危房改造未验收', found_date: '2026-03-02', resp_unit: '住建站', resp_person: '刘建国', measures: '组织验收', deadline: '2026-04-30', status: '03', closed_date: '2026-04-20', closed_by: '王明', evidence: '验收单' },
  { region_code: region, issue_no: 'ZG2026002', source: '04', category: '08', description: '两户成员证件号码与公安不一致', found_date: '2026-05-10', resp_unit: '村委会', resp_person: '李红', measures: '入户核实更正', deadline: '2026-06-10', status: '02', closed_date: null, closed_by: null, evidence: null },
  { region_code: region, issue_no: 'ZG2026003', source: '02', category: '05', description: '一组饮水水量不足', found_date: '2026-06-01', resp_unit: '水利站', resp_person: '张水生', measures: '新建蓄水池', deadline: '2026-09-30', status: '01', closed_date: null, closed_by: null, evidence: null },
  { region_code: region, issue_no: 'ZG2026004', source: '03', category: '02', description: '适龄儿童未入学', found_date: '2026-03-15', resp_unit: '中心学校', resp_person: '赵老师', measures: '劝返复学', deadline: '2026-04-15', status: '03', closed_date: '2026-04-01', closed_by: '王明', evidence: '入学证明' },
  { region_code: region, issue_no: 'ZG2026005', source: '05', category: '07', description: '低保金发放不及时 <投诉> & 回复', found_date: '2026-07-01', resp_unit: '民政所', resp_person: '陈芳', measures: '补发', deadline: '2026-07-31', status: '02', closed_date: null, closed_by: null, evidence: null },
  { region_code: region, issue_no: 'ZG2026006', source: '06', category: '10', description: '帮扶手册填写不规范', found_date: '2026-08-08', resp_unit: '驻村工作队', resp_person: '周强', measures: '重新填写', deadline: '2026-08-31', status: '03', closed_date: '2026-08-20', closed_by: '王明', evidence: '手册照片' },
]; // prettier-ignore

/** Prints a form through the contract and copies the PDF into the fixture's folder as `name.pdf`. */
export async function printToFile(
  client: TestClient,
  request: RequestOf<'print.pdf'>,
  file: string,
): Promise<ResponseOf<'print.pdf'>> {
  const r = await client.ok('print.pdf', request);
  fs.copyFileSync(client.core.files.get(r.fileId).path, file);
  return r;
}

/** Every 18-character 证件号码 and every mobile number in a text. */
export const FULL_ID = /\d{17}[\dXx]/;
export const MOBILE = /1[3-9]\d{9}/;
