// 2. 公益性岗位 (person): who holds which 公益性岗位 (保洁, 护路, 生态护林员, and in 2020 the epidemic posts
// 防疫消杀 / 卡点值守 / 疫情防控宣传), paid from 光伏收益 or 财政, for how many months at what 月补贴, and what
// was paid in the year. One record per person and 岗位类型 (a person may hold two posts, rarely more).
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, notBefore, numberOf, otherNeedsNote } from '../ledger-helpers.ts';

/** Calendar months a post runs within one year (both dates in the same year), else null. */
function monthsInYear(start: unknown, end: unknown): number | null {
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return null;
  if (start.slice(0, 4) !== end.slice(0, 4) || end < start) return null;
  return Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
}

export const publicWelfareJobs = defineLedger({
  id: 'public_welfare_jobs',
  name: '公益性岗位',
  group: '就业帮扶',
  description: '公益性岗位安置台账：岗位类型、资金来源、聘用起止、岗位月数、月补贴标准与年度发放金额。',
  subject: 'person',
  key: ['subject', 'job_type'],
  codeTables: [
    defineCodeTable({
      key: 'pwj_job_type',
      name: '公益性岗位类型',
      source: '公益性岗位安置台账；2020 年疫情防控临时公益性岗位',
      items: [
        { code: '01', label: '保洁', aliases: ['保洁员', '村庄保洁', '环境卫生保洁', '卫生保洁', '清扫保洁'] },
        { code: '02', label: '绿化', aliases: ['绿化员', '绿化管护', '绿化管护员'] },
        { code: '03', label: '护路', aliases: ['护路员', '道路管护', '农村公路管护', '乡村道路管护'] },
        { code: '04', label: '光伏电站管护', aliases: ['光伏管护', '光伏管护员', '光伏电站管理员', '光伏电站看护'] },
        { code: '05', label: '护理老弱病残', aliases: ['护理员', '孤寡老人护理', '护理老弱病残人员', '养老护理'] },
        { code: '06', label: '防疫消杀', aliases: ['消杀员', '疫情消杀', '环境消杀', '防疫消毒'] },
        { code: '07', label: '卡点值守', aliases: ['卡口值守', '防疫卡点值守', '疫情防控卡点值守', '值守员', '防疫卡点'] },
        { code: '08', label: '疫情防控宣传', aliases: ['防疫宣传', '防疫宣传员', '疫情防控宣传员'] },
        { code: '09', label: '生态护林员', aliases: ['护林员', '生态护林', '建档立卡生态护林员'] },
        { code: '10', label: '河湖巡查员', aliases: ['河道巡查员', '护河员', '巡河员', '河湖巡查'] },
        { code: '99', label: '其他', aliases: ['其它', '其他公益岗位', '村设公益岗'] },
      ],
    }),
    defineCodeTable({
      key: 'pwj_fund_source',
      name: '公益性岗位资金来源',
      items: [
        { code: '01', label: '光伏收益', aliases: ['光伏扶贫收益', '光伏电站收益', '村级光伏收益', '光伏收益资金'] },
        { code: '02', label: '财政', aliases: ['财政资金', '财政专项扶贫资金', '就业补助资金', '财政补助'] },
        { code: '99', label: '其他', aliases: ['其它', '村集体收入', '社会捐助'] },
      ],
    }),
  ],
  fields: [
    { column: 'job_type', label: '岗位类型', type: 'code', codeTable: 'pwj_job_type', required: true, aliases: ['公益性岗位类型', '公益岗位类型', '公益性岗位', '岗位名称', '公益岗位'] },
    { column: 'job_type_note', label: '其他岗位说明', type: 'text', aliases: ['其他岗位名称', '岗位说明'], help: '岗位类型为“其他”时必填' },
    { column: 'fund_source', label: '资金来源', type: 'code', codeTable: 'pwj_fund_source', aliases: ['补贴资金来源', '岗位资金来源', '工资来源'] },
    { column: 'employer', label: '用工单位', type: 'text', aliases: ['聘用单位', '管理单位', '岗位所在单位'] },
    { column: 'start_date', label: '聘用开始日期', type: 'date', aliases: ['聘用时间', '聘用开始时间', '上岗时间', '上岗日期', '聘用起始日期'] },
    { column: 'end_date', label: '聘用结束日期', type: 'date', aliases: ['聘用结束时间', '聘用截止日期', '聘期截止', '离岗日期'] },
    { column: 'months', label: '岗位月数', type: 'int', min: 0, max: 12, aliases: ['公益性岗位(月数)', '公益性岗位（月数）', '在岗月数', '聘用月数', '务工时间（月）'], help: '本年度在岗月数；空着时按聘用起止日期（同一年内）计算' },
    { column: 'monthly_subsidy', label: '月补贴标准（元）', type: 'decimal', min: 0, max: 10_000, aliases: ['月补贴标准(元)', '月补贴标准', '月补贴', '月工资', '每月补贴', '补贴标准（元/月）'] },
    { column: 'annual_paid', label: '年度发放金额（元）', type: 'decimal', min: 0, max: 120_000, aliases: ['年度发放金额(元)', '年度发放金额', '年度发放', '全年发放金额', '已发放金额', '发放金额'], help: '空着时按月补贴标准 × 岗位月数计算' },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['job_type', 'fund_source', 'start_date', 'end_date', 'months', 'monthly_subsidy', 'annual_paid'],
  sortColumns: ['job_type', 'fund_source', 'start_date', 'end_date', 'months', 'monthly_subsidy', 'annual_paid'],
  filters: ['job_type', 'fund_source'],
  measures: [
    { key: 'records', label: '安置人数', kind: 'count' },
    { key: 'epidemic', label: '疫情防控岗位', kind: 'count', where: { column: 'job_type', in: ['06', '07', '08'] } },
    { key: 'forest_ranger', label: '生态护林员', kind: 'count', where: { column: 'job_type', in: ['09'] } },
    { key: 'solar_funded', label: '光伏收益开发岗位', kind: 'count', where: { column: 'fund_source', in: ['01'] } },
    { key: 'fiscal_funded', label: '财政资金开发岗位', kind: 'count', where: { column: 'fund_source', in: ['02'] } },
    { key: 'annual_paid', label: '年度发放金额', kind: 'sum', column: 'annual_paid' },
  ],
  derive(values) {
    const out: LedgerValues = {};
    let months = numberOf(values.months);
    if (months === null) {
      months = monthsInYear(values.start_date, values.end_date);
      if (months !== null) out.months = months;
    }
    const monthly = numberOf(values.monthly_subsidy);
    if (isBlank(values.annual_paid) && months !== null && monthly !== null)
      out.annual_paid = Math.round(months * monthly * 100) / 100;
    return out;
  },
  check(values) {
    const issues: Issue[] = [
      ...notBefore(values, 'start_date', 'end_date', '聘用结束日期不能早于聘用开始日期'),
      ...otherNeedsNote(values, 'job_type', 'job_type_note', '岗位类型为“其他”的，请填写其他岗位说明'),
    ];
    const months = numberOf(values.months);
    const monthly = numberOf(values.monthly_subsidy);
    const paid = numberOf(values.annual_paid);
    if (months !== null && monthly !== null && paid !== null && paid > months * monthly + 0.005)
      issues.push({ field: 'annual_paid', level: 'warning', message: '年度发放金额超过月补贴标准 × 岗位月数，请核实' });
    return issues;
  },
}); // prettier-ignore
