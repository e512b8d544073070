// 9. 扶贫项目库 (free-standing, placed in its township or village by the machinery's region): one row per
// project as the 项目库 and 公告公示 ask: 项目编号, 类型, 建设性质, 建设内容, 资金 by source (中央 / 省级 /
// 市县 / 统筹整合 / 其他, 合计 derived), 受益户数与人数 (其中建档立卡), 实施单位与责任人, 计划与实际开工完工,
// 状态, 拨付 and 公示. The county's 项目个数, 资金规模 and 开工率 are sums of this table.
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { isBlank, notBefore, numberOf } from '../ledger-helpers.ts';

/** The fund columns 资金合计 adds up. */
export const PROJECT_FUND_COLUMNS = [
  'fund_central',
  'fund_province',
  'fund_city_county',
  'fund_integrated',
  'fund_other',
] as const;

/** 项目状态 codes. */
export const PROJECT_STATUS = {
  notStarted: '01',
  started: '02',
  completed: '03',
  accepted: '04',
  cancelled: '05',
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

export const povertyProjects = defineLedger({
  id: 'poverty_projects',
  name: '扶贫项目库',
  group: '项目资金',
  description: '脱贫攻坚项目库台账：项目类型与建设内容、各级资金、受益户数人数、实施单位与责任人、计划与实际开工完工、资金拨付和公告公示。',
  subject: 'none',
  key: ['project_no'],
  codeTables: [
    defineCodeTable({
      key: 'project_type',
      name: '扶贫项目类型',
      source: '全国扶贫开发信息系统 项目库 项目类别',
      items: [
        { code: '01', label: '产业发展', aliases: ['产业项目', '产业扶贫', '产业发展项目', '产业发展类'] },
        { code: '02', label: '就业扶贫', aliases: ['就业项目', '就业扶贫项目', '就业类'] },
        { code: '03', label: '易地扶贫搬迁', aliases: ['易地搬迁', '搬迁项目', '易地扶贫搬迁后续扶持'] },
        { code: '04', label: '教育扶贫', aliases: ['教育项目', '教育类'] },
        { code: '05', label: '健康扶贫', aliases: ['健康项目', '医疗卫生'] },
        { code: '06', label: '危房改造', aliases: ['农村危房改造', '住房安全'] },
        { code: '07', label: '金融扶贫', aliases: ['小额信贷贴息', '贴息', '金融项目'] },
        { code: '08', label: '生活条件改善', aliases: ['人居环境整治', '改厕', '生活条件改善类'] },
        { code: '09', label: '综合保障性扶贫', aliases: ['综合保障', '兜底保障'] },
        { code: '10', label: '村基础设施', aliases: ['基础设施', '农村基础设施', '基础设施建设', '道路', '饮水安全', '农村饮水安全'] },
        { code: '11', label: '村公共服务', aliases: ['公共服务', '公共服务设施', '村级公共服务'] },
        { code: '12', label: '项目管理费', aliases: ['管理费'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'project_nature',
      name: '建设性质',
      items: [
        { code: '01', label: '新建', aliases: ['新建项目'] },
        { code: '02', label: '续建', aliases: ['续建项目'] },
        { code: '03', label: '改扩建', aliases: ['改建', '扩建', '改造', '提升改造'] },
        { code: '04', label: '维修', aliases: ['维修养护', '修缮'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'project_status',
      name: '项目状态',
      items: [
        { code: '01', label: '未开工', aliases: ['储备', '已入库', '前期准备', '待开工'] },
        { code: '02', label: '已开工', aliases: ['在建', '实施中', '开工'] },
        { code: '03', label: '已完工', aliases: ['完工', '已竣工', '竣工'] },
        { code: '04', label: '已验收', aliases: ['验收合格', '已完成验收', '已验收报账', '已报账'] },
        { code: '05', label: '已取消', aliases: ['取消', '终止', '调整出库', '已出库'] },
      ],
    }),
  ],
  fields: [
    { column: 'project_no', label: '项目编号', type: 'text', required: true, aliases: ['项目代码', '项目库编号', '入库编号', '编号'] },
    { column: 'name', label: '项目名称', type: 'text', required: true, aliases: ['名称'] },
    { column: 'year', label: '项目年度', type: 'year', min: 2014, max: 2100, aliases: ['年度', '计划年度', '入库年度', '实施年度'] },
    { column: 'type', label: '项目类型', type: 'code', codeTable: 'project_type', required: true, aliases: ['项目类别', '项目类型（大类）', '类别'] },
    { column: 'sub_type', label: '项目子类型', type: 'text', aliases: ['项目子类', '二级类型', '项目小类'] },
    { column: 'nature', label: '建设性质', type: 'code', codeTable: 'project_nature', aliases: ['建设类型', '项目性质'] },
    { column: 'location', label: '实施地点', type: 'text', aliases: ['建设地点', '项目地点', '实施地址'] },
    { column: 'content', label: '建设内容及规模', type: 'text', long: true, aliases: ['建设内容', '建设任务', '建设规模', '项目建设内容'] },
    { column: 'fund_central', label: '中央财政资金（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['中央资金', '中央财政资金', '中央财政专项扶贫资金', '中央'] },
    { column: 'fund_province', label: '省级财政资金（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['省级资金', '省级财政资金', '省级'] },
    { column: 'fund_city_county', label: '市县财政资金（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['市县资金', '市县财政资金', '市县级资金', '市县'] },
    { column: 'fund_integrated', label: '统筹整合资金（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['整合资金', '统筹整合资金', '统筹整合涉农资金', '整合涉农资金'] },
    { column: 'fund_other', label: '其他资金（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['其他资金', '自筹资金', '社会资金'] },
    { column: 'fund_total', label: '资金合计（元）', type: 'decimal', min: 0, derived: true, help: '中央、省级、市县、统筹整合与其他资金之和' },
    { column: 'beneficiary_households', label: '受益户数', type: 'int', min: 0, max: 1_000_000, aliases: ['受益总户数', '受益农户数'] },
    { column: 'beneficiary_persons', label: '受益人数', type: 'int', min: 0, max: 5_000_000, aliases: ['受益总人数', '受益人口', '受益人口数'] },
    { column: 'beneficiary_poor_households', label: '其中建档立卡户数', type: 'int', min: 0, max: 1_000_000, aliases: ['受益贫困户数', '其中贫困户数', '其中建档立卡贫困户数', '受益建档立卡户数'] },
    { column: 'beneficiary_poor_persons', label: '其中建档立卡人数', type: 'int', min: 0, max: 5_000_000, aliases: ['受益贫困人数', '其中贫困人数', '其中建档立卡贫困人数', '受益建档立卡人数', '受益贫困人口'] },
    { column: 'link_mechanism', label: '联农带贫机制', type: 'text', long: true, aliases: ['带贫减贫机制', '利益联结机制', '联贫带贫机制'] },
    { column: 'performance_target', label: '绩效目标', type: 'text', long: true, aliases: ['项目绩效目标'] },
    { column: 'implementer', label: '实施单位', type: 'text', aliases: ['项目实施单位', '建设单位', '项目主管单位', '业主单位'] },
    { column: 'responsible', label: '责任人', type: 'text', aliases: ['项目责任人', '负责人'] },
    { column: 'responsible_phone', label: '责任人电话', type: 'phone', sensitive: true, aliases: ['联系电话', '责任人联系电话'] },
    { column: 'planned_start', label: '计划开工日期', type: 'date', aliases: ['计划开工时间', '计划开工'] },
    { column: 'planned_end', label: '计划完工日期', type: 'date', aliases: ['计划完工时间', '计划完工', '计划竣工时间'] },
    { column: 'actual_start', label: '实际开工日期', type: 'date', aliases: ['实际开工时间', '开工时间', '开工日期'] },
    { column: 'actual_end', label: '实际完工日期', type: 'date', aliases: ['实际完工时间', '完工时间', '竣工时间', '完工日期'] },
    { column: 'status', label: '项目状态', type: 'code', codeTable: 'project_status', aliases: ['开工状态', '实施状态', '项目进度', '进展情况'], help: '空着时按实际开工、完工日期判断' },
    { column: 'acceptance', label: '验收情况', type: 'text', aliases: ['验收结果', '竣工验收情况'] },
    { column: 'paid_amount', label: '已拨付金额（元）', type: 'decimal', min: 0, max: 1_000_000_000, aliases: ['拨付金额', '资金拨付金额', '已拨付资金', '已支出金额', '报账金额'] },
    { column: 'paid_rate', label: '资金拨付率（%）', type: 'decimal', min: 0, derived: true, help: '已拨付金额 ÷ 资金合计' },
    { column: 'announce_date', label: '公示日期', type: 'date', aliases: ['公示时间', '公告公示时间', '公告日期'] },
    { column: 'announce_place', label: '公示地点', type: 'text', aliases: ['公示地址', '公示场所', '公告公示地点'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['project_no', 'name', 'type', 'status', 'fund_total', 'paid_amount', 'beneficiary_poor_households'],
  sortColumns: ['project_no', 'name', 'type', 'status', 'fund_total', 'paid_amount', 'beneficiary_poor_households'],
  filters: ['year', 'type', 'nature', 'status'],
  measures: [
    { key: 'records', label: '项目个数', kind: 'count' },
    { key: 'started', label: '已开工项目', kind: 'count', where: { column: 'status', in: ['02', '03', '04'] } },
    { key: 'completed', label: '已完工项目', kind: 'count', where: { column: 'status', in: ['03', '04'] } },
    { key: 'industry', label: '产业发展项目', kind: 'count', where: { column: 'type', in: ['01'] } },
    { key: 'infrastructure', label: '村基础设施项目', kind: 'count', where: { column: 'type', in: ['10'] } },
    { key: 'fund_total', label: '资金合计', kind: 'sum', column: 'fund_total' },
    { key: 'fund_central', label: '中央财政资金', kind: 'sum', column: 'fund_central' },
    { key: 'fund_province', label: '省级财政资金', kind: 'sum', column: 'fund_province' },
    { key: 'fund_city_county', label: '市县财政资金', kind: 'sum', column: 'fund_city_county' },
    { key: 'fund_integrated', label: '统筹整合资金', kind: 'sum', column: 'fund_integrated' },
    { key: 'fund_other', label: '其他资金', kind: 'sum', column: 'fund_other' },
    { key: 'paid_amount', label: '已拨付金额', kind: 'sum', column: 'paid_amount' },
    { key: 'beneficiary_poor_households', label: '受益建档立卡户数', kind: 'sum', column: 'beneficiary_poor_households' },
    { key: 'beneficiary_poor_persons', label: '受益建档立卡人数', kind: 'sum', column: 'beneficiary_poor_persons' },
  ],
  derive(values) {
    const parts = PROJECT_FUND_COLUMNS.map((c) => numberOf(values[c])).filter((n): n is number => n !== null);
    const total = parts.length === 0 ? null : round2(parts.reduce((a, b) => a + b, 0));
    const paid = numberOf(values.paid_amount);
    const out: LedgerValues = {
      fund_total: total,
      paid_rate: total !== null && total > 0 && paid !== null ? round2((paid / total) * 100) : null,
    };
    if (isBlank(values.status)) {
      if (!isBlank(values.actual_end)) out.status = PROJECT_STATUS.completed;
      else if (!isBlank(values.actual_start)) out.status = PROJECT_STATUS.started;
    }
    return out;
  },
  check(values) {
    const issues: Issue[] = [
      ...notBefore(values, 'planned_start', 'planned_end', '计划完工日期不能早于计划开工日期'),
      ...notBefore(values, 'actual_start', 'actual_end', '实际完工日期不能早于实际开工日期'),
    ];
    if (!isBlank(values.actual_end) && isBlank(values.actual_start))
      issues.push({ field: 'actual_start', level: 'error', message: '已填实际完工日期的，请填写实际开工日期' });
    const status = values.status;
    if ((status === '02' || status === '03' || status === '04') && isBlank(values.actual_start))
      issues.push({ field: 'actual_start', level: 'warning', message: '已开工的项目请填写实际开工日期' });
    if ((status === '03' || status === '04') && isBlank(values.actual_end))
      issues.push({ field: 'actual_end', level: 'warning', message: '已完工的项目请填写实际完工日期' });
    if (status === '01' && !isBlank(values.actual_start))
      issues.push({ field: 'status', level: 'error', message: '已填实际开工日期的，项目状态不应为“未开工”' });
    const total = PROJECT_FUND_COLUMNS.map((c) => numberOf(values[c]) ?? 0).reduce((a, b) => a + b, 0);
    const paid = numberOf(values.paid_amount);
    if (paid !== null && paid > total + 0.005)
      issues.push({ field: 'paid_amount', level: 'error', message: '已拨付金额不能超过资金合计' });
    const pairs = [
      ['beneficiary_households', 'beneficiary_poor_households', '其中建档立卡户数不能多于受益户数'],
      ['beneficiary_persons', 'beneficiary_poor_persons', '其中建档立卡人数不能多于受益人数'],
    ] as const;
    for (const [all, poor, message] of pairs) {
      const a = numberOf(values[all]);
      const p = numberOf(values[poor]);
      if (a !== null && p !== null && p > a) issues.push({ field: poor, level: 'error', message });
    }
    return issues;
  },
}); // prettier-ignore
