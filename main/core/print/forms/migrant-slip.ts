// 外出务工三联单 (portrait A4, one person per page, a village's people going out to work in one batch): the
// provincial 一对接两负责 slip in three parts cut apart along dashed lines, each with the same 三联单编号 —
// ① 务工人员备案单 (村留存): the village's full record, full 证件号码 (the village matches it against the
//   register and the national system; the part never leaves the village office), 体检/健康证明, 用工证明,
//   本人/村经办人 signatures and the village seal;
// ② 外出务工联络单 (本人随身): masked 证件号码, who to call at home (村 contact, 帮扶责任人), the 健康证明;
// ③ 用工回执单 (用工单位填写寄回): masked 证件号码, blanks for the employer (到岗日期, 岗位, 月工资, 用工证明,
//   联系人/电话, seal) and where to send it; the returned slip is recorded by its number (登记回执).
// Numbers are issued only when the batch is printed or saved as PDF (ctx.final), never by the preview.
import { maskPhone } from '../../../../shared/mask.ts';
import { LedgerError } from '../../../../shared/result.ts';
import { getOperator } from '../../ledger/operator.ts';
import { assignSlipSerials } from '../../migrant-slips/assign-serials.ts';
import {
  latestSlipYear,
  migrantSlips,
  slipRecordIds,
  type MigrantSlip,
  type SlipContact,
  type SlipSelection,
} from '../../migrant-slips/slip-data.ts';
import { chineseDate, DATE_BLANKS } from '../blocks.ts';
import type { FormTemplate, PrintedDocument } from '../context.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';
import { regionPathName } from '../target.ts';

/** What a part says in place of the number in a preview (the number is issued when printed). */
export const SERIAL_IN_PREVIEW = '打印时编号';

const CSS = `
.slip { height: 273mm; display: flex; flex-direction: column; }
.part { height: 89mm; overflow: hidden; display: flex; flex-direction: column; }
.part h2 { text-align: center; font-size: 13pt; margin: 0; letter-spacing: 1pt; }
.part .head { display: grid; grid-template-columns: 1fr auto 1fr; align-items: end; margin-bottom: 1.2mm; }
.part .copy { font-size: 9pt; }
.part .serial { text-align: right; font-size: 10pt; white-space: nowrap; }
.part .serial b { font-size: 11.5pt; letter-spacing: 0.3pt; }
table.slip-grid { font-size: 9pt; table-layout: fixed; }
table.slip-grid th { background: #f0f0f0; font-weight: normal; width: 21mm; white-space: nowrap; }
table.slip-grid td { word-break: break-all; height: 8.4mm; }
.part .note { font-size: 8.5pt; margin-top: 1mm; }
.part .signatures { margin-top: auto; padding: 1.5mm 2mm 2.5mm 0; font-size: 9.5pt; gap: 2mm 4mm; }
.part .signatures .sign { min-width: 0; }
.part .signatures .line { min-width: 26mm; }
.tick { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.3mm solid #000; line-height: 3mm;
  text-align: center; font-size: 8pt; vertical-align: -0.6mm; margin: 0 0.6mm 0 1.6mm; }
.blank { display: inline-block; min-width: 22mm; border-bottom: 0.3mm solid #000; }
.cut { height: 3mm; margin: 1mm 0; border-top: 0.4mm dashed #000; position: relative; font-size: 8pt; }
.cut span { position: absolute; top: -2.4mm; left: 0; background: #fff; padding-right: 1.5mm; }
.cut span.right { left: auto; right: 0; padding: 0 0 0 1.5mm; }
`;

const orBlank = (v: HtmlValue, width = 22): SafeHtml =>
  v === null || v === undefined || v === ''
    ? html`<span class="blank" style="min-width:${width}mm"></span>`
    : html`${v}`;

/** ☐有 ☐无 with the known answer ticked (blank boxes when unknown, for the pen). */
const yesNo = (v: boolean | null, yes = '有', no = '无'): SafeHtml =>
  html`<span class="tick">${v === true ? '✓' : ''}</span>${yes}<span class="tick"
      >${v === false ? '✓' : ''}</span
    >${no}`;

const date = (iso: string | null): SafeHtml =>
  iso === null ? html`${DATE_BLANKS}` : html`${chineseDate(iso)}`;

const contactText = (c: SlipContact | null): SafeHtml =>
  c === null ? orBlank(null, 45) : html`${c.name}（${c.role}）${c.phone ?? ''}`;

function partHead(copy: string, title: string, serial: string | null): SafeHtml {
  return html`<div class="head">
    <span class="copy">${copy}</span>
    <h2>${title}</h2>
    <span class="serial">编号：<b>${serial ?? SERIAL_IN_PREVIEW}</b></span>
  </div>`;
}

const CUT = html`<div class="cut"><span>✂ 沿虚线剪开</span><span class="right">沿虚线剪开 ✂</span></div>`;

/** ① 务工人员备案单 (村留存): everything the village files, with the full 证件号码 unless told not to. */
function filingPart(s: MigrantSlip, fullIds: boolean): SafeHtml {
  return html`<div class="part">
    ${partHead('第一联 村留存', '务工人员备案单', s.serial)}
    <table class="grid slip-grid">
      <tr>
        <th>姓名</th>
        <td>${s.name}</td>
        <th>性别</th>
        <td>${s.sex}</td>
        <th>证件号码</th>
        <td colspan="3">${fullIds ? s.idNumber : s.idNumberMasked}</td>
      </tr>
      <tr>
        <th>户编号</th>
        <td colspan="3">${s.householdNo}</td>
        <th>贫困户属性</th>
        <td>${s.povertyAttribute}</td>
        <th>联系电话</th>
        <td>${s.phone === null ? '' : fullIds ? s.phone : maskPhone(s.phone)}</td>
      </tr>
      <tr>
        <th>家庭住址</th>
        <td colspan="7">${s.place}${s.address ? `\u3000${s.address}` : ''}</td>
      </tr>
      <tr>
        <th>务工地点</th>
        <td colspan="3">${s.workPlace ?? ''}${s.destination ? `（${s.destination}）` : ''}</td>
        <th>用工单位</th>
        <td colspan="3">${s.employer ?? ''}</td>
      </tr>
      <tr>
        <th>岗位/工种</th>
        <td>${s.job ?? ''}</td>
        <th>外出时间</th>
        <td>${s.startDate ?? ''}</td>
        <th>点对点输送</th>
        <td>${yesNo(s.pointToPoint, '是', '否')}</td>
        <th>交通补贴</th>
        <td>${s.transportSubsidy === null ? '' : `${s.transportSubsidy} 元`}</td>
      </tr>
      <tr>
        <th>体检日期</th>
        <td>${s.healthCheckDate ?? ''}</td>
        <th>健康证明</th>
        <td>${yesNo(s.healthCertificate)}</td>
        <th>用工证明</th>
        <td>${yesNo(s.employmentProof)}</td>
        <th>备案日期</th>
        <td>${s.filedDate ?? ''}</td>
      </tr>
    </table>
    <div class="signatures">
      <span class="sign">本人签字：<span class="line"></span></span>
      <span class="sign">村经办人签字：<span class="line"></span></span>
      <span class="sign">村委会（盖章）</span>
      <span class="sign">${DATE_BLANKS}</span>
    </div>
  </div>`;
}

/** Who the slip is for, on the two parts that leave the village: the 证件号码 masked. */
const travellerRows = (s: MigrantSlip): SafeHtml =>
  html`<tr>
      <th>姓名</th>
      <td>${s.name}</td>
      <th>性别</th>
      <td>${s.sex}</td>
      <th>证件号码</th>
      <td colspan="3">${s.idNumberMasked}</td>
    </tr>
    <tr>
      <th>户籍所在地</th>
      <td colspan="3">${s.place}</td>
      <th>用工单位</th>
      <td colspan="3">${s.employer ?? ''}</td>
    </tr>`;

/** ② 外出务工联络单 (本人随身): masked ID, who to call at home, the 健康证明. */
function contactPart(s: MigrantSlip): SafeHtml {
  return html`<div class="part">
    ${partHead('第二联 本人随身', '外出务工联络单', s.serial)}
    <table class="grid slip-grid">
      ${travellerRows(s)}
      <tr>
        <th>务工地点</th>
        <td colspan="7">${s.workPlace ?? ''}</td>
      </tr>
      <tr>
        <th>健康证明</th>
        <td colspan="3">
          ${yesNo(s.healthCertificate)}${s.healthCheckDate ? `\u3000体检日期 ${s.healthCheckDate}` : ''}
        </td>
        <th>外出时间</th>
        <td colspan="3">${s.startDate ?? ''}</td>
      </tr>
      <tr>
        <th>村委会联系人</th>
        <td colspan="7">${contactText(s.villageContact)}</td>
      </tr>
      <tr>
        <th>帮扶责任人</th>
        <td colspan="3">${contactText(s.helper)}</td>
        <th>劳保所电话</th>
        <td colspan="3"></td>
      </tr>
    </table>
    <div class="note">
      请随身携带本联。到岗后请将第三联交用工单位填写、盖章后寄回村委会；途中和务工期间遵守当地防疫要求（健康码、核酸检测），遇到困难请及时联系上面的村委会联系人或帮扶责任人。
    </div>
    <div class="signatures">
      <span class="sign">村委会（盖章）</span><span class="sign">${DATE_BLANKS}</span>
    </div>
  </div>`;
}

/** ③ 用工回执单 (用工单位填写寄回): blanks for the employer, and where to send it. */
function receiptPart(s: MigrantSlip, place: string): SafeHtml {
  const contact = s.villageContact;
  return html`<div class="part">
    ${partHead('第三联 用工单位填写寄回', '用工回执单', s.serial)}
    <table class="grid slip-grid">
      ${travellerRows(s)}
      <tr>
        <th>到岗日期</th>
        <td colspan="3">${date(s.arrivalDate)}</td>
        <th>岗位</th>
        <td colspan="3">${s.job ?? ''}</td>
      </tr>
      <tr>
        <th>月工资</th>
        <td colspan="3"><span class="blank"></span> 元</td>
        <th>用工证明</th>
        <td colspan="3">${yesNo(s.employmentProof, '已出具', '未出具')}</td>
      </tr>
      <tr>
        <th>单位联系人</th>
        <td colspan="3"></td>
        <th>联系电话</th>
        <td colspan="3">${s.employerPhone ?? ''}</td>
      </tr>
    </table>
    <div class="note">
      请用工单位核实本人到岗后填写本联、盖章，寄回：${place}${contact ? `（联系人 ${contact.name}${contact.phone ? ` ${contact.phone}` : ''}）` : ''}。村里按编号登记回执。
    </div>
    <div class="signatures">
      <span class="sign">经办人签字：<span class="line"></span></span>
      <span class="sign">用工单位（盖章）</span><span class="sign">${DATE_BLANKS}</span>
    </div>
  </div>`;
}

function slipPage(s: MigrantSlip, fullIds: boolean): SafeHtml {
  return html`<section class="page slip">
    ${filingPart(s, fullIds)} ${CUT} ${contactPart(s)} ${CUT} ${receiptPart(s, `${s.township} ${s.village}`)}
  </section>`;
}

export const migrantSlip: FormTemplate = (ctx) => {
  const sel: SlipSelection =
    ctx.target.kind === 'household'
      ? { householdNo: ctx.target.household.household_no }
      : { regionCode: ctx.target.region.level === 'county' ? null : ctx.target.region.code };
  // The engine refuses any value but the option's choices (full, masked) before the template runs.
  const fullIds = ctx.options.ids !== 'masked';
  const year = ctx.year ?? latestSlipYear(ctx.ledger, sel);
  const records = slipRecordIds(ctx.ledger, { ...sel, year });
  const where =
    ctx.target.kind === 'household'
      ? `${ctx.target.household.head_name ?? ''}户（${ctx.target.household.household_no}）`
      : regionPathName(ctx.ledger, ctx.target.region);
  if (records.length === 0)
    throw new LedgerError(
      'not-found',
      `${where}${year}年没有要打印三联单的外出务工记录（务工状态为已外出、已返岗、计划外出，或是否计划外出务工为“是”）。`,
    );
  // Printed (or saved as PDF): numbers are issued now, in print order, all in one transaction.
  if (ctx.final)
    assignSlipSerials(ctx.ledger, records, {
      operator: getOperator(ctx.ledger) ?? '打印三联单（未填写操作员）',
    });
  const slips = migrantSlips(ctx.ledger, records);
  const byVillage = new Map<string, MigrantSlip[]>();
  for (const s of slips) {
    ctx.unverified(`${s.name}（${s.householdNo}）`, s.errors);
    const key = `${s.township} ${s.village}`;
    byVillage.set(key, [...(byVillage.get(key) ?? []), s]);
  }
  const documents: PrintedDocument[] = [...byVillage].map(([label, list]) => ({
    label,
    page: {
      title: `${label} 外出务工三联单`,
      orientation: 'portrait',
      css: CSS,
      pageNumbers: false,
      margins: [8, 10, 8, 10],
      body: html`${list.map((s) => slipPage(s, fullIds))}`,
    },
  }));
  return {
    title: `${where} ${year}年 外出务工三联单（${slips.length} 人）`,
    fileLabel: `${ctx.target.kind === 'household' ? ctx.target.household.household_no : (ctx.target.region.name ?? '')}-外出务工三联单-${year}`,
    documents,
  };
};
