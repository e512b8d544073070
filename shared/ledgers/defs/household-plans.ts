// 18. 一户一策 帮扶计划 (household, one per 年度): the household's 劳动力, 致贫原因 and 致贫/返贫风险 as the
// plan states them, its 帮扶目标 and who signs it; and household_plan_measures, the 帮扶措施 of a plan —
// 类别, 措施, 责任单位/责任人, 时限, 预期收益, 落实情况 — where a measure naming a member is that member's
// 一人一措施. 新建 prefills both from the register and the other ledgers (main/core/plans); the printed
// 一户一策 帮扶计划表 is the form the household, the 帮扶责任人, the 驻村工作队 and the 乡镇 sign.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, notBefore, otherNeedsNote } from '../ledger-helpers.ts';

/** 帮扶措施类别 codes, as the prefill files what each ledger gives. */
export const PLAN_MEASURE = {
  industry: '01',
  employment: '02',
  publicJob: '03',
  health: '04',
  education: '05',
  housing: '06',
  water: '07',
  social: '08',
  finance: '09',
  relocation: '10',
  socialHelp: '11',
  other: '99',
} as const;

export const householdPlans = defineLedger({
  id: 'household_plans',
  name: '一户一策帮扶计划',
  group: '帮扶责任',
  description: '一户一策帮扶计划：按户按年度制定，含劳动力、致贫原因、致贫返贫风险、帮扶目标和签字审核日期；帮扶措施（含一人一措施）逐条记在“计划帮扶措施”中。',
  subject: 'household',
  key: ['subject', 'year'],
  fields: [
    { column: 'year', label: '年度', type: 'year', required: true, initial: 'current-year', min: 2014, max: 2100, aliases: ['计划年度', '帮扶年度'] },
    { column: 'labor_count', label: '劳动力人数', type: 'int', min: 0, max: 30, aliases: ['劳动力', '劳动力数', '家庭劳动力人数'] },
    { column: 'causes', label: '致贫原因', type: 'codes', codeTable: 'poverty_cause', maxItems: 3, aliases: ['主要致贫原因', '致贫原因（可多选）'] },
    { column: 'risks', label: '致贫返贫风险', type: 'codes', codeTable: 'monitor_risk', maxItems: 5, aliases: ['致贫/返贫风险', '返贫风险', '风险类型'] },
    { column: 'risk_note', label: '风险说明', type: 'text', aliases: ['风险情况', '其他风险说明'], help: '风险含“其他”时必填' },
    { column: 'income_base', label: '上年人均纯收入（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['上年人均纯收入', '人均纯收入（元）', '人均纯收入'] },
    { column: 'income_target', label: '预期人均纯收入（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['预期人均纯收入', '计划人均纯收入', '目标人均纯收入'] },
    { column: 'goal', label: '帮扶目标', type: 'text', long: true, aliases: ['年度帮扶目标', '脱贫目标'] },
    { column: 'helper', label: '帮扶责任人', type: 'text', aliases: ['帮扶人', '结对帮扶责任人', '帮扶干部'] },
    { column: 'helper_unit', label: '帮扶单位', type: 'text', aliases: ['帮扶责任人单位', '帮扶责任单位', '结对帮扶单位'] },
    { column: 'resident_team', label: '驻村工作队/第一书记', type: 'text', aliases: ['驻村工作队', '第一书记', '驻村第一书记'] },
    { column: 'plan_date', label: '制定日期', type: 'date', aliases: ['计划制定日期', '制定时间', '填表日期'] },
    { column: 'signed_date', label: '户主签字日期', type: 'date', aliases: ['签字日期', '户主确认日期'] },
    { column: 'reviewed_date', label: '乡镇审核日期', type: 'date', aliases: ['审核日期', '乡镇审核时间'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  rollups: [{ column: 'expected_total', label: '预期收益合计（元）', child: 'household_plan_measures', sum: 'expected_income' }],
  listColumns: ['year', 'labor_count', 'causes', 'risks', 'helper', 'plan_date', 'signed_date', 'reviewed_date'],
  sortColumns: ['year', 'labor_count', 'helper', 'plan_date', 'signed_date', 'reviewed_date'],
  filters: ['year'],
  measures: [
    { key: 'records', label: '计划户数', kind: 'count' },
    { key: 'labor', label: '劳动力人数', kind: 'sum', column: 'labor_count' },
  ],
  summaryYear: 'year',
  check(values) {
    return [
      ...otherNeedsNote(values, 'risks', 'risk_note', '致贫返贫风险含“其他”的，请填写风险说明'),
      ...notBefore(values, 'plan_date', 'signed_date', '户主签字日期不能早于制定日期'),
      ...notBefore(values, 'plan_date', 'reviewed_date', '乡镇审核日期不能早于制定日期'),
      ...yearOfDate(values, 'plan_date', '制定日期'),
    ];
  },
}); // prettier-ignore

/** A plan made for 年度 Y is made in Y or the year before (a 2021 plan drawn up in December 2020). */
function yearOfDate(values: Readonly<LedgerValues>, column: string, label: string): Issue[] {
  const year = values.year;
  const date = values[column];
  if (typeof year !== 'number' || typeof date !== 'string') return [];
  const y = Number(date.slice(0, 4));
  return y === year || y === year - 1
    ? []
    : [{ field: column, level: 'warning', message: `${label}不在${year}年度内，请核对年度` }];
}

export const householdPlanMeasures = defineLedger({
  id: 'household_plan_measures',
  name: '计划帮扶措施',
  group: '帮扶责任',
  description: '一户一策帮扶计划的帮扶措施：类别、措施内容、帮扶对象（一人一措施填成员姓名）、责任单位/责任人、完成时限、预期收益和落实情况。',
  subject: 'household',
  parent: { ledger: 'household_plans', key: 'subject' },
  key: ['parent', 'category', 'member', 'measure'],
  codeTables: [
    defineCodeTable({
      key: 'hpm_category',
      name: '帮扶措施类别',
      items: [
        { code: PLAN_MEASURE.industry, label: '产业帮扶', aliases: ['产业', '产业扶持', '产业发展', '产业奖补'] },
        { code: PLAN_MEASURE.employment, label: '就业帮扶', aliases: ['就业', '务工', '转移就业', '技能培训', '就业扶持'] },
        { code: PLAN_MEASURE.publicJob, label: '公益岗位', aliases: ['公益性岗位', '公益岗', '公益岗位帮扶'] },
        { code: PLAN_MEASURE.health, label: '健康帮扶', aliases: ['健康扶贫', '医疗保障', '基本医疗'] },
        { code: PLAN_MEASURE.education, label: '教育帮扶', aliases: ['教育扶贫', '教育资助', '控辍保学'] },
        { code: PLAN_MEASURE.housing, label: '住房安全', aliases: ['危房改造', '住房保障', '住房安全保障'] },
        { code: PLAN_MEASURE.water, label: '饮水安全', aliases: ['安全饮水', '饮水安全保障'] },
        { code: PLAN_MEASURE.social, label: '综合保障', aliases: ['兜底保障', '社会保障兜底', '低保', '兜底'] },
        { code: PLAN_MEASURE.finance, label: '金融帮扶', aliases: ['小额信贷', '金融扶贫'] },
        { code: PLAN_MEASURE.relocation, label: '易地搬迁', aliases: ['易地扶贫搬迁', '搬迁'] },
        { code: PLAN_MEASURE.socialHelp, label: '社会帮扶', aliases: ['社会扶贫', '消费帮扶', '临时救助'] },
        { code: PLAN_MEASURE.other, label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'hpm_progress',
      name: '落实情况',
      items: [
        { code: '01', label: '未落实', aliases: ['未开始', '待落实', '未启动'] },
        { code: '02', label: '落实中', aliases: ['正在落实', '推进中', '进行中'] },
        { code: '03', label: '已落实', aliases: ['已完成', '完成', '已兑现'] },
        { code: '04', label: '已取消', aliases: ['取消', '不再实施', '终止'] },
      ],
    }),
  ],
  fields: [
    { column: 'category', label: '措施类别', type: 'code', codeTable: 'hpm_category', required: true, aliases: ['类别', '帮扶类别', '措施类型'] },
    { column: 'measure', label: '帮扶措施', type: 'text', required: true, aliases: ['措施', '措施内容', '具体措施', '帮扶内容'] },
    { column: 'member', label: '帮扶对象', type: 'text', aliases: ['成员姓名', '帮扶对象姓名', '一人一措施'], help: '一人一措施填本户成员姓名；全户措施不填' },
    { column: 'responsible', label: '责任单位/责任人', type: 'text', aliases: ['责任单位', '责任人', '责任单位（人）', '责任单位及责任人'] },
    { column: 'deadline', label: '完成时限', type: 'date', aliases: ['时限', '完成时间', '完成期限'] },
    { column: 'expected_income', label: '预期收益（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['预期收益', '预计增收（元）', '预计增收'] },
    { column: 'progress', label: '落实情况', type: 'code', codeTable: 'hpm_progress', aliases: ['落实进度', '完成情况', '进展情况'] },
    { column: 'progress_note', label: '落实说明', type: 'text', aliases: ['落实情况说明', '进展说明'] },
    { column: 'source', label: '依据', type: 'text', aliases: ['数据来源', '来源'], help: '自动生成的措施记下取自哪本台账' },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['category', 'measure', 'member', 'responsible', 'deadline', 'expected_income', 'progress'],
  sortColumns: ['category', 'responsible', 'deadline', 'expected_income', 'progress'],
  filters: ['category', 'progress'],
  measures: [
    { key: 'records', label: '措施条数', kind: 'count' },
    { key: 'done', label: '已落实条数', kind: 'count', where: { column: 'progress', in: ['03'] } },
    { key: 'expected_income', label: '预期收益合计', kind: 'sum', column: 'expected_income' },
  ],
  check(values) {
    return values.progress === '04' && isBlank(values.progress_note)
      ? [{ field: 'progress_note', level: 'error', message: '已取消的措施请在落实说明中写明原因' }]
      : [];
  },
}); // prettier-ignore
