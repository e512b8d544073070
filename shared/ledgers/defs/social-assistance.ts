// 11. 临时救助与兜底: who is covered by 低保, 特困供养 and holds a 残疾证 (person), and every 临时救助
// a household received — cash and 米/面/油 in kind, with the reason (受疫情影响 counted apart).
import { defineCodeTable } from '../../code-tables/define.ts';
import type { Issue } from '../../rules/issue.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { hasCode, isBlank, otherNeedsNote, requireFilled } from '../ledger-helpers.ts';

const YES = 1;
const NO = 0;

/** A 是/否 flag that its details contradict (否 with a 类别 filled) or lack (是 without one). */
function flagWithDetails(
  values: Readonly<LedgerValues>,
  flag: string,
  details: readonly string[],
  what: string,
  required: readonly string[],
  missing: string,
): Issue[] {
  if (values[flag] === NO && details.some((c) => !isBlank(values[c])))
    return [{ field: flag, level: 'error', message: `填写了${what}的情况，是否${what}应为“是”` }];
  return values[flag] === YES ? requireFilled(values, required, missing) : [];
}

export const basicAssistance = defineLedger({
  id: 'basic_assistance',
  name: '低保特困与残疾',
  group: '兜底保障',
  description: '兜底保障对象：低保（类别、保障金）、特困供养（供养方式）、持残疾证人员（类别、等级、证号）与残疾人两项补贴。',
  subject: 'person',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'sa_dibao_category',
      name: '低保类别',
      source: '农村低保分类施保（各省一类/二类/三类或 A/B/C 类）',
      items: [
        { code: '01', label: '一类', aliases: ['A类', '一类低保', '一档', '全额保障', '重点保障户'] },
        { code: '02', label: '二类', aliases: ['B类', '二类低保', '二档'] },
        { code: '03', label: '三类', aliases: ['C类', '三类低保', '三档'] },
        { code: '04', label: '四类', aliases: ['D类', '四类低保', '四档'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'sa_support_mode',
      name: '特困供养方式',
      items: [
        { code: '01', label: '分散供养', aliases: ['五保-分散供养', '分散', '居家供养'] },
        { code: '02', label: '集中供养', aliases: ['五保-集中供养', '集中', '敬老院供养', '福利院供养'] },
      ],
    }),
    defineCodeTable({
      key: 'sa_disability_category',
      name: '残疾类别',
      source: 'GB/T 26341-2010 残疾人残疾分类和分级',
      items: [
        { code: '01', label: '视力残疾', aliases: ['视力', '视力残', '盲'] },
        { code: '02', label: '听力残疾', aliases: ['听力', '听力残'] },
        { code: '03', label: '言语残疾', aliases: ['言语', '语言残疾'] },
        { code: '04', label: '肢体残疾', aliases: ['肢体', '肢残'] },
        { code: '05', label: '智力残疾', aliases: ['智力', '智残'] },
        { code: '06', label: '精神残疾', aliases: ['精神', '精神残'] },
        { code: '07', label: '多重残疾', aliases: ['多重', '综合残疾'] },
      ],
    }),
    defineCodeTable({
      key: 'sa_disability_grade',
      name: '残疾等级',
      source: 'GB/T 26341-2010（一级最重）',
      items: [
        { code: '01', label: '一级', aliases: ['1级', '一', '壹级', '1'] },
        { code: '02', label: '二级', aliases: ['2级', '二', '贰级', '2'] },
        { code: '03', label: '三级', aliases: ['3级', '三', '叁级', '3'] },
        { code: '04', label: '四级', aliases: ['4级', '四', '肆级', '4'] },
      ],
    }),
  ],
  fields: [
    { column: 'dibao', label: '是否低保对象', type: 'bool', aliases: ['是否低保', '低保', '是否享受低保', '是否低保户', '低保对象'] },
    { column: 'dibao_category', label: '低保类别', type: 'code', codeTable: 'sa_dibao_category', aliases: ['低保档次', '低保分类', '保障类别'] },
    { column: 'dibao_start', label: '纳入低保日期', type: 'date', aliases: ['纳入低保时间', '享受低保时间', '低保起始时间'] },
    { column: 'dibao_monthly', label: '低保金（元/月）', type: 'decimal', min: 0, max: 10_000, aliases: ['月保障金额', '月低保金', '低保金额', '月人均补差', '低保金（元）'] },
    { column: 'tekun', label: '是否特困供养', type: 'bool', aliases: ['特困供养', '是否特困人员', '是否特困', '是否五保', '五保'] },
    { column: 'tekun_mode', label: '特困供养方式', type: 'code', codeTable: 'sa_support_mode', aliases: ['供养方式', '五保类型', '特困供养类型'] },
    { column: 'tekun_monthly', label: '特困供养金（元/月）', type: 'decimal', min: 0, max: 10_000, aliases: ['供养金', '月供养金额', '基本生活费', '特困供养金（元）'] },
    { column: 'disabled', label: '是否持残疾证', type: 'bool', aliases: ['有无残疾证', '是否残疾人', '是否有残疾证', '持证残疾人'] },
    { column: 'disability_category', label: '残疾类别', type: 'code', codeTable: 'sa_disability_category', aliases: ['残疾类型', '残疾种类'] },
    { column: 'disability_grade', label: '残疾等级', type: 'code', codeTable: 'sa_disability_grade', aliases: ['残疾级别', '残疾程度'] },
    { column: 'disability_card_no', label: '残疾人证号', type: 'text', sensitive: true, aliases: ['残疾人证号码', '残疾证号码', '第二代残疾人证号'], help: '20 位（或 22 位）：身份证号 + 残疾类别 + 等级' },
    { column: 'living_subsidy', label: '是否享受困难残疾人生活补贴', type: 'bool', aliases: ['困难残疾人生活补贴', '生活补贴'] },
    { column: 'nursing_subsidy', label: '是否享受重度残疾人护理补贴', type: 'bool', aliases: ['重度残疾人护理补贴', '护理补贴'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['dibao', 'dibao_category', 'dibao_monthly', 'tekun', 'tekun_mode', 'disability_category', 'disability_grade'],
  sortColumns: ['dibao_category', 'dibao_monthly', 'tekun_mode', 'disability_category', 'disability_grade'],
  filters: ['dibao', 'dibao_category', 'tekun', 'tekun_mode', 'disabled', 'disability_category', 'disability_grade'],
  measures: [
    { key: 'records', label: '登记人数', kind: 'count' },
    { key: 'dibao', label: '低保人数', kind: 'count', where: { column: 'dibao', in: [1] } },
    { key: 'tekun', label: '特困供养人数', kind: 'count', where: { column: 'tekun', in: [1] } },
    { key: 'tekun_centralized', label: '集中供养人数', kind: 'count', where: { column: 'tekun_mode', in: ['02'] } },
    { key: 'disabled', label: '持证残疾人数', kind: 'count', where: { column: 'disabled', in: [1] } },
    { key: 'severe_disabled', label: '一二级重度残疾人数', kind: 'count', where: { column: 'disability_grade', in: ['01', '02'] } },
    { key: 'dibao_monthly', label: '月低保金合计', kind: 'sum', column: 'dibao_monthly' },
    { key: 'tekun_monthly', label: '月特困供养金合计', kind: 'sum', column: 'tekun_monthly' },
  ],
  derive(values) {
    // Ledgers often fill only 低保类别 or 残疾类别: a blank flag follows its details.
    const out: LedgerValues = {};
    if (isBlank(values.dibao) && (!isBlank(values.dibao_category) || !isBlank(values.dibao_monthly))) out.dibao = YES;
    if (isBlank(values.tekun) && !isBlank(values.tekun_mode)) out.tekun = YES;
    if (isBlank(values.disabled) && (!isBlank(values.disability_category) || !isBlank(values.disability_card_no))) out.disabled = YES;
    return out;
  },
  check(values) {
    const issues = [
      ...flagWithDetails(values, 'dibao', ['dibao_category', 'dibao_monthly', 'dibao_start'], '低保对象', ['dibao_category'], '低保对象请填写低保类别'),
      ...flagWithDetails(values, 'tekun', ['tekun_mode', 'tekun_monthly'], '特困供养', ['tekun_mode'], '特困供养人员请填写供养方式'),
      ...flagWithDetails(values, 'disabled', ['disability_category', 'disability_grade', 'disability_card_no'], '持残疾证', ['disability_category', 'disability_grade'], '持残疾证的请填写残疾类别和残疾等级'),
    ];
    const card = values.disability_card_no;
    if (typeof card === 'string' && !/^\d{17}[\dX]\d{2}(\d{2})?$/.test(card))
      issues.push({ field: 'disability_card_no', level: 'warning', message: '残疾证号一般为 20 位（或 22 位）：身份证号加残疾类别和等级' });
    if (values.nursing_subsidy === YES && (hasCode(values, 'disability_grade', '03') || hasCode(values, 'disability_grade', '04')))
      issues.push({ field: 'nursing_subsidy', level: 'warning', message: '重度残疾人护理补贴一般只发给一、二级残疾人' });
    if (values.dibao === NO && values.tekun === NO && values.disabled === NO)
      issues.push({ field: 'dibao', level: 'warning', message: '低保、特困、残疾都为“否”，这条记录不属于兜底保障对象' });
    return issues;
  },
}); // prettier-ignore

export const temporaryRelief = defineLedger({
  id: 'temporary_relief',
  name: '临时救助',
  group: '兜底保障',
  description: '临时救助发放：救助日期、原因（受疫情影响单列）、现金金额与米面油等实物。',
  subject: 'household',
  key: ['subject', 'relief_date'],
  codeTables: [
    defineCodeTable({
      key: 'tr_reason',
      name: '临时救助原因',
      items: [
        { code: '01', label: '受疫情影响', aliases: ['疫情影响', '因疫', '因疫情', '新冠肺炎疫情影响', '疫情'] },
        { code: '02', label: '因病', aliases: ['疾病', '大病', '因病支出'] },
        { code: '03', label: '因灾', aliases: ['自然灾害', '受灾', '灾害'] },
        { code: '04', label: '意外事故', aliases: ['意外', '因意外', '交通事故', '火灾'] },
        { code: '05', label: '因学', aliases: ['就学', '教育支出'] },
        { code: '06', label: '失业或务工受阻', aliases: ['失业', '务工受阻', '无法外出务工'] },
        { code: '07', label: '生活必需支出突增', aliases: ['支出型困难', '支出突增', '生活困难'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'relief_date', label: '救助日期', type: 'date', required: true, aliases: ['救助时间', '发放日期', '发放时间', '审批日期'] },
    { column: 'reason', label: '救助原因', type: 'code', codeTable: 'tr_reason', required: true, aliases: ['原因', '困难原因', '救助事由', '致困原因'] },
    { column: 'reason_note', label: '原因说明', type: 'text', long: true, aliases: ['困难情况', '情况说明', '具体原因'] },
    { column: 'people', label: '救助人数', type: 'int', min: 1, max: 30, aliases: ['救助人口', '受助人数', '家庭人口'] },
    { column: 'cash', label: '现金金额（元）', type: 'decimal', min: 0, max: 100_000, aliases: ['救助金额', '临时救助金额', '发放金额', '现金', '救助金（元）', '金额（元）'] },
    { column: 'rice', label: '大米（公斤）', type: 'decimal', min: 0, max: 10_000, aliases: ['米', '大米', '米（公斤）', '大米（kg）', '大米(公斤)'] },
    { column: 'flour', label: '面粉（公斤）', type: 'decimal', min: 0, max: 10_000, aliases: ['面', '面粉', '面（公斤）', '面粉（kg）'] },
    { column: 'oil', label: '食用油（升）', type: 'decimal', min: 0, max: 1_000, aliases: ['油', '食用油', '油（升）', '食用油（L）'] },
    { column: 'other_goods', label: '其他实物', type: 'text', aliases: ['其他物资', '其它实物', '实物（其他）'] },
    { column: 'goods_value', label: '实物折价（元）', type: 'decimal', min: 0, max: 100_000, aliases: ['实物折款', '实物价值', '物资折价'] },
    { column: 'handler', label: '经办人', type: 'text', aliases: ['发放人', '经手人'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['relief_date', 'reason', 'cash', 'rice', 'flour', 'oil', 'goods_value'],
  sortColumns: ['relief_date', 'reason', 'cash', 'goods_value'],
  filters: ['reason'],
  measures: [
    { key: 'records', label: '救助户次', kind: 'count' },
    { key: 'epidemic', label: '受疫情影响户次', kind: 'count', where: { column: 'reason', in: ['01'] } },
    { key: 'people', label: '救助人次', kind: 'sum', column: 'people' },
    { key: 'cash', label: '现金金额', kind: 'sum', column: 'cash' },
    { key: 'epidemic_cash', label: '受疫情影响救助金额', kind: 'sum', column: 'cash', where: { column: 'reason', in: ['01'] } },
    { key: 'rice', label: '大米（公斤）', kind: 'sum', column: 'rice' },
    { key: 'flour', label: '面粉（公斤）', kind: 'sum', column: 'flour' },
    { key: 'oil', label: '食用油（升）', kind: 'sum', column: 'oil' },
    { key: 'goods_value', label: '实物折价', kind: 'sum', column: 'goods_value' },
  ],
  check(values) {
    const issues = otherNeedsNote(values, 'reason', 'reason_note', '救助原因为“其他”时请填写原因说明');
    const given = ['cash', 'rice', 'flour', 'oil', 'other_goods', 'goods_value'].some((c) => {
      const v = values[c];
      return typeof v === 'number' ? v > 0 : !isBlank(v);
    });
    if (!given) issues.push({ field: 'cash', level: 'error', message: '现金金额和实物至少填写一项' });
    return issues;
  },
}); // prettier-ignore
