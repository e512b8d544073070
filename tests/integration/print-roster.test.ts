// 村级花名册 printed to PDF for a fixture village and read back: names, totals, 第 x 页 共 y 页 on every page,
// the header on every page, masked IDs, households never split across pages, signatures on the last page
// only, a township printed village by village (each numbered from 1), the 未校验 watermark, escaping, and
// page 1 against its reference image.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../shared/mask.ts';
import {
  compareWithReference,
  FULL_ID,
  openPrintFixture,
  pdfPageSizeMm,
  pdfPageTexts,
  pdfRawText,
  pdfPages,
  pdfToPngs,
  printSkip,
  printToFile,
  type PrintFixture,
} from '../helpers/print.ts';

const skip = printSkip();
let f: PrintFixture;
let pdf: string;
let pages: string[];
let members: Array<{ household_no: string; name: string; id_number: string; household_id: number }>;

const numbering = (page: string) => /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/.exec(page);
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(skip)('村级花名册', () => {
  beforeAll(async () => {
    f = await openPrintFixture();
    members = f.client.core.ledger.sqlite
      .prepare(
        `SELECT h.household_no, p.name, p.id_number, p.household_id FROM persons p JOIN households h ON h.id = p.household_id
         WHERE h.village_code = ? AND p.status = 'active' ORDER BY h.household_no`,
      )
      .all(f.village.code) as typeof members;
    pdf = path.join(f.dir, 'roster.pdf');
    const r = await printToFile(f.client, { form: 'roster', regionCode: f.village.code }, pdf);
    expect(r.unverified.count).toBe(0);
    pages = pdfPageTexts(pdf);
    expect(r.pages).toBe(pdfPages(pdf));
  }, 120_000);
  afterAll(async () => {
    await f?.client.close();
  });

  it('is A4 landscape, titled, with 填报单位, every member and the totals', () => {
    expect(pdfPageSizeMm(pdf)).toEqual([297, 210]);
    const all = pages.join('\n');
    expect(squash(all)).toContain(squash(`${f.village.name}建档立卡户花名册`));
    expect(squash(all)).toContain(squash(`填报单位：湖北省襄阳市保康县${f.township.name}${f.village.name}`));
    for (const m of members) expect(all).toContain(m.name);
    const households = new Set(members.map((m) => m.household_no)).size;
    expect(households).toBe(48);
    expect(squash(all)).toContain(`共${households}户${members.length}人`);
  });

  it('numbers every page 第 x 页 共 y 页 and repeats the header on each', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const m = numbering(page);
      expect(m?.slice(1)).toEqual([String(i + 1), String(pages.length)]);
      expect(page).toMatch(/户编号/);
      expect(page).toMatch(/证件号码/);
    });
  });

  it('prints 证件号码 masked (420626********1234), never in full', () => {
    const all = pages.join('\n');
    expect(all).not.toMatch(FULL_ID);
    for (const m of members) expect(all).toContain(maskIdNumber(m.id_number));
  });

  it('keeps each household on one page', () => {
    // The 户编号 is printed once per household; all its members' masked IDs are on that same page.
    for (const no of new Set(members.map((m) => m.household_no))) {
      const at = pages.findIndex((p) => p.includes(no));
      expect(at).toBeGreaterThanOrEqual(0);
      for (const m of members.filter((x) => x.household_no === no))
        expect(pages[at]).toContain(maskIdNumber(m.id_number));
    }
  });

  it('has the 村委会（盖章）/ 填表人 / 审核人 / 日期 lines on the last page only', () => {
    const last = squash(pages.at(-1) ?? '');
    for (const label of ['村委会（盖章）：', '填表人：', '审核人：', '日期：']) expect(last).toContain(label);
    for (const page of pages.slice(0, -1)) expect(squash(page)).not.toContain('审核人：');
  });

  it('looks like its reference image (page 1, 40 dpi)', () => {
    const [png] = pdfToPngs(pdf, path.join(f.dir, 'roster'), 40, 1, 1);
    expect(png).toBeDefined();
    expect(compareWithReference(png!, 'roster-page1')).toBeLessThan(0.02);
  });

  it('prints a township village by village, each from 第 1 页', async () => {
    const file = path.join(f.dir, 'township.pdf');
    const r = await printToFile(f.client, { form: 'roster', regionCode: f.township.code }, file);
    expect(r.documents.map((d) => d.label)).toEqual([f.village.name, f.village2.name]);
    const texts = pdfPageTexts(file);
    expect(texts.length).toBe(r.pages);
    const [first, second] = r.documents;
    expect(first!.pages).toBe(pages.length);
    const secondStart = texts[first!.pages]!;
    expect(numbering(texts[0]!)?.slice(1)).toEqual(['1', String(first!.pages)]);
    expect(numbering(secondStart)?.slice(1)).toEqual(['1', String(second!.pages)]);
    expect(squash(secondStart)).toContain(squash(`${f.village2.name}建档立卡户花名册`));
    expect(squash(texts.join(''))).toContain('共12户');
  }, 120_000);

  it('puts 未校验 on every page while a household breaks a rule, and prints names as typed', async () => {
    const db = f.client.core.ledger.sqlite;
    const h = members[0]!;
    const second = db
      .prepare(`SELECT id FROM persons WHERE household_id = ? AND relation <> '01' ORDER BY id LIMIT 1`)
      .pluck()
      .get(h.household_id) as number;
    db.prepare(`UPDATE persons SET relation = '01', name = '<王&二>' WHERE id = ?`).run(second);
    const file = path.join(f.dir, 'unverified.pdf');
    const r = await printToFile(f.client, { form: 'roster', regionCode: f.village.code }, file);
    expect(r.unverified.count).toBe(1);
    expect(r.unverified.examples[0]).toMatch(/2 个户主/);
    const raw = pdfRawText(file).split('\f').slice(0, -1);
    expect(raw.length).toBe(r.pages);
    for (const page of raw) expect(page).toContain('未校验');
    expect(pdfPageTexts(file).join('')).toContain('<王&二>');
    expect(pages.join('')).not.toContain('未校验');
    expect(fs.existsSync(file)).toBe(true);
  }, 120_000);
});
