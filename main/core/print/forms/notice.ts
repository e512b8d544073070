// 公示名单 (portrait, posted on the village board): only what may be posted — 村/组, 户主姓名, 人数, 户类型和
// 属性, 监测类别, 致贫原因, 年度 — with the 户主's 证件号码 masked (420626********1234) or left out; never a
// phone, bank account, health or disability detail. Under the list: the 公示期 (default 5 days, from the
// start date), where and at which phone objections are taken (a landline or hotline: a mobile number is
// refused, the notice carries none), and the village committee's stamp line. A township prints one notice
// per village.
import { CODE_TABLES, findCode } from '../../../../shared/code-tables/index.ts';
import { isRealDate } from '../../../../shared/date-input.ts';
import { HOUSEHOLD_FIELDS } from '../../../../shared/fields/household-fields.ts';
import { addDays } from '../../../../shared/ledgers/ledger-helpers.ts';
import { maskIdNumber } from '../../../../shared/mask.ts';
import { LedgerError } from '../../../../shared/result.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { getSetting, setSetting } from '../../ledger/settings.ts';
import { chineseDate, formHeader, simpleTable, type TableColumn } from '../blocks.ts';
import type { FormTemplate, PrintedDocument } from '../context.ts';
import { html } from '../html.ts';
import {
  householdErrors,
  householdMembers,
  printUnits,
  regionPathName,
  targetHouseholds,
} from '../target.ts';
import { fieldOf, printedValue } from '../values.ts';
import type { HouseholdRow } from '../../db/tables.ts';

const hf = (column: string) => fieldOf(HOUSEHOLD_FIELDS, column);

/** Settings remembered from the last printed notice. */
export const NOTICE_SETTINGS = { place: 'print_notice_place', phone: 'print_notice_phone' } as const;
export const DEFAULT_NOTICE_DAYS = 5;

/** What the print dialog offers before the clerk changes anything. */
export function noticeDefaults(ledger: Ledger, today: string): Record<string, string> {
  return {
    days: String(DEFAULT_NOTICE_DAYS),
    start: today,
    place: getSetting(ledger, NOTICE_SETTINGS.place) ?? '村委会',
    phone: getSetting(ledger, NOTICE_SETTINGS.phone) ?? '',
    ids: 'masked',
    type: '',
  };
}

/** Keeps the place and phone given for the next notice (after a notice was printed or saved). */
export function rememberNoticeOptions(ledger: Ledger, options: Readonly<Record<string, string>>): void {
  if (options.place?.trim()) setSetting(ledger, NOTICE_SETTINGS.place, options.place.trim());
  if (options.phone?.trim()) setSetting(ledger, NOTICE_SETTINGS.phone, options.phone.trim());
}

const MOBILE = /1[3-9]\d{9}/;

interface NoticeOptions {
  start: string;
  end: string;
  days: number;
  place: string;
  phone: string;
  ids: boolean;
  type: { code: string; label: string } | null;
}

function noticeOptions(ledger: Ledger, given: Readonly<Record<string, string>>, today: string): NoticeOptions {
  const d = { ...noticeDefaults(ledger, today), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v.trim() !== '')) };
  const days = Number(d.days);
  if (!Number.isInteger(days) || days < 1 || days > 30)
    throw new LedgerError('validation', `公示天数应为 1 到 30 之间的整数，实为“${d.days}”`);
  const start = d.start!.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new LedgerError('validation', `公示开始日期应为 YYYY-MM-DD，实为“${start}”`);
  const phone = d.phone!.trim();
  // The notice is posted publicly and must carry no mobile number (a scan of every notice checks it).
  if (MOBILE.test(phone.replace(/[\s-]/g, '')))
    throw new LedgerError(
      'validation',
      `公示名单上不印手机号码：异议受理电话请填写办公电话（如 0710-1234567）或 12317，实为“${phone}”`,
    );
  // ids and type are checked against their choices by the engine (render-form.ts).
  let type: NoticeOptions['type'] = null;
  if (d.type) {
    const item = findCode(CODE_TABLES.household_type, d.type);
    if (!item)
      throw new LedgerError('validation', `户类型“${d.type}”不是选项（${CODE_TABLES.household_type.items.map((i) => i.label).join('、')}）`);
    type = { code: item.code, label: item.label };
  }
  return { start, end: addDays(start, days - 1)!, days, place: d.place!.trim(), phone, ids: d.ids === 'masked', type };
} // prettier-ignore

/** 村民委员会 after a village's name, unless it already names its committee (“水库村委会”, “光千社区居委会”). */
export const committeeSuffix = (name: string): string => (/委员?会$/.test(name) ? '' : '村民委员会');

const CSS = `
table.notice { font-size: 10.5pt; }
table.notice { table-layout: fixed; }
table.notice td { padding: 1.2mm 1mm; }
.notice-foot { margin-top: 5mm; font-size: 11pt; line-height: 1.8; break-inside: avoid; }
.notice-foot .stamp { text-align: right; margin-top: 6mm; }
`;

interface Row {
  seq: number;
  h: HouseholdRow;
  group: string;
  persons: number;
}

function columns(ids: boolean): TableColumn<Row>[] {
  return [
    { header: '序号', value: (r) => r.seq, className: 'c', width: 10 },
    { header: '村/组', value: (r) => r.group, className: 'c', width: 24 },
    { header: '户主姓名', value: (r) => r.h.head_name ?? '', className: 'c', width: 18 },
    ...(ids
      ? [{ header: '户主证件号码', value: (r: Row) => (r.h.head_id_number ? maskIdNumber(r.h.head_id_number) : ''), className: 'c nowrap', width: 38 }]
      : []),
    { header: '家庭人口', value: (r) => r.persons, className: 'c', width: 11 },
    { header: '户类型', value: (r) => printedValue(hf('household_type'), r.h.household_type), className: 'c', width: 18 },
    { header: '属性/类别', value: (r) => printedValue(hf('poverty_attribute'), r.h.poverty_attribute) || printedValue(hf('monitor_category'), r.h.monitor_category), className: 'c' },
    { header: '主要原因', value: (r) => printedValue(hf('main_cause'), r.h.main_cause), className: 'c', width: 26 },
    { header: '年度', value: (r) => r.h.year, className: 'c', width: 12 },
  ];
} // prettier-ignore

export const notice: FormTemplate = (ctx) => {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '公示名单按村或组打印。');
  const o = noticeOptions(ctx.ledger, ctx.options, ctx.today);
  const region = ctx.target.region;
  const groupNames = new Map(
    (
      ctx.ledger.prepare(`SELECT code, name FROM regions WHERE level = 'group'`).all() as Array<{
        code: string;
        name: string;
      }>
    ).map((g) => [g.code, g.name]),
  );
  const what = o.type ? `${o.type.label}` : '建档立卡户';
  const documents: PrintedDocument[] = [];
  for (const unit of printUnits(ctx.ledger, region)) {
    const households = targetHouseholds(ctx.ledger, { kind: 'region', region: unit }).filter(
      (h) =>
        (ctx.year === null || h.year === ctx.year) && (o.type === null || h.household_type === o.type.code),
    );
    if (households.length === 0) continue;
    const rows = households.map((h, i) => {
      const members = householdMembers(ctx.ledger, h.id);
      ctx.unverified(`${h.head_name ?? h.household_no}户（${h.household_no}）`, householdErrors(h, members));
      return {
        seq: i + 1,
        h,
        persons: members.length,
        group: (h.group_code ? groupNames.get(h.group_code) : undefined) ?? unit.name,
      };
    });
    const year = ctx.year ?? Math.max(...households.map((h) => h.year));
    const persons = rows.reduce((n, r) => n + r.persons, 0);
    const title = `${unit.name}${year}年度${what}公示名单`;
    const body = html`${formHeader(title, `公示单位：${regionPathName(ctx.ledger, unit)}${committeeSuffix(unit.name)}`, `共 ${rows.length} 户 ${persons} 人`)}
${simpleTable(columns(o.ids), rows, 'notice')}
<div class="notice-foot">
  <div>公示期：${chineseDate(o.start)}至${chineseDate(o.end)}（${o.days} 天）。</div>
  <div>公示期内如有异议，请向${o.place}反映${o.phone ? `，联系电话：${o.phone}` : ''}。</div>
  <div class="stamp">${unit.name}${committeeSuffix(unit.name)}（盖章）<br>${chineseDate(o.start)}</div>
</div>`; // prettier-ignore
    documents.push({ label: unit.name, page: { title, orientation: 'portrait', css: CSS, body } });
  }
  if (documents.length === 0)
    throw new LedgerError(
      'not-found',
      `${region.name}没有${o.type ? `户类型为“${o.type.label}”的` : ''}在册户，无可公示的名单。`,
    );
  return { title: `${region.name} ${what}公示名单`, fileLabel: `${region.name}-公示名单`, documents };
};
