// 问题整改清单 and 列表打印 (a report with its merged header, the household list under its filters) printed
// for the fixture village and read back; the CLI's `forms --json` and `print`; what is refused and how.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../shared/mask.ts';
import { PRINT_FORMS } from '../../shared/print/forms.ts';
import {
  compareWithReference,
  FULL_ID,
  openPrintFixture,
  pdfPageSizeMm,
  pdfPageTexts,
  pdfPages,
  pdfRawText,
  pdfText,
  pdfToPngs,
  printSkip,
  printToFile,
  RECTIFICATION_ROWS,
  type PrintFixture,
} from '../helpers/print.ts';
import { runLedgerCli } from '../helpers/run-cli.ts';

const skip = printSkip();
let f: PrintFixture;
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(skip)('问题整改清单, 列表打印 and the CLI', () => {
  beforeAll(async () => {
    f = await openPrintFixture();
  }, 120_000);
  afterAll(async () => {
    await f?.client.close();
  });

  it('问题整改清单: every problem, 销号 columns, counts by status, escaped text', async () => {
    const file = path.join(f.dir, 'rectification.pdf');
    const r = await printToFile(f.client, { form: 'rectification', regionCode: f.village.code }, file);
    expect(r.unverified.count).toBe(0);
    expect(pdfPageSizeMm(file)).toEqual([297, 210]);
    const text = pdfText(file);
    const all = squash(text);
    expect(all).toContain(squash(`${f.village.name}问题整改清单`));
    for (const h of ['销号', '销号日期', '销号人', '签字', '整改时限', '整改状态']) expect(all).toContain(h);
    const rows = RECTIFICATION_ROWS(f.village.code);
    for (const row of rows) {
      expect(text).toContain(row.issue_no);
      expect(all).toContain(squash(row.description));
    }
    expect(all).toContain('问题6个：已销号3，整改中2，待整改1');
    expect(all).toContain('<投诉>&回复');
    expect(/第\s*1\s*页\s*共\s*1\s*页/.test(text)).toBe(true);
    const [png] = pdfToPngs(file, path.join(f.dir, 'rectification'), 40, 1, 1);
    expect(compareWithReference(png!, 'rectification-page1')).toBeLessThan(0.02);
  }, 120_000);

  it('问题整改清单 carries 未校验 while a record breaks its ledger rule', async () => {
    const db = f.client.core.ledger.sqlite;
    db.prepare(`UPDATE ledger_rectification SET closed_by = NULL WHERE issue_no = 'ZG2026001'`).run();
    const file = path.join(f.dir, 'rectification-unverified.pdf');
    const r = await printToFile(f.client, { form: 'rectification', regionCode: f.village.code }, file);
    expect(r.unverified.count).toBe(1);
    expect(r.unverified.examples[0]).toMatch(/ZG2026001.*销号人/);
    expect(pdfRawText(file)).toContain('未校验');
    db.prepare(`UPDATE ledger_rectification SET closed_by = '王明' WHERE issue_no = 'ZG2026001'`).run();
  }, 120_000);

  it('prints a report as a table with its merged header, 合计 and every village', async () => {
    const report = await f.client.ok('reports.run', { id: 'register_basics', regionCode: f.township.code });
    const file = path.join(f.dir, 'report.pdf');
    const r = await printToFile(
      f.client,
      { form: 'table', regionCode: f.township.code, options: { report: 'register_basics' } },
      file,
    );
    const pages = pdfPageTexts(file);
    expect(r.pages).toBe(pages.length);
    const all = squash(pages.join(''));
    expect(all).toContain(squash(report.title));
    expect(all).toContain(squash(`填报单位：${report.reportingUnit}`));
    // Narrow header cells wrap on paper: the labels are checked in the printed HTML, the numbers in the PDF.
    const html = (
      await f.client.ok('print.render', {
        form: 'table',
        regionCode: f.township.code,
        options: { report: 'register_basics' },
      })
    ).documents[0]!.html;
    for (const cell of report.header.flat()) expect(html).toContain(`>${cell.label}</th>`);
    for (const row of report.rows) expect(all).toContain(squash(row.label));
    const total = report.rows.find((x) => x.kind === 'total')!;
    const firstKey = report.columns[0]!.key;
    const totalLine = pages
      .join('\n')
      .split('\n')
      .find((l) => /^\s*合计\s+\d/.test(l))!;
    expect(totalLine.trim().split(/\s+/)[1]).toBe(String(total.values[firstKey]));
    pages.forEach((p, i) =>
      expect(p).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)),
    );
  }, 120_000);

  it('prints the household list under its filters, IDs and phones masked', async () => {
    const db = f.client.core.ledger.sqlite;
    const expected = db
      .prepare(
        `SELECT household_no, head_id_number FROM households WHERE village_code = ? AND household_type = '2' AND status = 'active'`,
      )
      .all(f.village.code) as Array<{ household_no: string; head_id_number: string }>;
    const others = db
      .prepare(`SELECT household_no FROM households WHERE village_code = ? AND household_type <> '2'`)
      .pluck()
      .all(f.village.code) as string[];
    expect(others.length).toBeGreaterThan(0);
    const file = path.join(f.dir, 'list.pdf');
    await printToFile(
      f.client,
      {
        form: 'table',
        regionCode: f.village.code,
        householdList: { regionCode: null, householdType: ['2'] },
      },
      file,
    );
    const text = pdfText(file);
    for (const h of expected) {
      expect(text).toContain(h.household_no);
      expect(text).toContain(maskIdNumber(h.head_id_number));
    }
    for (const no of others) expect(text).not.toContain(no);
    expect(text).not.toMatch(FULL_ID);
    expect(squash(text)).toContain(`共${expected.length}户`);
  }, 120_000);

  it('prints a 专项台账 record list under its filters, IDs masked, labels not codes', async () => {
    const db = f.client.core.ledger.sqlite;
    // 外出务工 of the fixture village: the records of persons whose household lives there, 已外出 only.
    const expected = db
      .prepare(
        `SELECT p.name, p.id_number FROM ledger_migrant_work r JOIN persons p ON p.id = r.person_id
         JOIN households h ON h.id = p.household_id WHERE h.village_code = ? AND r.status = '01'`,
      )
      .all(f.village.code) as Array<{ name: string; id_number: string }>;
    const others = db
      .prepare(
        `SELECT p.name FROM ledger_migrant_work r JOIN persons p ON p.id = r.person_id
         JOIN households h ON h.id = p.household_id WHERE h.village_code = ? AND r.status <> '01'`,
      )
      .pluck()
      .all(f.village.code) as string[];
    expect(expected.length).toBeGreaterThan(0);
    const file = path.join(f.dir, 'ledger-list.pdf');
    await printToFile(
      f.client,
      {
        form: 'table',
        regionCode: f.village.code,
        ledgerList: { ledgerId: 'migrant_work', regionCode: null, filters: { status: ['01'] } },
      },
      file,
    );
    const text = pdfText(file);
    for (const p of expected) {
      expect(text).toContain(p.name);
      expect(text).toContain(maskIdNumber(p.id_number));
    }
    for (const name of others.filter((n) => !expected.some((e) => e.name === n)))
      expect(text).not.toContain(name);
    expect(text).not.toMatch(FULL_ID);
    expect(squash(text)).toContain(`共${expected.length}条`);
    expect(squash(text)).toContain('外出务工');
    expect(squash(text)).toContain('已外出');
  }, 120_000);

  it('refuses what it cannot print, in Chinese', async () => {
    const e1 = await f.client.fail('print.pdf', { form: 'roster', householdNo: 'NOPE' });
    expect(e1.message).toMatch(/按区划打印/);
    const e2 = await f.client.fail('print.pdf', { form: 'rectification', regionCode: f.village2.code });
    expect(e2.code).toBe('not-found');
    expect(e2.message).toContain('没有问题排查整改记录');
    const e3 = await f.client.fail('print.pdf', {
      form: 'table',
      regionCode: f.village.code,
      options: { report: 'nope' },
    });
    expect(e3.message).toContain('没有编号为“nope”的报表');
  });

  it('CLI: forms --json lists every form; print writes the PDF; bad input is explained', async () => {
    await f.client.close();
    const forms = runLedgerCli(['forms', '--json', '--db', f.ledgerPath]);
    expect(forms.code).toBe(0);
    const list = JSON.parse(forms.stdout) as Array<{ id: string; orientation: string; targets: string[] }>;
    expect(list.map((x) => x.id)).toEqual(PRINT_FORMS.map((x) => x.id));
    expect(list.find((x) => x.id === 'roster')).toMatchObject({
      orientation: 'landscape',
      targets: ['region'],
    });
    const out = path.join(f.dir, 'cli-roster.pdf');
    const printed = runLedgerCli([
      'print',
      'roster',
      '--region',
      f.village.code,
      '--year',
      '2020',
      '--out',
      out,
      '--db',
      f.ledgerPath,
      '--json',
    ]);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const result = JSON.parse(printed.stdout.trim().split('\n').at(-1)!) as { pages: number; file: string };
    expect(result.file).toBe(out);
    expect(pdfPages(out)).toBe(result.pages);
    const wrongForm = runLedgerCli([
      'print',
      'nope',
      '--region',
      f.village.code,
      '--out',
      out,
      '--db',
      f.ledgerPath,
    ]);
    expect(wrongForm.code).toBe(1);
    expect(wrongForm.stderr).toContain('没有表单“nope”');
    const notPdf = runLedgerCli([
      'print',
      'roster',
      '--region',
      f.village.code,
      '--out',
      'x.xlsx',
      '--db',
      f.ledgerPath,
    ]);
    expect(notPdf.stderr).toContain('--out 应为 .pdf 文件');
    const wrongOption = runLedgerCli([
      'print',
      'roster',
      '--region',
      f.village.code,
      '--days',
      '3',
      '--out',
      out,
      '--db',
      f.ledgerPath,
    ]);
    expect(wrongOption.stderr).toContain('村级花名册没有 --days 选项');
    const mobile = runLedgerCli([
      'print',
      'notice',
      '--region',
      f.village.code,
      '--phone',
      '13807101234',
      '--out',
      out,
      '--db',
      f.ledgerPath,
    ]);
    expect(mobile.code).toBe(1);
    expect(mobile.stderr).toContain('不印手机号码');
    expect(fs.existsSync(out)).toBe(true);
  }, 180_000);
});
