// 4. 危房改造 (household): 四类重点对象 (建档立卡贫困户, 低保户, 分散供养特困人员, 贫困残疾人家庭) and 一般户
// whose house is rated C级 or D级, how it is renovated, the 开工 → 竣工 → 验收 dates, the 补助标准 (county
// policy: 2 万/户 for 四类对象, 1.5 万/户 for others, set in `settings`), what was paid and whether they moved in.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, notBefore, numberOf, otherNeedsNote } from '../ledger-helpers.ts';

/** 对象类别 codes of the 四类重点对象 (the higher 补助标准); any other category gets the general one. */
export const HOUSING_PRIORITY_TARGETS: readonly string[] = ['01', '02', '03', '04'];

/** 改造进度, from the dates: 已验收 > 已竣工 > 已开工 > 未开工. */
function progressOf(values: Readonly<LedgerValues>): string {
  if (!isBlank(values.acceptance_date)) return '04';
  if (!isBlank(values.completion_date)) return '03';
  if (!isBlank(values.start_date)) return '02';
  return '01';
}

export const housingRenovation = defineLedger({
  id: 'housing_renovation',
  name: '危房改造',
  group: '住房保障',
  description: '农村危房改造台账：对象类别、危房等级与鉴定、改造方式、开工竣工验收、补助标准与拨付、是否入住。',
  subject: 'household',
  key: ['subject'],
  settings: [
    { key: 'subsidy_priority', label: '四类重点对象补助标准', default: 20_000, unit: '元/户' },
    { key: 'subsidy_general', label: '一般户补助标准', default: 15_000, unit: '元/户' },
  ],
  codeTables: [
    defineCodeTable({
      key: 'housing_target_category',
      name: '危房改造对象类别',
      source: '四类重点对象：建档立卡贫困户、低保户、农村分散供养特困人员、贫困残疾人家庭',
      items: [
        { code: '01', label: '建档立卡贫困户', aliases: ['贫困户', '建档立卡户', '建档立卡脱贫户', '脱贫户'] },
        { code: '02', label: '低保户', aliases: ['农村低保户', '低保对象', '低保家庭'] },
        { code: '03', label: '分散供养特困人员', aliases: ['农村分散供养特困人员', '分散供养五保户', '特困人员', '特困户', '五保户'] },
        { code: '04', label: '贫困残疾人家庭', aliases: ['残疾人家庭', '贫困残疾人', '困难残疾人家庭'] },
        { code: '05', label: '一般户', aliases: ['一般农户', '非四类对象', '其他农户', '普通农户'] },
      ],
    }),
    defineCodeTable({
      key: 'housing_danger_level',
      name: '危房等级',
      source: '《农村危险房屋鉴定技术导则》；国家系统“有无安全住房”',
      items: [
        { code: '01', label: 'C级', aliases: ['C', 'C级危房', '危房C类', 'C类', 'C类危房'] },
        { code: '02', label: 'D级', aliases: ['D', 'D级危房', '危房D类', 'D类', 'D类危房'] },
        { code: '03', label: '无房', aliases: ['无房户', '无住房', '无安全住房'] },
      ],
    }),
    defineCodeTable({
      key: 'housing_renovation_method',
      name: '改造方式',
      items: [
        { code: '01', label: '修缮加固', aliases: ['加固改造', '维修加固', '修缮', '加固', '维修改造'] },
        { code: '02', label: '拆除重建', aliases: ['原址重建', '拆旧建新', '翻建', '重建'] },
        { code: '03', label: '异地新建', aliases: ['新址新建', '新建', '易地新建'] },
        { code: '04', label: '统建', aliases: ['统建统购', '集中统建', '幸福院', '集中供养'] },
        { code: '05', label: '置换租赁', aliases: ['置换', '租赁', '闲置农房置换', '租赁公房'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'housing_progress',
      name: '改造进度',
      items: [
        { code: '01', label: '未开工', aliases: [] },
        { code: '02', label: '已开工', aliases: ['在建'] },
        { code: '03', label: '已竣工', aliases: ['竣工'] },
        { code: '04', label: '已验收', aliases: ['验收合格'] },
      ],
    }),
  ],
  fields: [
    { column: 'target_category', label: '对象类别', type: 'code', codeTable: 'housing_target_category', required: true, aliases: ['改造对象类别', '对象类型', '补助对象类别', '四类对象类别', '户类别'] },
    { column: 'original_structure', label: '原房屋结构', type: 'text', aliases: ['房屋结构', '原住房结构', '原结构'] },
    { column: 'danger_level', label: '危房等级', type: 'code', codeTable: 'housing_danger_level', required: true, aliases: ['危险等级', '鉴定等级', '房屋危险等级', '有无安全住房', '危房级别'] },
    { column: 'appraisal_date', label: '鉴定日期', type: 'date', aliases: ['鉴定时间', '危房鉴定时间', '危房鉴定日期'] },
    { column: 'method', label: '改造方式', type: 'code', codeTable: 'housing_renovation_method', aliases: ['改造类型', '建设方式', '改造模式'] },
    { column: 'method_note', label: '其他改造方式说明', type: 'text', aliases: ['改造方式说明'], help: '改造方式为“其他”时必填' },
    { column: 'area', label: '改造面积（平方米）', type: 'decimal', min: 0, max: 1_000, aliases: ['改造面积', '建筑面积', '建筑面积（平方米）', '面积'] },
    { column: 'start_date', label: '开工日期', type: 'date', aliases: ['开工时间'] },
    { column: 'completion_date', label: '竣工日期', type: 'date', aliases: ['竣工时间', '完工时间', '完工日期'] },
    { column: 'acceptance_date', label: '验收日期', type: 'date', aliases: ['验收时间', '竣工验收时间', '竣工验收日期'] },
    { column: 'progress', label: '改造进度', type: 'code', codeTable: 'housing_progress', derived: true, help: '按开工、竣工、验收日期自动判断' },
    { column: 'subsidy_standard', label: '补助标准（元）', type: 'decimal', min: 0, max: 200_000, aliases: ['补助标准', '补助标准(元)', '补助标准（元/户）', '应补助金额', '补助金额'], help: '空着时按对象类别取本县补助标准（四类对象 / 一般户）' },
    { column: 'paid_amount', label: '拨付金额（元）', type: 'decimal', min: 0, max: 200_000, aliases: ['拨付金额', '已拨付金额', '拨付资金', '兑付金额', '实际拨付金额'] },
    { column: 'paid_date', label: '拨付日期', type: 'date', aliases: ['拨付时间', '兑付时间', '资金拨付时间'] },
    { column: 'moved_in', label: '是否入住', type: 'bool', aliases: ['是否已入住', '入住情况', '已入住'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['target_category', 'danger_level', 'method', 'progress', 'subsidy_standard', 'paid_amount', 'moved_in'],
  sortColumns: ['target_category', 'danger_level', 'method', 'progress', 'subsidy_standard', 'paid_amount'],
  filters: ['target_category', 'danger_level', 'method', 'progress', 'moved_in'],
  measures: [
    { key: 'records', label: '改造户数', kind: 'count' },
    { key: 'priority', label: '四类重点对象', kind: 'count', where: { column: 'target_category', in: ['01', '02', '03', '04'] } },
    { key: 'poor', label: '建档立卡贫困户', kind: 'count', where: { column: 'target_category', in: ['01'] } },
    { key: 'level_c', label: 'C级危房', kind: 'count', where: { column: 'danger_level', in: ['01'] } },
    { key: 'level_d', label: 'D级危房', kind: 'count', where: { column: 'danger_level', in: ['02'] } },
    { key: 'started', label: '已开工', kind: 'count', where: { column: 'progress', in: ['02', '03', '04'] } },
    { key: 'completed', label: '已竣工', kind: 'count', where: { column: 'progress', in: ['03', '04'] } },
    { key: 'accepted', label: '已验收', kind: 'count', where: { column: 'progress', in: ['04'] } },
    { key: 'moved_in', label: '已入住', kind: 'count', where: { column: 'moved_in', in: [1] } },
    { key: 'subsidy_standard', label: '补助资金', kind: 'sum', column: 'subsidy_standard' },
    { key: 'paid_amount', label: '拨付金额', kind: 'sum', column: 'paid_amount' },
  ],
  derive(values, ctx) {
    const out: LedgerValues = { progress: progressOf(values) };
    const category = values.target_category;
    if (isBlank(values.subsidy_standard) && typeof category === 'string' && category !== '')
      out.subsidy_standard = ctx.setting(HOUSING_PRIORITY_TARGETS.includes(category) ? 'subsidy_priority' : 'subsidy_general');
    return out;
  },
  check(values) {
    const issues: Issue[] = [
      ...otherNeedsNote(values, 'method', 'method_note', '改造方式为“其他”的，请填写其他改造方式说明'),
      ...notBefore(values, 'appraisal_date', 'start_date', '开工日期不能早于鉴定日期'),
      ...notBefore(values, 'start_date', 'completion_date', '竣工日期不能早于开工日期'),
      ...notBefore(values, 'completion_date', 'acceptance_date', '验收日期不能早于竣工日期'),
    ];
    if (!isBlank(values.completion_date) && isBlank(values.start_date))
      issues.push({ field: 'start_date', level: 'error', message: '已填竣工日期的，请填写开工日期' });
    if (!isBlank(values.acceptance_date) && isBlank(values.completion_date))
      issues.push({ field: 'completion_date', level: 'error', message: '已填验收日期的，请填写竣工日期' });
    const standard = numberOf(values.subsidy_standard);
    const paid = numberOf(values.paid_amount);
    if (standard !== null && paid !== null && paid > standard)
      issues.push({ field: 'paid_amount', level: 'warning', message: '拨付金额超过补助标准，请核实' });
    if (paid !== null && paid > 0 && isBlank(values.paid_date))
      issues.push({ field: 'paid_date', level: 'warning', message: '已拨付的请填写拨付日期' });
    if (values.moved_in === 1 && isBlank(values.completion_date))
      issues.push({ field: 'moved_in', level: 'warning', message: '已入住的请填写竣工日期' });
    return issues;
  },
}); // prettier-ignore
