// 外出务工三联单 printed to PDF for the fixture village and read back: one page per person going out, each
// with the three parts' titles and the same 三联单编号 three times, consecutive numbers across the batch;
// the full 证件号码 only on the 村留存 part, masked on the two that leave the village; the preview issues
// no number, a reprint keeps them; one household alone; page 1 against its reference image.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERIAL_IN_PREVIEW } from '../../main/core/print/forms/migrant-slip.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import {
  compareWithReference,
  FULL_ID,
  openPrintFixture,
  pdfPageSizeMm,
  pdfPageTexts,
  pdfPages,
  pdfToPngs,
  printSkip,
  printToFile,
  type PrintFixture,
} from '../helpers/print.ts';
import { insertRecords } from '../helpers/report-ledger.ts';

const skip = printSkip();
const YEAR = 2026;
const TITLES = ['务工人员备案单', '外出务工联络单', '用工回执单'];
let f: PrintFixture;
/** The fixture village's people with a 2026 外出务工 record that prints, in print order. */
let going: Array<{ name: string; id_number: string; household_no: string }>;

const squash = (s: string) => s.replace(/\s+/g, '');
const serialsIn = (text: string) => text.match(/\d{3}-\d{4}-\d{5}/g) ?? [];
const issued = () =>
  f.client.core.ledger.sqlite
    .prepare(`SELECT COUNT(*) FROM ledger_migrant_work WHERE slip_serial IS NOT NULL`)
    .pluck()
    .get();

describe.skipIf(skip)('外出务工三联单', () => {
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    f = await openPrintFixture();
    const db = f.client.core.ledger.sqlite;
    const people = db
      .prepare(
        `SELECT p.id, p.name, p.id_number, h.household_no FROM persons p JOIN households h ON h.id = p.household_id
         WHERE h.village_code = ? AND p.status = 'active' ORDER BY COALESCE(h.group_code, ''), h.household_no, p.id LIMIT 7`,
      )
      .all(f.village.code) as Array<{ id: number; name: string; id_number: string; household_no: string }>;
    // 2026: five going out (已外出, 计划外出, 已返岗), one staying (未外出), one with no 年度 2026 record.
    const status = ['01', '04', '03', '04', '02', '01'];
    insertRecords(
      f.client.core.ledger,
      'migrant_work',
      status.map((s, i) => ({
        person_id: people[i]?.id ?? 0,
        year: YEAR,
        status: s,
        work_place: s === '04' ? null : '广东省深圳市宝安区',
        planned_place: s === '04' ? '浙江省义乌市' : null,
        employer: s === '03' ? null : `用工单位${i}`,
        filed_date: '2026-03-01',
        health_check_date: '2026-02-27',
        health_certificate: 1,
      })),
    );
    going = people.filter((_, i) => status[i] !== undefined && status[i] !== '03');
    pdf = path.join(f.dir, 'slips.pdf');
    const r = await printToFile(
      f.client,
      { form: 'migrant-slip', regionCode: f.village.code, year: YEAR },
      pdf,
    );
    expect(r.unverified.count).toBe(0);
    expect(r.pages).toBe(pdfPages(pdf));
    pages = pdfPageTexts(pdf);
  }, 120_000);
  afterAll(async () => {
    await f?.client.close();
  });

  it('is A4 portrait, one page per person going out, in print order', () => {
    expect(pdfPageSizeMm(pdf)).toEqual([210, 297]);
    expect(pages).toHaveLength(going.length);
    pages.forEach((page, i) => expect(page).toContain(going[i]?.name));
  });

  it('prints the three parts on each page, each with the same number, consecutive across the batch', () => {
    const serials = pages.map((page) => {
      for (const t of TITLES) expect(squash(page)).toContain(t);
      expect(squash(page)).toContain('沿虚线剪开');
      const found = serialsIn(page);
      expect(found).toHaveLength(3);
      expect(new Set(found).size).toBe(1);
      return found[0] ?? '';
    });
    const prefix = `${f.township.code.slice(6, 9)}-${YEAR}`;
    expect(serials).toEqual(serials.map((_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`));
  });

  it('prints the full 证件号码 only on the 村留存 part, masked on the parts that leave the village', () => {
    pages.forEach((page, i) => {
      const person = going[i];
      if (!person) throw new Error('page without person');
      const [filing, travelling] = [
        page.slice(0, page.indexOf('外出务工联络单')),
        page.slice(page.indexOf('外出务工联络单')),
      ];
      expect(filing).toContain(person.id_number);
      expect(travelling).not.toMatch(FULL_ID);
      expect(travelling.split(maskIdNumber(person.id_number))).toHaveLength(3);
    });
  });

  it('masks the 村留存 part too when the clerk asks (--ids masked), and refuses another value', async () => {
    const file = path.join(f.dir, 'masked.pdf');
    const request = { form: 'migrant-slip', regionCode: f.village.code, year: YEAR } as const;
    await printToFile(f.client, { ...request, options: { ids: 'masked' } }, file);
    const text = pdfPageTexts(file);
    expect(text.join('\n')).not.toMatch(FULL_ID);
    text.forEach((page, i) => expect(page.split(maskIdNumber(going[i]?.id_number ?? ''))).toHaveLength(4));
    const e = await f.client.fail('print.pdf', { ...request, options: { ids: 'all' } });
    expect(e.message).toContain('备案单证件号码应为 full、masked 之一');
  });

  it('keeps every number on a reprint; the preview issues none', async () => {
    const before = issued();
    const again = path.join(f.dir, 'again.pdf');
    await printToFile(f.client, { form: 'migrant-slip', regionCode: f.village.code, year: YEAR }, again);
    expect(pdfPageTexts(again).map(serialsIn)).toEqual(pages.map(serialsIn));
    expect(issued()).toBe(before);

    // A household of the other village previewed: no number issued, the part says when it will be.
    const other = f.client.core.ledger.sqlite
      .prepare(
        `SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id WHERE h.village_code = ? LIMIT 1`,
      )
      .pluck()
      .get(f.village2.code) as number;
    insertRecords(f.client.core.ledger, 'migrant_work', [{ person_id: other, year: YEAR, status: '04' }]);
    const preview = await f.client.ok('print.render', {
      form: 'migrant-slip',
      regionCode: f.village2.code,
      year: YEAR,
    });
    expect(preview.documents.map((d) => d.html).join('')).toContain(SERIAL_IN_PREVIEW);
    expect(issued()).toBe(before);
  });

  it('prints one household alone', async () => {
    const household = going[0]?.household_no ?? '';
    const file = path.join(f.dir, 'household.pdf');
    const r = await printToFile(f.client, { form: 'migrant-slip', householdNo: household, year: YEAR }, file);
    const mine = going.filter((g) => g.household_no === household);
    expect(r.pages).toBe(mine.length);
    expect(pdfPageTexts(file).map((p) => serialsIn(p)[0])).toEqual(
      pages.filter((_, i) => going[i]?.household_no === household).map((p) => serialsIn(p)[0]),
    );
  });

  it('says so when a village has nobody to print for that year', async () => {
    const e = await f.client.fail('print.pdf', {
      form: 'migrant-slip',
      regionCode: f.village.code,
      year: 2019,
    });
    expect(e.code).toBe('not-found');
    expect(e.message).toContain('2019年没有要打印三联单的外出务工记录');
  });

  it('looks like its reference image (page 1, 40 dpi)', () => {
    const [png] = pdfToPngs(pdf, path.join(f.dir, 'slip'), 40, 1, 1);
    expect(png).toBeDefined();
    expect(compareWithReference(png!, 'migrant-slip-page1')).toBeLessThan(0.02);
  });
});
