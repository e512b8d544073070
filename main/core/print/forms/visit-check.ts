// 入户核查表 / 走访记录 (portrait, one household per page): the household's data printed in advance — 户主,
// members (证件号码 masked), what the ledgers say of 医保, 住房, 饮水 and 务工 — and below it the 走访记录 to
// fill in by hand. Its items are the fields of the 走访记录 ledger (helper_visits) in the order and with the
// labels of its record dialog, 是/否 and 走访方式 as boxes to tick, so the clerk types a returned sheet
// straight in: the sheet carries the 户编号 the dialog finds the household by.
import { helperVisits } from '../../../../shared/ledgers/defs/helpers.ts';
import type { LedgerField } from '../../../../shared/ledgers/define.ts';
import { LedgerError } from '../../../../shared/result.ts';
import type { HouseholdRow, PersonRow } from '../../db/tables.ts';
import { householdBenefits } from '../../plans/household-benefits.ts';
import { householdHelper } from '../../plans/household-helper.ts';
import { DATE_BLANKS, formHeader, signatures } from '../blocks.ts';
import type { FormTemplate, PrintContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { targetHouseholds } from '../target.ts';
import { fieldOf } from '../values.ts';
import {
  checkedMembers,
  HOUSEHOLD_CSS,
  householdPagesOutput,
  targetNames,
  hf,
  householdPlace,
  hv,
  infoGrid,
  membersTable,
} from './household-blocks.ts';

const CSS = `${HOUSEHOLD_CSS}
table.check th { width: 34mm; background: #f0f0f0; font-weight: normal; text-align: left; }
table.check td { height: 7.5mm; }
table.check td.tall { height: 15mm; vertical-align: top; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 4mm; }
.signatures .sign { min-width: 0; }
`;

const field = (column: string): LedgerField => fieldOf(helperVisits.fields as readonly LedgerField[], column);
const box = html`<span class="box"></span>`;
const yesNo = html`${box}是${box}否`;

/** The 两不愁三保障 and 饮水 items of the 走访记录, ticked 是/否 on paper. */
const CHECKS = ['food_clothing', 'education_ok', 'medical_ok', 'housing_ok', 'water_ok'] as const;

/** What the ledgers already say of the household, for the visitor to check against. */
function knownFacts(ctx: PrintContext, h: HouseholdRow, members: PersonRow[], year: number): string[] {
  const benefits = householdBenefits(ctx.ledger, h.id, year);
  const of = (ledgerId: string) => benefits.filter((b) => b.ledgerId === ledgerId);
  const insured = new Set(of('medical_insurance').map((b) => b.member));
  const facts = [
    `医保参保 ${members.filter((m) => insured.has(m.name) || m.medical_insurance === 1).length}/${members.length} 人`,
    ...of('housing_renovation').map((b) => `${b.item}${b.detail ? `：${b.detail}` : ''}`),
    ...of('drinking_water').map((b) => b.item),
    ...of('migrant_work').map((b) => `${b.member ?? ''}外出务工${b.detail ? `（${b.detail}）` : ''}`),
    ...of('public_welfare_jobs').map((b) => `${b.member ?? ''}${b.item}`),
    ...of('basic_assistance').map((b) => `${b.member ?? ''}${b.item}`),
  ];
  return facts;
}

function checkPage(ctx: PrintContext, h: HouseholdRow, members: PersonRow[], year: number): SafeHtml {
  const helper = householdHelper(ctx.ledger, h.id);
  const modes = helperVisits.codeTables.find((t) => t.key === 'hv_visit_mode')?.items ?? [];
  const row = (column: string, value: SafeHtml | string, tall = false) =>
    html`<tr>
      <th>${field(column).label}</th>
      <td class="${tall ? 'tall' : ''}" colspan="3">${value}</td>
    </tr>`;
  return html`<section class="page">
    ${formHeader(
      '入户核查表（走访记录）',
      `${ctx.county.name}${householdPlace(ctx.ledger, h)}`,
      html`户编号：<span class="household-no">${h.household_no}</span>`,
    )}
    <h2>一、户的情况（台账记载，请逐项核对）</h2>
    ${infoGrid([
      ['户主姓名', h.head_name ?? ''],
      ['证件号码', hv(h, 'head_id_number')],
      ['家庭人口', `${members.length} 人`],
      [hf('poverty_attribute').label, hv(h, 'poverty_attribute')],
      [hf('main_cause').label, hv(h, 'main_cause')],
      ['帮扶责任人', helper?.name ?? ''],
      ['住址', h.address ?? ''],
    ])}
    ${membersTable(members, ['name', 'relation', 'sex', 'id_number', 'health', 'labor_skill', 'school_status'])}
    <p class="note">台账记载（${year}年度）：${knownFacts(ctx, h, members, year).join('；')}</p>
    <h2>二、走访记录（走访人填写，勾选 ☐）</h2>
    <table class="grid check">
      <tbody>
        <tr>
          <th>${field('visit_date').label}</th>
          <td>${DATE_BLANKS}</td>
          <th>${field('visitor').label}</th>
          <td></td>
        </tr>
        ${row('mode', html`${modes.map((m) => html`${box}${m.label}`)}`)} ${row('content', '', true)}
        ${CHECKS.map((c) => row(c, yesNo))}
        ${row('epidemic_impact', html`<span class="note">${field('epidemic_impact').help ?? ''}</span>`, true)}
        ${row('problems', '', true)} ${row('fix_measures', '', true)} ${row('fix_deadline', DATE_BLANKS)}
        ${row('remark', '')}
      </tbody>
    </table>
    ${signatures([
      { label: '被走访人签字（手印）', date: true },
      { label: '走访人签字', date: true },
    ])}
    <p class="note">
      交回后在“走访记录”台账中按户编号 ${h.household_no}
      找到本户新增一条记录，各栏按本表顺序录入；有“否”的项目须写明发现问题。
    </p>
  </section>`;
}

export const visitCheck: FormTemplate = (ctx) => {
  const households = targetHouseholds(ctx.ledger, ctx.target);
  if (households.length === 0)
    throw new LedgerError('not-found', `${targetNames(ctx).name}没有在册的户，无可打印的入户核查表。`);
  const pages = households.map((h) => checkPage(ctx, h, checkedMembers(ctx, h), ctx.year ?? h.year));
  return householdPagesOutput(ctx, '入户核查表', CSS, pages);
};
