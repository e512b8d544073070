// 政策明白卡 (portrait, one household per page): the household's situation, its members (证件号码 masked
// to the last 4: 420626********1234), and every benefit it receives in the year as the ledgers record it —
// 公益性岗位, 务工, 医保缴费资助, 低保/特困, 危房改造, 小额信贷, 临时救助, 易地搬迁 … — with the member, the
// amount and the year (main/core/plans/household-benefits.ts, the list the 一户一策 prefill uses too), the
// 帮扶责任人 to ask and a line for the 户主 to sign for the card. The year: --year, else the register's.
import { LedgerError } from '../../../../shared/result.ts';
import type { HouseholdRow, PersonRow } from '../../db/tables.ts';
import { householdBenefits } from '../../plans/household-benefits.ts';
import { householdHelper } from '../../plans/household-helper.ts';
import { formHeader, signatures } from '../blocks.ts';
import type { FormTemplate, PrintContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { targetHouseholds } from '../target.ts';
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
  money,
} from './household-blocks.ts';

const CSS = `${HOUSEHOLD_CSS}
table.benefits td { font-size: 9pt; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 4mm; }
.signatures .sign { min-width: 0; }
`;

function cardPage(ctx: PrintContext, h: HouseholdRow, members: PersonRow[], year: number): SafeHtml {
  const benefits = householdBenefits(ctx.ledger, h.id, year);
  const helper = householdHelper(ctx.ledger, h.id);
  return html`<section class="page">
    ${formHeader(
      `${year}年度 政策明白卡`,
      `${ctx.county.name}${householdPlace(ctx.ledger, h)}`,
      html`户编号：<span class="household-no">${h.household_no}</span>`,
    )}
    <h2>一、家庭基本情况</h2>
    ${infoGrid([
      ['户主姓名', h.head_name ?? ''],
      ['证件号码', hv(h, 'head_id_number')],
      ['家庭人口', `${members.length} 人`],
      [hf('poverty_attribute').label, hv(h, 'poverty_attribute')],
      [
        hf('poverty_status').label,
        [hv(h, 'poverty_status'), h.exit_year ? `（${h.exit_year}年）` : ''].join(''),
      ],
      [hf('main_cause').label, hv(h, 'main_cause')],
    ])}
    ${membersTable(members, ['name', 'relation', 'sex', 'id_number', 'health', 'labor_skill'])}
    <h2>二、享受的帮扶政策（${year}年度）</h2>
    <table class="grid benefits">
      <thead>
        <tr>
          <th style="width:8mm">序号</th>
          <th style="width:40mm">政策项目</th>
          <th style="width:16mm">享受人</th>
          <th>内容</th>
          <th style="width:30mm">金额（元）</th>
          <th style="width:12mm">年度</th>
        </tr>
      </thead>
      <tbody>
        ${benefits.map(
          (b, i) =>
            html`<tr>
              <td class="c">${i + 1}</td>
              <td>${b.item}</td>
              <td class="c">${b.member ?? '全户'}</td>
              <td>${b.detail}</td>
              <td class="num">
                ${b.amount === null ? '' : `${b.amountLabel ? `${b.amountLabel} ` : ''}${money(b.amount)}`}
              </td>
              <td class="c">${b.year ?? ''}</td>
            </tr>`,
        )}
        ${
          benefits.length === 0
            ? html`<tr>
                <td colspan="6" class="c">台账中没有本户${year}年度享受政策的记录</td>
              </tr>`
            : ''
        }
      </tbody>
    </table>
    <h2>三、帮扶联系人</h2>
    ${infoGrid(
      [
        ['帮扶责任人', [helper?.name ?? '', helper?.unit ? `（${helper.unit}）` : ''].join('')],
        ['联系电话', helper?.phone ?? ''],
      ],
      2,
    )}
    <p class="note">
      以上政策和金额取自本县扶贫台账。如与实际享受的不一致，或对政策有疑问，请与帮扶责任人或村委会联系核实。
    </p>
    ${signatures([
      { label: '户主签收', date: true },
      { label: '帮扶责任人', date: true },
    ])}
  </section>`;
}

export const policyCard: FormTemplate = (ctx) => {
  const households = targetHouseholds(ctx.ledger, ctx.target);
  if (households.length === 0)
    throw new LedgerError('not-found', `${targetNames(ctx).name}没有在册的户，无可打印的政策明白卡。`);
  const pages = households.map((h) => cardPage(ctx, h, checkedMembers(ctx, h), ctx.year ?? h.year));
  return householdPagesOutput(ctx, '政策明白卡', CSS, pages);
};
