// The workbooks that leave the program for the county: a report's (reports.export, `report ID --out`)
// and a ledger's 汇总 (ledgers.exportSummary, `summary LEDGER-ID`). Over a register and a 公益性岗位
// ledger with known contents: the 汇总 lists every 乡镇 (every village inside a 乡镇) with zeros, 合计
// first, each cell equal to counts computed here, on screen and in the re-read workbook; exports are
// audited with the file's SHA-256; a label typed as a formula stays text; LibreOffice prints a
// several-page report with the header on every page and the title once.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ledgerSummaryReport } from '../../main/core/ledgers/ledger-summary.ts';
import { writeReportWorkbook } from '../../main/core/reports/report-workbook.ts';
import { openTestClient, type TestClient } from '../helpers/core-client.ts';
import {
  expectReportWorkbook,
  insertRecords,
  insertRegister,
  villagesOf,
  type TestHousehold,
  type VillageRef,
} from '../helpers/report-ledger.ts';
import type { ExpectedRow } from '../helpers/report-workbook.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';
import { tempDir, tempLedgerPath } from '../helpers/temp-ledger.ts';
import { skipWithout } from '../helpers/tools.ts';
import { shortRegionName } from '../../shared/region-name.ts';

interface Post {
  person_id: number;
  job_type: string;
  fund_source: string | null;
  annual_paid: number | null;
}

const dbFile = tempLedgerPath();
let client: TestClient;
let villages: VillageRef[] = [];
let households: TestHousehold[] = [];
let townships: Array<{ code: string; name: string }> = [];
const posts: Post[] = [];
const TYPES = ['01', '06', '07', '08', '09', '99'];
const FUNDS = ['01', '02', '99', null];

beforeAll(async () => {
  client = await openTestClient(dbFile);
  await client.ok('ledger.create', { countyCode: '420626' });
  const db = client.core.ledger.sqlite;
  townships = db.prepare(`SELECT code, name FROM regions WHERE level = 'township' ORDER BY sort_order, code`).all() as typeof townships;
  // Only some villages of the first townships hold anyone: the others, and whole 乡镇, stay at zero.
  const used = new Set(townships.slice(0, 4).map((t) => t.code));
  villages = villagesOf(client.core.ledger).filter((v, i) => used.has(v.townshipCode) && i % 3 !== 1);
  households = insertRegister(client.core.ledger, villages, Array.from({ length: 400 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => ({}))));
  households.forEach((h, i) =>
    h.members.forEach((p, j) => {
      if ((i + j) % 4 === 3) return;
      posts.push({ person_id: p.id, job_type: TYPES[(i + j) % TYPES.length] as string, fund_source: FUNDS[(i * 3 + j) % FUNDS.length] ?? null, annual_paid: i % 5 === 0 ? null : 600 + (i % 7) * 100.5 });
    }),
  );
  insertRecords(client.core.ledger, 'public_welfare_jobs', posts.map((p) => ({ ...p, job_type_note: p.job_type === '99' ? '其他岗位' : null })));
}, 60_000); // prettier-ignore

afterAll(async () => {
  await client?.close();
});

/** The 公益性岗位 汇总 over the households `inside` says, computed from what the test wrote. */
function expectedSummary(inside: (h: TestHousehold) => boolean): Record<string, number> {
  const home = new Set(households.filter(inside).flatMap((h) => h.members.map((p) => p.id)));
  const mine = posts.filter((p) => home.has(p.person_id));
  const n = (test: (p: Post) => boolean) => mine.filter(test).length;
  return {
    records: mine.length,
    epidemic: n((p) => ['06', '07', '08'].includes(p.job_type)),
    forest_ranger: n((p) => p.job_type === '09'),
    solar_funded: n((p) => p.fund_source === '01'),
    fiscal_funded: n((p) => p.fund_source === '02'),
    annual_paid: Math.round(mine.reduce((s, p) => s + (p.annual_paid ?? 0), 0) * 100) / 100,
  };
}

const exportedFile = (fileId: string) => client.core.files.get(fileId).path;

describe('a ledger’s 汇总', () => {
  it('lists 合计 first and every 乡镇 with zeros; the exported workbook has the same numbers', async () => {
    const summary = await client.ok('ledgers.summary', { ledgerId: 'public_welfare_jobs' });
    expect(summary.total.values).toEqual(expectedSummary(() => true));
    expect(summary.rows.map((r) => r.name)).toEqual(townships.map((t) => t.name));
    for (const row of summary.rows)
      expect({ name: row.name, values: row.values }).toEqual({ name: row.name, values: expectedSummary((h) => h.village.townshipCode === row.regionCode) });
    expect(summary.rows.filter((r) => r.values.records === 0).length).toBeGreaterThan(0);

    const exported = await client.ok('ledgers.exportSummary', { ledgerId: 'public_welfare_jobs' });
    const { report } = ledgerSummaryReport(client.core.ledger, 'public_welfare_jobs', null);
    const rows: ExpectedRow[] = [
      { label: '合计', kind: 'total', values: expectedSummary(() => true) },
      ...townships.map((t) => ({ label: t.name, kind: 'unit' as const, values: expectedSummary((h) => h.village.townshipCode === t.code) })),
    ];
    await expectReportWorkbook(report, rows, { labelHeader: '乡镇', file: exportedFile(exported.fileId) });
  });

  it('inside a 乡镇 lists every village with zeros; the workbook says 村', async () => {
    const township = villages[0]?.townshipCode as string;
    const all = client.core.ledger.sqlite.prepare(`SELECT code, name FROM regions WHERE level = 'village' AND parent_code = ? ORDER BY sort_order, code`).all(township) as Array<{ code: string; name: string }>;
    const summary = await client.ok('ledgers.summary', { ledgerId: 'public_welfare_jobs', regionCode: township });
    expect(summary.rows.map((r) => r.regionCode)).toEqual(all.map((v) => v.code));
    expect(summary.rows.some((r) => r.values.records === 0)).toBe(true);
    const exported = await client.ok('ledgers.exportSummary', { ledgerId: 'public_welfare_jobs', regionCode: township });
    const { report } = ledgerSummaryReport(client.core.ledger, 'public_welfare_jobs', township);
    const rows: ExpectedRow[] = [
      { label: '合计', kind: 'total', values: expectedSummary((h) => h.village.townshipCode === township) },
      ...all.map((v) => ({ label: shortRegionName(v.name), kind: 'unit' as const, values: expectedSummary((h) => h.village.code === v.code) })),
    ];
    await expectReportWorkbook(report, rows, { labelHeader: '村', file: exportedFile(exported.fileId) });
  });
}); // prettier-ignore

describe('a report’s workbook', () => {
  it('is the numbers of reports.run, written to the audit log with the file’s SHA-256', async () => {
    const report = await client.ok('reports.run', { id: 'public_welfare_jobs' });
    const exported = await client.ok('reports.export', { id: 'public_welfare_jobs' });
    expect(exported.fileName).toMatch(/^保康县公益性岗位安置统计表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = exportedFile(exported.fileId);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(exported.sha256).toBe(sha256);
    const audit = client.core.ledger.sqlite.prepare(`SELECT action, entity, label, changes FROM audit_log WHERE entity_id = ? ORDER BY id DESC`).get(exported.fileName) as { action: string; entity: string; label: string; changes: string };
    expect(audit).toMatchObject({ action: 'export', entity: 'file', label: '保康县公益性岗位安置统计表' });
    expect(JSON.parse(audit.changes)).toContainEqual({ field: 'sha256', before: null, after: sha256 });
    await expectReportWorkbook(report, report.rows.map((r) => ({ label: r.label, kind: r.kind, values: r.values })), { file });
  });

  it('keeps a label typed as a formula as text', async () => {
    const report = await client.ok('reports.run', { id: 'public_welfare_jobs', regionCode: villages[0]?.townshipCode as string });
    const hostile = ['=HYPERLINK("http://example.com","点我")', '+1+2', '-3', '@SUM(A1)'];
    const rows = report.rows.map((r, i) => (i === 0 ? r : { ...r, label: hostile[i % hostile.length] as string }));
    const file = path.join(tempDir('report-formula-'), 'r.xlsx');
    await writeReportWorkbook({ ...report, rows, notes: ['=1+1'] }, file);
    const book = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const firstData = 2 + report.header.length;
    rows.forEach((r, i) => {
      const cell = sheet[XLSX.utils.encode_cell({ r: firstData + i, c: 1 })] as XLSX.CellObject;
      expect(cell).toMatchObject({ t: 's', v: r.label });
      expect(cell.f).toBeUndefined();
    });
    expect(fs.readFileSync(file).includes('<f>')).toBe(false);
  });

  it('is written by the CLI: report --out, summary --out and summary --json, the same numbers', async () => {
    const township = villages[0]?.townshipCode as string;
    const report = await client.ok('reports.run', { id: 'public_welfare_jobs', regionCode: township });
    const { report: summary } = ledgerSummaryReport(client.core.ledger, 'public_welfare_jobs', null);
    await client.close();
    try {
    const dir = tempDir('report-cli-');
    const out = path.join(dir, '公益性岗位.xlsx');
    const run = runLedgerCli(['report', 'public_welfare_jobs', '--region', township, '--out', out, '--db', dbFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已导出');
    await expectReportWorkbook(report, report.rows.map((r) => ({ label: r.label, kind: r.kind, values: r.values })), { file: out });
    const json = runLedgerCli(['summary', 'public_welfare_jobs', '--json', '--db', dbFile]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ...summary, parameters: { ...summary.parameters, asOf: expect.any(String) } });
    const sumOut = path.join(dir, '汇总.xlsx');
    expect(runLedgerCli(['summary', 'public_welfare_jobs', '--out', sumOut, '--db', dbFile]).code).toBe(0);
    await expectReportWorkbook(summary, summary.rows.map((r) => ({ label: r.label, kind: r.kind, values: r.values })), { file: sumOut, labelHeader: '乡镇' });
    expect(runLedgerCli(['summary', 'public_welfare_jobs', '--out', path.join(dir, 'x.csv'), '--db', dbFile]).code).toBe(2);
    expect(runLedgerCli(['report', 'public_welfare_jobs', '--out', path.join(dir, 'x.pdf'), '--db', dbFile]).code).toBe(2);
    expect(runLedgerCli(['summary', 'public_welfare_jobs', '--db', dbFile]).code).toBe(2);
    expect(runLedgerCli(['summary', 'no_such_ledger', '--json', '--db', dbFile]).code).toBe(1);
    } finally {
      client = await openTestClient(dbFile);
    }
  }, 120_000);
}); // prettier-ignore

const office = ['soffice', 'libreoffice'].find((c) => {
  const r = spawnSync(c, ['--version'], { stdio: 'ignore', timeout: 60_000 });
  return r.error === undefined && r.status === 0;
});
const pdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;

describe('printed', () => {
  it.skipIf(skipWithout(office !== undefined && pdftotext, 'LibreOffice and pdftotext'))(
    'LibreOffice prints a several-page report with the header on every page and the title once',
    async () => {
      const report = await client.ok('reports.run', { id: 'register_basics' });
      const dir = tempDir('report-pdf-');
      const file = path.join(dir, 'report.xlsx');
      await writeReportWorkbook(report, file);
      const r = spawnSync(office ?? 'soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, HOME: dir },
      });
      expect(r.status, r.stderr).toBe(0);
      const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThanOrEqual(3);
      // Group labels of the first header row, and the label column's header, on every page.
      const groups = (report.header[0] ?? []).filter((c) => c.colSpan > 1).map((c) => c.label);
      pages.forEach((page, i) => {
        // A long label may break before its （…） (the writer's fixed break): each line on the page.
        for (const label of ['序号', ...groups])
          for (const part of label.split(/(?=（)/)) expect(page.replace(/\s+/g, ''), `page ${i + 1}: ${label}`).toContain(part);
      });
      expect(text.split(report.title).length - 1).toBe(1);
      expect(pages[0]).toContain(report.title);
      expect(text.replace(/\s+/g, '')).toContain('填表人：');
    },
    240_000,
  );
}); // prettier-ignore
