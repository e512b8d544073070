// 公示名单: only the allowed fields, 证件号码 masked or left out, no phone / bank / health / disability, the
// 公示期 with its dates, the place and phone for objections — and a scan of every notice this test prints
// (PDF text and HTML) for full ID numbers and mobile numbers, over a village whose register has both.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../../shared/code-tables/index.ts';
import type { RequestOf } from '../../shared/contract/index.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import {
  compareWithReference,
  FULL_ID,
  MOBILE,
  openPrintFixture,
  pdfPageTexts,
  pdfText,
  pdfToPngs,
  printSkip,
  printToFile,
  type PrintFixture,
} from '../helpers/print.ts';

const skip = printSkip();
let f: PrintFixture;
const squash = (s: string) => s.replace(/\s+/g, '');
/** Every notice printed here, as PDF text and as HTML, for the privacy scan at the end. */
const printed: Array<{ what: string; text: string }> = [];

async function printNotice(name: string, request: Omit<RequestOf<'print.pdf'>, 'form'>) {
  const file = path.join(f.dir, `${name}.pdf`);
  const r = await printToFile(f.client, { form: 'notice', ...request }, file);
  const html = await f.client.ok('print.render', { form: 'notice', ...request });
  const text = pdfText(file);
  printed.push(
    { what: `${name}.pdf`, text },
    ...html.documents.map((d) => ({ what: `${name}.html`, text: d.html })),
  );
  return { file, r, text };
}

describe.skipIf(skip)('公示名单', () => {
  let heads: Array<{ head_name: string; head_id_number: string; phone: string | null; member_count: number }>;
  beforeAll(async () => {
    f = await openPrintFixture();
    heads = f.client.core.ledger.sqlite
      .prepare(
        `SELECT head_name, head_id_number, phone, member_count FROM households WHERE village_code = ? ORDER BY household_no`,
      )
      .all(f.village.code) as typeof heads;
  }, 120_000);
  afterAll(async () => {
    await f?.client.close();
  });

  it('the fixture village has what must not be posted: full IDs and mobile numbers', () => {
    const db = f.client.core.ledger.sqlite;
    const phones = db
      .prepare(
        `SELECT COUNT(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.village_code = ? AND p.phone GLOB '1[3-9]*'`,
      )
      .pluck()
      .get(f.village.code) as number;
    expect(phones + heads.filter((h) => h.phone && MOBILE.test(h.phone)).length).toBeGreaterThan(0);
    expect(heads.every((h) => FULL_ID.test(h.head_id_number))).toBe(true);
  });

  it('lists every household with masked IDs, the 公示期 and where to object', async () => {
    const { text, r, file } = await printNotice('notice', {
      regionCode: f.village.code,
      options: { start: '2026-12-07', place: '村委会便民服务室', phone: '0710-5551234' },
    });
    expect(r.unverified.count).toBe(0);
    for (const h of heads) {
      expect(text).toContain(h.head_name);
      expect(text).toContain(maskIdNumber(h.head_id_number));
    }
    const all = squash(text);
    expect(all).toContain(squash(`${f.village.name}2020年度建档立卡户公示名单`));
    expect(all).toContain(`共${heads.length}户${heads.reduce((n, h) => n + h.member_count, 0)}人`);
    expect(all).toContain('公示期：2026年12月7日至2026年12月11日（5天）');
    expect(all).toContain('请向村委会便民服务室反映，联系电话：0710-5551234');
    const pages = pdfPageTexts(file);
    expect(/第\s*1\s*页\s*共\s*(\d+)\s*页/.exec(pages[0]!)?.[1]).toBe(String(pages.length));
    const [png] = pdfToPngs(file, path.join(f.dir, 'notice'), 40, 1, 1);
    expect(compareWithReference(png!, 'notice-page1')).toBeLessThan(0.02);
  }, 120_000);

  it('has no column of phone, bank, health or disability', async () => {
    const { text } = await printNotice('notice-headers', { regionCode: f.village.code });
    for (const word of ['电话号码', '联系电话：1', '银行', '账号', '健康', '残疾', '劳动技能'])
      expect(squash(text)).not.toContain(word);
    for (const item of CODE_TABLES.health.items) expect(squash(text)).not.toContain(item.label);
  }, 120_000);

  it('leaves IDs out with ids=none, and lists one 户类型 with type', async () => {
    const none = await printNotice('notice-no-ids', {
      regionCode: f.village.code,
      options: { ids: 'none', days: '7', start: '2026-12-01' },
    });
    expect(none.text).not.toContain('证件号码');
    expect(none.text).not.toMatch(/\*{4}/);
    expect(squash(none.text)).toContain('2026年12月1日至2026年12月7日（7天）');
    const type = CODE_TABLES.household_type.items.find((i) => i.code === '2')!;
    const db = f.client.core.ledger.sqlite;
    const [ofType, others] = ['=', '<>'].map(
      (op) =>
        db
          .prepare(`SELECT COUNT(*) FROM households WHERE village_code = ? AND household_type ${op} '2'`)
          .pluck()
          .get(f.village.code) as number,
    );
    expect(ofType).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(0);
    const typed = await printNotice('notice-type', {
      regionCode: f.village.code,
      options: { type: type.label },
    });
    expect(squash(typed.text)).toContain(`${type.label}公示名单`);
    expect(squash(typed.text)).toMatch(new RegExp(`共${ofType}户`));
  }, 120_000);

  it('prints a township as one notice per village', async () => {
    const { r } = await printNotice('notice-township', { regionCode: f.township.code });
    expect(r.documents.map((d) => d.label)).toEqual([f.village.name, f.village2.name]);
  }, 120_000);

  it('refuses a mobile number as the objection phone, and remembers place and phone', async () => {
    const e = await f.client.fail('print.pdf', {
      form: 'notice',
      regionCode: f.village.code,
      options: { phone: '138 0710 1234' },
    });
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/不印手机号码/);
    const forms = await f.client.ok('print.forms', {});
    const notice = forms.find((x) => x.id === 'notice')!;
    expect(notice.defaults).toMatchObject({ days: '5', place: '村委会便民服务室', phone: '0710-5551234' });
  });

  it('no notice printed here carries a full ID number or a mobile number', () => {
    expect(printed.length).toBeGreaterThanOrEqual(8);
    for (const p of printed) {
      expect({ what: p.what, id: FULL_ID.exec(p.text)?.[0] ?? null }).toEqual({ what: p.what, id: null });
      expect({ what: p.what, mobile: MOBILE.exec(p.text)?.[0] ?? null }).toEqual({
        what: p.what,
        mobile: null,
      });
    }
  });
});
