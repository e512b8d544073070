// 一户一策 帮扶计划表, 政策明白卡 and 入户核查表 printed to PDF for the fixture village (48 households of the
// sample county) and read back: one household per page (pages = households, each page naming its own
// 户编号 and no other), names and amounts of a household whose ledger records the test wrote, 证件号码
// masked to 420626********1234 and never in full, the signature lines, the 走访记录's own items on the
// 入户核查表, and page 1 of each against its reference image.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helperVisits } from '../../shared/ledgers/defs/helpers.ts';
import { enteredFields } from '../../shared/ledgers/index.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import {
  compareWithReference,
  FULL_ID,
  openPrintFixture,
  pdfPageSizeMm,
  pdfPageTexts,
  pdfRawText,
  pdfToPngs,
  printSkip,
  printToFile,
  type PrintFixture,
} from '../helpers/print.ts';

const skip = printSkip();
const squash = (s: string) => s.replace(/\s+/g, '');
/** The demo's data year is 2020; the plans printed are made for the next year by 为本村生成计划. */
const YEAR = 2021;

let f: PrintFixture;
let households: Array<{ id: number; household_no: string; head_name: string; head_id_number: string }>;
let h0: (typeof households)[number];
let worker: { name: string; id_number: string };

async function printed(form: 'household-plan' | 'policy-card' | 'visit-check') {
  const file = path.join(f.dir, `${form}.pdf`);
  const r = await printToFile(f.client, { form, regionCode: f.village.code, year: YEAR }, file);
  // -layout keeps the columns for the page checks; -raw keeps a wrapped cell's text together.
  return { file, r, pages: pdfPageTexts(file), raw: pdfRawText(file).split('\f') };
}

/** Every page names exactly its own household (in the household list's order) and no other. */
function expectOneHouseholdPerPage(pages: string[]) {
  expect(pages).toHaveLength(households.length);
  pages.forEach((page, i) => {
    const mine = households[i]!;
    expect(squash(page)).toContain(mine.household_no);
    const others = households.filter((h) => h !== mine && squash(page).includes(h.household_no));
    expect(others.map((h) => h.household_no)).toEqual([]);
    expect(page).toContain(maskIdNumber(mine.head_id_number));
  });
  expect(pages.join('\n')).not.toMatch(FULL_ID);
}

describe.skipIf(skip)('一户一策、政策明白卡、入户核查表', () => {
  beforeAll(async () => {
    f = await openPrintFixture();
    const db = f.client.core.ledger.sqlite;
    households = db
      .prepare(
        `SELECT id, household_no, head_name, head_id_number FROM households WHERE village_code = ? AND status = 'active'
         ORDER BY group_code NULLS FIRST, household_no`,
      )
      .all(f.village.code) as typeof households;
    h0 = households[0]!;
    worker = db
      .prepare(`SELECT name, id_number FROM persons WHERE household_id = ? AND status = 'active' ORDER BY id LIMIT 1`)
      .get(h0.id) as typeof worker;
    // Known benefits of the first household in the printed year.
    const person = db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(worker.id_number) as number;
    db.prepare(`UPDATE persons SET labor_skill = '01' WHERE id = ?`).run(person);
    await f.client.ok('ledgers.create', {
      ledgerId: 'public_welfare_jobs',
      link: { personId: person },
      values: { job_type: '01', start_date: `${YEAR}-02-01`, months: 11, monthly_subsidy: 808, annual_paid: 8888 },
    });
    await f.client.ok('ledgers.create', {
      ledgerId: 'micro_credit',
      link: { householdId: h0.id },
      values: { contract_no: `XD${YEAR}-0427`, amount: 36000, loan_date: `${YEAR}-03-15`, term_months: 36, bank: '保康农商银行' },
    });
    const made = await f.client.ok('plans.createForRegion', { regionCode: f.village.code, year: YEAR });
    expect(made).toMatchObject({ households: 48, created: 48 });
  }, 120_000); // prettier-ignore
  afterAll(async () => {
    await f?.client.close();
  });

  it('一户一策 帮扶计划表: A4 portrait, one household per page, its measures and the signature lines', async () => {
    const { file, r, pages, raw } = await printed('household-plan');
    expect(pdfPageSizeMm(file)).toEqual([210, 297]);
    expect(r.pages).toBe(48);
    expectOneHouseholdPerPage(pages);
    const first = squash(raw[0]!);
    expect(first).toContain(squash(`${YEAR}年度 一户一策 帮扶计划表`));
    expect(first).toContain(worker.name);
    expect(first).toContain('公益性岗位：保洁');
    expect(first).toContain('8888');
    expect(first).toContain('贷款金额36000元');
    expect(first).toContain('一人一措施');
    for (const page of pages)
      for (const sign of ['户主（手印）', '帮扶责任人', '驻村工作队/第一书记', '乡镇审核（公章）'])
        expect(squash(page)).toContain(sign);
    expect(pages.every((p) => (p.match(/年\s+月\s+日/g) ?? []).length >= 4)).toBe(true);
    const [png] = pdfToPngs(file, path.join(f.dir, 'household-plan'), 40, 1, 1);
    expect(compareWithReference(png!, 'household-plan-page1')).toBeLessThan(0.02);
  });

  it('refuses a household without a plan for the year, saying how to make one', async () => {
    const e = await f.client.fail('print.pdf', {
      form: 'household-plan',
      householdNo: h0.household_no,
      year: 2019,
    });
    expect(e.message).toMatch(/没有 2019 年度的一户一策帮扶计划.*按户生成/);
  });

  it('政策明白卡: every benefit with its amount and year, one household per page', async () => {
    const { file, r, pages } = await printed('policy-card');
    expect(r.pages).toBe(48);
    expectOneHouseholdPerPage(pages);
    const first = pages[0]!;
    expect(squash(first)).toContain(squash(`${YEAR}年度 政策明白卡`));
    expect(first).toMatch(new RegExp(`公益性岗位：保洁\\s+${worker.name}.*岗位补贴 8888\\s+${YEAR}`));
    expect(first).toMatch(new RegExp(`扶贫小额信贷\\s+全户.*贷款金额 36000\\s+${YEAR}`));
    expect(squash(first)).toContain('户主签收');
    const [png] = pdfToPngs(file, path.join(f.dir, 'policy-card'), 40, 1, 1);
    expect(compareWithReference(png!, 'policy-card-page1')).toBeLessThan(0.02);
  });

  it('入户核查表: the household printed in advance, the 走访记录 items to tick, both signatures', async () => {
    const { file, r, pages } = await printed('visit-check');
    expect(r.pages).toBe(48);
    expectOneHouseholdPerPage(pages);
    const labels = enteredFields(helperVisits).map((x) => x.label);
    for (const page of pages) {
      const text = squash(page);
      for (const label of labels) expect(text).toContain(label);
      expect(text).toContain('被走访人签字（手印）');
      expect(text).toContain('走访人签字');
    }
    expect(squash(pages[0]!)).toContain(`${worker.name}公益性岗位：保洁`);
    const [png] = pdfToPngs(file, path.join(f.dir, 'visit-check'), 40, 1, 1);
    expect(compareWithReference(png!, 'visit-check-page1')).toBeLessThan(0.02);
  });
});
