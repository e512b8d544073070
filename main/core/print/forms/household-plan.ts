// 一户一策 帮扶计划表 (portrait, one household per page): 户基本情况 and the members, 致贫/返贫风险 and the
// 帮扶目标, the 帮扶措施 of the plan (household_plans + household_plan_measures), 一人一措施 for every member
// able to work (with an empty line to write one where the plan has none), and the signature lines of
// 户主（手印）, 帮扶责任人, 驻村工作队/第一书记 and 乡镇审核（公章）, each with 年 月 日. A village prints every
// household that has a plan for the year; households without one are named in the refusal or skipped.
import { householdPlanMeasures, householdPlans } from '../../../../shared/ledgers/defs/household-plans.ts';
import { checkLedgerValues, fieldValues, ledgerTableName } from '../../../../shared/ledgers/index.ts';
import type { LedgerValues } from '../../../../shared/ledgers/define.ts';
import { LedgerError } from '../../../../shared/result.ts';
import type { HouseholdRow, PersonRow } from '../../db/tables.ts';
import { ABLE_TO_WORK } from '../../plans/plan-draft.ts';
import { formHeader, signatures } from '../blocks.ts';
import type { FormTemplate, PrintContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { targetHouseholds } from '../target.ts';
import { fieldOf, printedValue } from '../values.ts';
import {
  checkedMembers,
  householdPagesOutput,
  targetNames,
  HOUSEHOLD_CSS,
  hf,
  householdPlace,
  hv,
  infoGrid,
  membersTable,
  money,
} from './household-blocks.ts';

const planField = (c: string) => fieldOf(householdPlans.fields, c);
const measureField = (c: string) => fieldOf(householdPlanMeasures.fields, c);
const pv = (v: LedgerValues, c: string) => printedValue(planField(c), v[c]);
const msv = (v: LedgerValues, c: string) => printedValue(measureField(c), v[c]);

const CSS = `${HOUSEHOLD_CSS}
table.measures td { font-size: 8.5pt; }
tr.total td { font-weight: bold; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 4mm; margin-top: 5mm; }
.signatures .sign { min-width: 0; }
.signatures .line { min-width: 24mm; }
table.members td, table.info td, table.info th { padding: 0.5mm 1mm; }
`;

interface Plan {
  id: number;
  values: LedgerValues;
  measures: { id: number; values: LedgerValues }[];
}

function readPlan(ctx: PrintContext, householdId: number, year: number): Plan | null {
  const row = ctx.ledger
    .prepare(
      `SELECT * FROM ${ledgerTableName(householdPlans)} WHERE household_id = ? AND year = ? ORDER BY id LIMIT 1`,
    )
    .get(householdId, year) as Record<string, unknown> | undefined;
  if (!row) return null;
  const measures = (
    ctx.ledger
      .prepare(
        `SELECT * FROM ${ledgerTableName(householdPlanMeasures)} WHERE parent_id = ? ORDER BY category, id`,
      )
      .all(row.id) as Record<string, unknown>[]
  ).map((m) => ({ id: m.id as number, values: fieldValues(householdPlanMeasures, m) }));
  return { id: row.id as number, values: fieldValues(householdPlans, row), measures };
}

/** The rule errors of a plan and its measures (the ledgers' own checks), for the 未校验 watermark. */
function planErrors(plan: Plan): string[] {
  const errors = (def: typeof householdPlans | typeof householdPlanMeasures, v: LedgerValues) =>
    checkLedgerValues(def, v)
      .filter((i) => i.level === 'error')
      .map((i) => `${def.name}：${i.message}`);
  return [
    ...errors(householdPlans, plan.values),
    ...plan.measures.flatMap((m) => errors(householdPlanMeasures, m.values)),
  ];
}

function measureRows(rows: Plan['measures'], withMember: boolean): SafeHtml[] {
  return rows.map(
    (m, i) =>
      html`<tr>
        <td class="c">${i + 1}</td>
        ${withMember ? html`<td class="c">${m.values.member ?? ''}</td>` : ''}
        <td class="c nowrap">${msv(m.values, 'category')}</td>
        <td>${m.values.measure ?? ''}</td>
        <td>${m.values.responsible ?? ''}</td>
        <td class="c nowrap">${m.values.deadline ?? ''}</td>
        <td class="num">${money(m.values.expected_income as number | null)}</td>
        <td class="c">
          ${msv(m.values, 'progress')}${m.values.progress_note ? html`<br />${m.values.progress_note}` : ''}
        </td>
      </tr>`,
  );
}

function measuresTable(
  rows: Plan['measures'],
  withMember: boolean,
  blankFor: readonly string[] = [],
): SafeHtml {
  const total = rows.reduce(
    (s, m) => s + (typeof m.values.expected_income === 'number' ? m.values.expected_income : 0),
    0,
  );
  const cols = withMember ? 8 : 7;
  return html`<table class="grid measures">
    <thead>
      <tr>
        <th style="width:8mm">序号</th>
        ${withMember ? html`<th style="width:16mm">姓名</th>` : ''}
        <th style="width:17mm">类别</th>
        <th>帮扶措施</th>
        <th style="width:30mm">${measureField('responsible').label}</th>
        <th style="width:19mm">完成时限</th>
        <th style="width:16mm">预期收益（元）</th>
        <th style="width:15mm">落实情况</th>
      </tr>
    </thead>
    <tbody>
      ${measureRows(rows, withMember)}
      ${blankFor.map(
        (name, i) =>
          html`<tr>
            <td class="c">${rows.length + i + 1}</td>
            <td class="c">${name}</td>
            <td></td>
            <td class="lines"></td>
            <td></td>
            <td></td>
            <td></td>
            <td></td>
          </tr>`,
      )}
      ${
        rows.length + blankFor.length === 0
          ? html`<tr>
              <td colspan="${cols}" class="c">（无）</td>
            </tr>`
          : ''
      }
      ${
        total > 0
          ? html`<tr class="total">
              <td colspan="${cols - 2}" class="c">预期收益合计</td>
              <td class="num">${money(total)}</td>
              <td></td>
            </tr>`
          : ''
      }
    </tbody>
  </table>`;
}

function planPage(
  ctx: PrintContext,
  h: HouseholdRow,
  members: PersonRow[],
  plan: Plan,
  year: number,
): SafeHtml {
  const v = plan.values;
  const able = members.filter((m) => (ABLE_TO_WORK as readonly string[]).includes(m.labor_skill ?? ''));
  const ableNames = new Set(able.map((m) => m.name));
  const perPerson = plan.measures.filter(
    (m) => typeof m.values.member === 'string' && ableNames.has(m.values.member),
  );
  const household = plan.measures.filter((m) => !perPerson.includes(m));
  const withoutMeasure = able
    .filter((m) => !perPerson.some((x) => x.values.member === m.name))
    .map((m) => m.name);
  const causes = pv(v, 'causes') || hv(h, 'main_cause');
  return html`<section class="page">
    ${formHeader(
      `${year}年度 一户一策 帮扶计划表`,
      `${ctx.county.name}${householdPlace(ctx.ledger, h)}`,
      html`户编号：<span class="household-no">${h.household_no}</span>`,
    )}
    <h2>一、户基本情况</h2>
    ${infoGrid([
      ['户主姓名', h.head_name ?? ''],
      ['证件号码', hv(h, 'head_id_number')],
      ['家庭人口', `${members.length} 人`],
      ['劳动力', `${v.labor_count ?? able.length} 人`],
      [hf('poverty_attribute').label, hv(h, 'poverty_attribute')],
      [
        hf('poverty_status').label,
        [hv(h, 'poverty_status'), h.exit_year ? `（${h.exit_year}年）` : ''].join(''),
      ],
      ['联系电话', hv(h, 'phone')],
      ['帮扶责任人', [v.helper, v.helper_unit ? `（${v.helper_unit}）` : ''].join('')],
      ['驻村工作队', v.resident_team ?? ''],
    ])}
    ${membersTable(members, ['name', 'relation', 'sex', 'id_number', 'health', 'labor_skill', 'school_status'])}
    <h2>二、致贫原因与致贫/返贫风险</h2>
    ${infoGrid(
      [
        ['致贫原因', causes],
        ['致贫返贫风险', [pv(v, 'risks') || '无', v.risk_note ? `（${v.risk_note}）` : ''].join('')],
        [
          planField('income_base').label.replace('（元）', ''),
          money(v.income_base as number | null) && `${money(v.income_base as number | null)} 元`,
        ],
        [
          planField('income_target').label.replace('（元）', ''),
          money(v.income_target as number | null) && `${money(v.income_target as number | null)} 元`,
        ],
        ['帮扶目标', v.goal ?? ''],
      ],
      2,
    )}
    <h2>三、帮扶措施</h2>
    ${measuresTable(household, false)}
    <h2>四、一人一措施（有劳动能力的家庭成员）</h2>
    ${measuresTable(perPerson, true, withoutMeasure)}
    ${signatures([
      { label: '户主（手印）', date: true },
      { label: '帮扶责任人', date: true },
      { label: '驻村工作队/第一书记', date: true },
      { label: '乡镇审核（公章）', date: true },
    ])}
  </section>`;
}

/** The year printed: the one asked for, else the latest plan year of the target's households. */
function planYear(ctx: PrintContext, households: readonly HouseholdRow[]): number | null {
  if (ctx.year !== null) return ctx.year;
  if (households.length === 0) return null;
  const ids = households.map((h) => h.id);
  let latest: number | null = null;
  const stmt = ctx.ledger.prepare(
    `SELECT MAX(year) FROM ${ledgerTableName(householdPlans)} WHERE household_id = ?`,
  );
  for (const id of ids) {
    const y = stmt.pluck().get(id) as number | null;
    if (y !== null && (latest === null || y > latest)) latest = y;
  }
  return latest;
}

export const householdPlan: FormTemplate = (ctx) => {
  const households = targetHouseholds(ctx.ledger, ctx.target);
  const { name } = targetNames(ctx);
  const year = planYear(ctx, households);
  if (year === null)
    throw new LedgerError('not-found', `${name}还没有一户一策帮扶计划：请先在“一户一策帮扶计划”台账中生成。`);
  const pages: SafeHtml[] = [];
  for (const h of households) {
    const plan = readPlan(ctx, h.id, year);
    if (plan === null) continue;
    const members = checkedMembers(ctx, h, planErrors(plan));
    pages.push(planPage(ctx, h, members, plan, year));
  }
  if (pages.length === 0)
    throw new LedgerError(
      'not-found',
      `${name}没有 ${year} 年度的一户一策帮扶计划：请先在“一户一策帮扶计划”台账中${ctx.target.kind === 'household' ? '按户生成' : '“为本村生成计划”'}。`,
    );
  return householdPagesOutput(ctx, '一户一策帮扶计划表', CSS, pages, year);
}; // prettier-ignore
