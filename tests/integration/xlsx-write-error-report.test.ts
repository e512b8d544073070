// The 错误报告 workbook as a clerk opens it: source rows in source order, 原行号 and 错误说明 at the
// right, exactly the bad cells in light red. Read back with SheetJS, and the styles checked against
// styles.xml itself where SheetJS does not expose them (fonts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { writeErrorReport } from '../../main/core/xlsx-write/error-report.ts';
import type { ErrorReportInput } from '../../main/core/xlsx-write/error-report.ts';
import { skipWithout } from '../helpers/tools.ts';

XLSX.set_fs(fs);

const root = fs.mkdtempSync(path.join(tmpdir(), 'xlsx-error-report-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let fileNo = 0;
function newFile(name = '错误报告.xlsx'): string {
  const dir = path.join(root, String(++fileNo));
  fs.mkdirSync(dir);
  return path.join(dir, name);
}

/** The parts of an .xlsx, read with a minimal central-directory walk (the unit test checks the zip itself). */
function zipParts(file: string): Map<string, string> {
  const buf = fs.readFileSync(file);
  const eocd = buf.length - 22;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    parts.set(name, inflateRawSync(buf.subarray(start, start + compressed)).toString('utf8'));
  }
  return parts;
}

/** The font of a cell, from the sheet's s="n" through cellXfs to fonts in styles.xml. */
function fontOf(parts: Map<string, string>, ref: string): string {
  const sheet = parts.get('xl/worksheets/sheet1.xml') ?? '';
  const styles = parts.get('xl/styles.xml') ?? '';
  const xfIndex = Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...cellXfs.matchAll(/<xf [^>]*>/g)][xfIndex]?.[0] ?? '';
  const fontId = Number(/fontId="(\d+)"/.exec(xf)?.[1] ?? 0);
  return [...styles.matchAll(/<font>.*?<\/font>/g)][fontId]?.[0] ?? '';
}

const cellAt = (ws: XLSX.WorkSheet, ref: string): XLSX.CellObject | undefined =>
  ws[ref] as XLSX.CellObject | undefined;
const fillOf = (ws: XLSX.WorkSheet, ref: string): string | null => {
  const s = cellAt(ws, ref)?.s as { patternType?: string; fgColor?: { rgb?: string } } | undefined;
  return s?.patternType === 'solid' ? (s.fgColor?.rgb ?? '?') : null;
};

const roster: ErrorReportInput = {
  sheetName: '花名册',
  title: '城关镇光千社区脱贫人口花名册',
  headerRows: [
    ['户编号', '户主姓名', '家庭成员', '', '', ''],
    ['', '', '姓名', '性别', '身份证号', '与户主关系'],
  ],
  rows: [
    { row: 5, cells: ['0012', '张三', '张三', '男', '420626196001011234', '户主'] },
    { row: 6, cells: ['0012', '', '李四', '男', '42062619620101123X', '配偶'] },
    { row: 7, cells: ['0013', '王五', '王五', '男', '=1+1', '户主'] },
    // Out of order on purpose: the report is in source order.
    { row: 9, cells: ['0014', '钱七', '钱七', '女', '420626196501011234', '户主', '多出的一列'] },
    { row: 8, cells: ['0013', '', '赵六', '男'] },
  ],
  issues: [
    { row: 6, column: 'E', message: '身份证号未通过校验', level: 'error' },
    { row: 6, column: 'D', message: '性别与身份证号不符', level: 'warning' },
    { row: 6, column: 'E', message: '身份证号已登记在其他户', level: 'error' },
    { row: 6, column: 'E', message: '身份证号未通过校验', level: 'error' }, // repeated: shown once
    { row: 7, column: 'E', message: '身份证号应为 18 位', level: 'error' },
    { row: 8, column: 'F', message: '缺少与户主关系', level: 'error' }, // the cell is not in the row
    { row: 9, column: null, message: '该户没有户主', level: 'warning' },
    { row: 9, column: 'ZZ', message: '列超出范围', level: 'warning' }, // no such source column: no fill
    { row: 12, column: 'a', message: '空行之后还有数据', level: 'warning' }, // a row not among the rows
    { row: 0, column: null, message: '缺少必填列“民族”', level: 'error' }, // the whole file
  ],
};

describe('error report workbook', () => {
  it('writes the source rows with 原行号, 错误说明 and the bad cells in light red', async () => {
    const file = newFile();
    const result = await writeErrorReport(file, roster);
    expect(result).toEqual({ rows: 7, errorRows: 4, heldRows: 0 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['错误报告.xlsx']);

    const wb = XLSX.readFile(file, { cellStyles: true });
    expect(wb.SheetNames).toEqual(['花名册']);
    const ws = wb.Sheets['花名册'];
    if (ws === undefined) throw new Error('no sheet');
    // 7 source columns (row 9 has one more than the header) + 原行号 (H) + 错误说明 (I).
    expect(ws['!ref']).toBe('A1:I10');
    expect(cellAt(ws, 'A1')?.v).toBe('城关镇光千社区脱贫人口花名册');
    expect(ws['!merges']).toEqual(
      expect.arrayContaining([
        { s: { r: 0, c: 0 }, e: { r: 0, c: 8 } },
        { s: { r: 1, c: 7 }, e: { r: 2, c: 7 } },
        { s: { r: 1, c: 8 }, e: { r: 2, c: 8 } },
      ]),
    );
    expect(ws['!merges']).toHaveLength(3);

    const rowValues = (r: number): unknown[] =>
      'ABCDEFGHI'.split('').map((c) => cellAt(ws, `${c}${r}`)?.v ?? null);
    expect(rowValues(2)).toEqual([
      '户编号',
      '户主姓名',
      '家庭成员',
      null,
      null,
      null,
      null,
      '原行号',
      '错误说明',
    ]);
    expect(rowValues(3)).toEqual([null, null, '姓名', '性别', '身份证号', '与户主关系', null, null, null]);
    expect(rowValues(4)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '【错误】缺少必填列“民族”',
    ]);
    expect(rowValues(5)).toEqual(['0012', '张三', '张三', '男', '420626196001011234', '户主', null, 5, null]);
    expect(rowValues(6)).toEqual([
      '0012',
      null,
      '李四',
      '男',
      '42062619620101123X',
      '配偶',
      null,
      6,
      '【错误】身份证号未通过校验；【错误】身份证号已登记在其他户；【提示】性别与身份证号不符',
    ]);
    expect(rowValues(7)).toEqual([
      '0013',
      '王五',
      '王五',
      '男',
      '=1+1',
      '户主',
      null,
      7,
      '【错误】身份证号应为 18 位',
    ]);
    expect(rowValues(8)).toEqual(['0013', null, '赵六', '男', null, null, null, 8, '【错误】缺少与户主关系']);
    expect(rowValues(9)).toEqual([
      '0014',
      '钱七',
      '钱七',
      '女',
      '420626196501011234',
      '户主',
      '多出的一列',
      9,
      '【提示】该户没有户主；【提示】列超出范围',
    ]);
    expect(rowValues(10)).toEqual([null, null, null, null, null, null, null, 12, '【提示】空行之后还有数据']);

    // Source cells are text: '0012' and IDs keep their digits, and nothing is a formula.
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue;
      expect((cell as XLSX.CellObject).f, ref).toBeUndefined();
    }
    expect(cellAt(ws, 'A5')).toMatchObject({ t: 's', z: '@' });
    expect(cellAt(ws, 'E7')).toMatchObject({ t: 's', v: '=1+1' });
    expect(cellAt(ws, 'H5')).toMatchObject({ t: 'n', v: 5 });

    // The fill is on exactly the cells an issue names, and nowhere else in the data.
    const bad = new Set(['D6', 'E6', 'E7', 'F8', 'A10']);
    for (let r = 4; r <= 10; r++) {
      for (const c of 'ABCDEFGHI') {
        const ref = `${c}${r}`;
        expect(fillOf(ws, ref), ref).toBe(bad.has(ref) ? 'FFC7CE' : null);
      }
    }
    for (const ref of ['A2', 'H2', 'I2', 'C3', 'G3']) expect(fillOf(ws, ref), ref).toBe('D9D9D9');

    const parts = zipParts(file);
    for (const ref of ['I4', 'I6', 'I7', 'I8', 'I9', 'I10']) {
      expect(fontOf(parts, ref), ref).toContain('<color rgb="FFFF0000"/>');
    }
    for (const ref of ['A6', 'E6', 'H6', 'I5']) expect(fontOf(parts, ref), ref).not.toContain('<color');
    for (const ref of ['A1', 'A2', 'I2', 'E3']) expect(fontOf(parts, ref), ref).toContain('<b/>');
    const sheetXml = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheetXml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('orientation="landscape"');
    expect(wb.Workbook?.Names).toEqual([
      expect.objectContaining({ Name: '_xlnm.Print_Titles', Ref: "'花名册'!$2:$3" }),
    ]);

    // Widths follow the content, capped at 40.
    const widths = (ws['!cols'] ?? []).map((c) => c.width ?? 0);
    expect(widths).toHaveLength(9);
    for (const w of widths) expect(w).toBeLessThanOrEqual(40);
    expect(widths[4]).toBeGreaterThanOrEqual(20); // 18-digit IDs
    expect(widths[1]).toBeLessThan(widths[4] ?? 0);
    expect(widths[8]).toBe(40); // the long 错误说明 of row 6
  });

  it('handles a plain sheet: no title, one header row, no issues', async () => {
    const file = newFile();
    const result = await writeErrorReport(file, {
      sheetName: '2024/03 名单',
      headerRows: [['姓名', '身份证号']],
      rows: [
        { row: 2, cells: ['张三', '420626196001011234'] },
        { row: 3, cells: ['李四', ''] },
      ],
      issues: [],
      title: null,
    });
    expect(result).toEqual({ rows: 2, errorRows: 0, heldRows: 0 });
    const wb = XLSX.readFile(file, { cellStyles: true });
    expect(wb.SheetNames).toEqual(['2024_03 名单']);
    const ws = wb.Sheets['2024_03 名单'];
    if (ws === undefined) throw new Error('no sheet');
    expect(ws['!ref']).toBe('A1:D3');
    expect(ws['!merges'] ?? []).toEqual([]);
    expect(cellAt(ws, 'C1')?.v).toBe('原行号');
    expect(cellAt(ws, 'D1')?.v).toBe('错误说明');
    expect(cellAt(ws, 'C3')?.v).toBe(3);
    expect(cellAt(ws, 'D2')?.v).toBeUndefined();
    expect(fillOf(ws, 'A2')).toBeNull();
    const sheetXml = zipParts(file).get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('leaves no file behind when the report cannot be written', async () => {
    const file = newFile();
    await expect(
      writeErrorReport(file, {
        sheetName: '宽表',
        headerRows: [new Array<string>(16_383).fill('列')],
        rows: [],
        issues: [],
      }),
    ).rejects.toThrow(/列数超过/);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('writes 50,000 rows with issues', async () => {
    const file = newFile();
    const header = Array.from({ length: 20 }, (_, i) => `字段${i + 1}`);
    const rows = Array.from({ length: 50_000 }, (_, i) => ({
      row: i + 2,
      cells: header.map((h, c) =>
        c === 4 ? `42062619600101${String(i % 10_000).padStart(4, '0')}` : `${h}-${i}`,
      ),
    }));
    const issues = rows
      .filter((r) => r.row % 10 === 0)
      .map((r) => ({ row: r.row, column: 'E', message: '身份证号未通过校验', level: 'error' as const }));
    const start = performance.now();
    const result = await writeErrorReport(file, { sheetName: '花名册', headerRows: [header], rows, issues });
    const ms = performance.now() - start;
    console.info(
      `error report, 50,000 rows × 22 columns: ${Math.round(ms)} ms, ${fs.statSync(file).size} bytes`,
    );
    // Its speed is measured by the bench (npm run bench), not asserted here.
    expect(result).toEqual({ rows: 50_000, errorRows: 5_000, heldRows: 0 });
  }, 60_000);

  const office = ['soffice', 'libreoffice'].find((c) => {
    const r = spawnSync(c, ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return r.error === undefined && r.status === 0;
  });
  it.skipIf(skipWithout(office !== undefined, 'LibreOffice'))(
    `LibreOffice opens the report${office === undefined ? ' (skipped: LibreOffice is not installed)' : ''}`,
    async () => {
      const file = newFile('report.xlsx');
      await writeErrorReport(file, roster);
      const outDir = path.dirname(file);
      const r = spawnSync(
        office ?? 'soffice',
        ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file],
        { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: outDir } },
      );
      expect(r.status).toBe(0);
      const lines = fs.readFileSync(path.join(outDir, 'report.csv'), 'utf8').trim().split(/\r?\n/);
      expect(lines).toHaveLength(10);
      expect(lines[1]).toBe('户编号,户主姓名,家庭成员,,,,,原行号,错误说明');
      expect(lines[5]).toBe(
        '0012,,李四,男,42062619620101123X,配偶,,6,【错误】身份证号未通过校验；【错误】身份证号已登记在其他户；【提示】性别与身份证号不符',
      );
      expect(lines[6]).toBe('0013,王五,王五,男,=1+1,户主,,7,【错误】身份证号应为 18 位');
    },
    120_000,
  );
});
