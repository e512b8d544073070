// 村级花名册 (landscape): a village's (or group's) households and members, grouped by household — one
// <tbody> per household, kept on one page when it fits — with the header on every page, 合计 and the
// 村委会（盖章）/ 填表人 / 审核人 / 日期 lines after the last row. A township or the county prints village by
// village: one document per village, each starting on a new page and numbered from 第 1 页.
import { HOUSEHOLD_FIELDS } from '../../../../shared/fields/household-fields.ts';
import { PERSON_FIELDS } from '../../../../shared/fields/person-fields.ts';
import { LedgerError } from '../../../../shared/result.ts';
import type { HouseholdRow, PersonRow } from '../../db/tables.ts';
import { formHeader, signatures } from '../blocks.ts';
import type { FormTemplate, PrintContext, PrintedDocument } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  householdErrors,
  householdMembers,
  printUnits,
  regionPathName,
  targetHouseholds,
} from '../target.ts';
import type { RegionNode } from '../../regions/region-tree.ts';
import { fieldOf, printedValue } from '../values.ts';

const hf = (column: string) => fieldOf(HOUSEHOLD_FIELDS, column);
const pf = (column: string) => fieldOf(PERSON_FIELDS, column);

/** Household columns (one cell spanning the household's rows) and member columns, widths in mm. */
const HOUSEHOLD_COLUMNS = [
  { header: '序号', width: 8 },
  { header: '组', width: 12 },
  { header: '户编号', width: 30 },
  { header: '人口数', width: 9 },
  { header: hf('poverty_attribute').label, width: 20 },
  { header: hf('poverty_status').label, width: 18 },
  { header: '主要致贫原因', width: 18 },
] as const;
const MEMBER_COLUMNS = [
  { header: '姓名', column: 'name', width: 16 },
  { header: '与户主关系', column: 'relation', width: 14 },
  { header: '性别', column: 'sex', width: 8 },
  { header: '证件号码', column: 'id_number', width: 34 },
  { header: '出生日期', column: 'birth_date', width: 19 },
  { header: '民族', column: 'ethnicity', width: 10 },
  { header: '文化程度', column: 'education', width: 16 },
  { header: '健康状况', column: 'health', width: 20 },
  { header: '劳动技能', column: 'labor_skill', width: 21 },
] as const;

const GAP = '\u3000\u3000';

const CSS = `
table.roster { font-size: 8pt; line-height: 1.2; table-layout: fixed; }
table.roster td { padding: 0.5mm 0.8mm; }
table.roster th { padding: 0.8mm 0.5mm; font-size: 8pt; }
table.roster td { word-break: break-all; }
table.roster tr.total td { font-weight: bold; }
table.roster tbody.household tr:first-child td { border-top-width: 0.5mm; }
`;

interface Printed {
  household: HouseholdRow;
  members: PersonRow[];
}

function householdRows(seq: number, p: Printed, groupName: string, fullIds: boolean): SafeHtml {
  const { household: h, members } = p;
  const span = Math.max(1, members.length);
  const head = html`<td class="c" rowspan="${span}">${seq}</td>
    <td class="c" rowspan="${span}">${groupName}</td>
    <td class="c nowrap" rowspan="${span}">${h.household_no}</td>
    <td class="c" rowspan="${span}">${members.length}</td>
    <td class="c" rowspan="${span}">${printedValue(hf('poverty_attribute'), h.poverty_attribute)}</td>
    <td class="c" rowspan="${span}">${printedValue(hf('poverty_status'), h.poverty_status)}</td>
    <td class="c" rowspan="${span}">${printedValue(hf('main_cause'), h.main_cause)}</td>`;
  const memberCells = (m: PersonRow) =>
    MEMBER_COLUMNS.map((c) => {
      const v = (m as unknown as Record<string, unknown>)[c.column];
      const text = c.column === 'name' ? m.name : printedValue(pf(c.column), v, !fullIds);
      return html`<td class="${c.column === 'id_number' || c.column === 'birth_date' ? 'nowrap c' : 'c'}">
        ${text}
      </td>`;
    });
  if (members.length === 0)
    return html`<tbody class="household keep">
      <tr>
        ${head}
        <td class="c">${h.head_name ?? ''}</td>
        <td colspan="${MEMBER_COLUMNS.length - 1}">（无在册成员）</td>
      </tr>
    </tbody>`;
  return html`<tbody class="household keep">
    ${members.map(
      (m, i) =>
        html`<tr>
          ${i === 0 ? head : ''}${memberCells(m)}
        </tr>`,
    )}
  </tbody>`;
}

function villageDocument(
  ctx: PrintContext,
  unit: RegionNode,
  printed: Printed[],
  fullIds: boolean,
): PrintedDocument {
  const place = regionPathName(ctx.ledger, unit);
  const groupNames = new Map(
    (
      ctx.ledger.prepare(`SELECT code, name FROM regions WHERE level = 'group'`).all() as Array<{
        code: string;
        name: string;
      }>
    ).map((g) => [g.code, g.name]),
  );
  const persons = printed.reduce((n, p) => n + p.members.length, 0);
  const year = ctx.year ?? Math.max(...printed.map((p) => p.household.year));
  const columns = [...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS];
  const title = `${unit.name}花名册`;
  const body = html`${formHeader(
      `${ctx.county.name}${place}建档立卡户花名册`,
      html`填报单位：${ctx.county.fullName}${place}（盖章）`,
      `年度：${year}${GAP}共 ${printed.length} 户 ${persons} 人${fullIds ? '' : `${GAP}证件号码已脱敏`}`,
    )}
    <table class="grid roster">
      <colgroup>
        ${columns.map((c) => html`<col style="width:${c.width}mm" />`)}
      </colgroup>
      <thead>
        <tr>
          ${columns.map((c) => html`<th>${c.header}</th>`)}
        </tr>
      </thead>
      ${printed.map((p, i) => householdRows(i + 1, p, p.household.group_code ? (groupNames.get(p.household.group_code) ?? '') : '', fullIds))}
      <tbody class="keep">
        <tr class="total">
          <td colspan="3" class="c">合计</td>
          <td class="num">${persons}</td>
          <td colspan="${columns.length - 4}">共 ${printed.length} 户 ${persons} 人</td>
        </tr>
      </tbody>
    </table>
    ${signatures([{ label: '村委会（盖章）' }, { label: '填表人' }, { label: '审核人' }, { label: '日期', date: false }])}`;
  return { label: unit.name, page: { title, orientation: 'landscape', css: CSS, body } };
}

export const roster: FormTemplate = (ctx) => {
  if (ctx.target.kind !== 'region') throw new LedgerError('bad-request', '花名册按村或组打印。');
  const region = ctx.target.region;
  const fullIds = ctx.options.ids === 'full';
  const documents: PrintedDocument[] = [];
  for (const unit of printUnits(ctx.ledger, region)) {
    const households = targetHouseholds(ctx.ledger, { kind: 'region', region: unit }).filter(
      (h) => ctx.year === null || h.year === ctx.year,
    );
    if (households.length === 0) continue;
    const printed = households.map((household) => {
      const members = householdMembers(ctx.ledger, household.id);
      ctx.unverified(
        `${household.head_name ?? household.household_no}户（${household.household_no}）`,
        householdErrors(household, members),
      );
      return { household, members };
    });
    documents.push(villageDocument(ctx, unit, printed, fullIds));
  }
  if (documents.length === 0)
    throw new LedgerError(
      'not-found',
      `${region.name}${ctx.year !== null ? ` ${ctx.year} 年度` : ''}没有在册的户，无可打印的花名册。`,
    );
  const place = region.level === 'county' ? ctx.county.fullName : regionPathName(ctx.ledger, region);
  return { title: `${place} 村级花名册`, fileLabel: `${region.name}-村级花名册`, documents };
};
