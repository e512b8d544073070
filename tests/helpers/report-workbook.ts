// A report's workbook re-read and checked against numbers the test computed itself: every measure cell
// (a number cell holding exactly the expected value; '—' for a rate without a denominator), the row
// labels, the header (each measure's column reads its group path top to bottom through the merged
// cells), the title and 填报单位 line, the notes and the 填表人 line, no formula anywhere; and in the XML:
// borders on every table cell, 合计/小计 bold, the frozen pane, A4 landscape fitted to one page wide,
// the print titles repeating the header rows.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import { writeReportWorkbook } from '../../main/core/reports/report-workbook.ts';
import type { ResponseOf } from '../../shared/contract/index.ts';
import { tempDir } from './temp-ledger.ts';

type Report = ResponseOf<'reports.run'>;

export interface ExpectedRow {
  label: string;
  kind: 'total' | 'subtotal' | 'unit';
  values: Record<string, number | null>;
}

const addr = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });

/** The cellXfs of styles.xml as { border, bold } by index. */
function xfLooks(stylesXml: string): Array<{ border: boolean; bold: boolean }> {
  const fonts = [...(/<fonts[^>]*>(.*?)<\/fonts>/s.exec(stylesXml)?.[1] ?? '').matchAll(/<font>(.*?)<\/font>/gs)].map(
    (m) => (m[1] ?? '').includes('<b/>'),
  );
  const borders = [...(/<borders[^>]*>(.*?)<\/borders>/s.exec(stylesXml)?.[1] ?? '').matchAll(/<border>(.*?)<\/border>/gs)].map(
    (m) => (m[1] ?? '').includes('style="thin"'),
  );
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(m[1] ?? '')?.[1] ?? 0);
    return { border: borders[attr('borderId')] === true, bold: fonts[attr('fontId')] === true };
  });
} // prettier-ignore

/** Style index of every written cell of the sheet, by its reference. */
const cellStyles = (sheetXml: string): Map<string, number> =>
  new Map(
    [...sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1] ?? '', Number(m[2] ?? 0)]),
  );

/**
 * Writes `report` as its workbook, re-reads it and checks it against `rows` (the test's own numbers, row
 * by row as the report lists them). Returns the file for further checks.
 */
export async function expectReportWorkbook(
  report: Report,
  rows: readonly ExpectedRow[],
  options: { labelHeader?: string; file?: string } = {},
): Promise<string> {
  const file = options.file ?? path.join(tempDir('report-xlsx-'), `${report.id}.xlsx`);
  if (options.file === undefined)
    await writeReportWorkbook(report, file, options.labelHeader === undefined ? {} : { labelHeader: options.labelHeader });
  const book = XLSX.read(fs.readFileSync(file), { type: 'buffer', bookFiles: true, cellNF: true });
  const sheetName = book.SheetNames[0] as string;
  const sheet = book.Sheets[sheetName] as XLSX.WorkSheet;
  const at = (r: number, c: number) => sheet[addr(r, c)] as XLSX.CellObject | undefined;
  const text = (r: number, c: number) => {
    const cell = at(r, c);
    return cell === undefined || cell.v === undefined ? '' : String(cell.v);
  };
  const depth = report.header.length;
  const width = 2 + report.columns.length;
  const firstData = 2 + depth;

  // No cell is a formula, whatever the labels say.
  for (const key of Object.keys(sheet).filter((k) => !k.startsWith('!')))
    expect((sheet[key] as XLSX.CellObject).f, key).toBeUndefined();

  const title = `${report.parameters.year !== null ? `${report.parameters.year}年` : ''}${report.title}`;
  expect(text(0, 0)).toBe(title);
  const metaLine = Array.from({ length: width }, (_, c) => text(1, c)).join('');
  expect(metaLine).toContain(`填报单位（盖章）：${report.reportingUnit}`);
  expect(metaLine).toContain(
    report.parameters.year !== null ? `统计时间：${report.parameters.year}年度` : '统计时间：截至',
  );
  expect(metaLine).toContain(`单位：${report.unit}`);

  // The header: 序号 and the row label down all header rows; each measure's column reads its path.
  const merges = sheet['!merges'] ?? [];
  const mergeAt = (r: number, c: number) =>
    merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
  const shown = (r: number, c: number) => {
    const m = mergeAt(r, c);
    return m === undefined ? text(r, c) : text(m.s.r, m.s.c);
  };
  expect(text(2, 0)).toBe('序号');
  expect(text(2, 1)).toBe(options.labelHeader ?? (rows.some((r) => r.kind === 'subtotal') ? '乡镇（村）' : '村'));
  if (depth > 1) {
    expect(mergeAt(2, 0)).toEqual({ s: { r: 2, c: 0 }, e: { r: firstData - 1, c: 0 } });
    expect(mergeAt(2, 1)).toEqual({ s: { r: 2, c: 1 }, e: { r: firstData - 1, c: 1 } });
  }
  report.columns.forEach((column, j) => {
    const labels: string[] = [];
    for (let r = 2; r < firstData; r++) {
      // Long measure labels are printed on two lines.
      const label = shown(r, 2 + j).replace('\n', '');
      const m = mergeAt(r, 2 + j);
      // A label spanning rows is read once.
      if (m === undefined || m.s.r === r) labels.push(label);
    }
    expect(labels, column.key).toEqual(column.path);
  });

  // Every row: its label, 序号 for villages, each value a number cell equal to the test's own number.
  expect(rows.map((r) => r.label)).toEqual(report.rows.map((r) => r.label));
  let unitNo = 0;
  rows.forEach((row, i) => {
    const r = firstData + i;
    expect(text(r, 1), `row ${r + 1}`).toBe(row.label);
    expect(at(r, 0)?.v ?? '', `row ${r + 1} 序号`).toBe(row.kind === 'unit' ? ++unitNo : '');
    const got: Record<string, number | string | null> = {};
    const want: Record<string, number | string | null> = {};
    report.columns.forEach((column, j) => {
      const cell = at(r, 2 + j);
      got[column.key] = cell?.t === 'n' ? (cell.v as number) : cell === undefined ? null : `${cell.t}:${String(cell.v)}`;
      const v = row.values[column.key];
      want[column.key] = v === null || v === undefined ? 's:—' : v;
      if (cell?.t === 'n' && column.kind === 'rate') expect(cell.z).toBe('0.0');
    });
    expect({ label: row.label, values: got }).toEqual({ label: row.label, values: want });
  });

  // Under the table: the notes, then the 填表人 line.
  const after = firstData + rows.length;
  report.notes.forEach((note, i) => expect(text(after + i, 0)).toBe(`${i === 0 ? '注：' : '　　'}${note}`));
  expect(text(after + report.notes.length + 1, 0)).toMatch(/^填表人：\s*审核人：\s*分管领导：\s*联系电话：\s*填报日期：/);

  // The XML: borders, bold totals, the frozen pane, the page setup, the print titles.
  const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
  const part = (name: string) => Buffer.from(files[name]?.content ?? new Uint8Array()).toString('utf8');
  const sheetXml = part('xl/worksheets/sheet1.xml');
  const looks = xfLooks(part('xl/styles.xml'));
  const styles = cellStyles(sheetXml);
  for (let r = 2; r < after; r++)
    for (let c = 0; c < width; c++) {
      const look = looks[styles.get(addr(r, c)) ?? 0];
      expect(look?.border, `border of ${addr(r, c)}`).toBe(true);
      const kind = r >= firstData ? rows[r - firstData]?.kind : 'header';
      if (kind === 'total' || kind === 'subtotal' || kind === 'header') expect(look?.bold, `bold ${addr(r, c)}`).toBe(true);
      if (kind === 'unit') expect(look?.bold, `not bold ${addr(r, c)}`).toBe(false);
    }
  const topLeft = addr(firstData, 2);
  expect(sheetXml).toContain(`<pane xSplit="2" ySplit="${firstData}" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/>`);
  expect(sheetXml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(sheetXml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"\/>/);
  expect(sheetXml).toMatch(/<pageMargins left="[\d.]+" right="[\d.]+" top="[\d.]+" bottom="[\d.]+" header="[\d.]+" footer="[\d.]+"\/>/);
  expect(sheetXml).toContain(`<mergeCell ref="A1:${XLSX.utils.encode_col(width - 1)}1"/>`);
  expect(book.Workbook?.Names).toContainEqual(
    expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `'${sheetName}'!$3:$${firstData}` }),
  );
  return file;
} // prettier-ignore
