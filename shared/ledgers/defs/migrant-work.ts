// 1. 外出务工 (person, one record a 年度): who plans to / did go out to work, where, for whom, and the
// 去向类别 the county reports by (县内 / 县外市内 / 市外省内 / 省外) — the actual one derived from 务工所在地, the
// planned one (计划去向类别) given directly or derived from 计划务工地点. The seed documents count the planned
// workers by 去向 before those who left, so a sheet of planned workers (no 务工状态) imports on its own.
import { defineCodeTable } from '../../code-tables/define.ts';
import type { Issue } from '../../rules/issue.ts';
import { defineLedger, type LedgerValues } from '../define.ts';
import { destinationOf, isBlank, notBefore } from '../ledger-helpers.ts';

/** 务工状态 codes the rules and measures name: who left (已外出, 已返岗), 未外出, 计划外出. */
const DEPARTED: readonly string[] = ['01', '02'];
const NOT_OUT = '03';
const PLANNED = '04';

/** The 三联单's dates in their order: 体检 → 备案 → 外出 → 到岗 → 回执 寄回. */
function slipIssues(values: Readonly<LedgerValues>): Issue[] {
  const issues = [
    ...notBefore(values, 'filed_date', 'receipt_date', '回执日期不能早于备案日期'),
    ...notBefore(values, 'filed_date', 'arrival_date', '到岗日期不能早于备案日期'),
    ...notBefore(values, 'start_date', 'arrival_date', '到岗日期不能早于开始日期（外出时间）'),
    ...notBefore(
      values,
      'arrival_date',
      'receipt_date',
      '回执日期不能早于到岗日期：回执由用工单位在人员到岗后填写寄回',
    ),
  ];
  if (!isBlank(values.receipt_date) && isBlank(values.slip_serial))
    issues.push({
      field: 'receipt_date',
      level: 'warning',
      message: '这条记录还没有打印三联单（没有三联单编号）：回执应按三联单编号登记',
    });
  if (
    typeof values.health_check_date === 'string' &&
    typeof values.filed_date === 'string' &&
    values.health_check_date > values.filed_date
  )
    issues.push({
      field: 'health_check_date',
      level: 'warning',
      message: '体检日期晚于备案日期：健康证明应在外出前开具',
    });
  return issues;
}

export const migrantWork = defineLedger({
  id: 'migrant_work',
  name: '外出务工',
  group: '就业帮扶',
  description:
    '贫困劳动力外出务工情况（每人每年度一条）：务工意愿、计划外出与计划去向、状态、务工地与去向类别、收入、点对点输送与交通补贴。',
  subject: 'person',
  key: ['subject', 'year'],
  codeTables: [
    defineCodeTable({
      key: 'migrant_status',
      name: '务工状态',
      items: [
        { code: '01', label: '已外出', aliases: ['已外出务工', '外出', '在外务工'] },
        { code: '02', label: '已返岗', aliases: ['返岗', '已复工'] },
        { code: '03', label: '未外出', aliases: ['在家', '未出门'] },
        { code: '04', label: '计划外出', aliases: ['计划外出务工', '拟外出', '拟外出务工'] },
        { code: '05', label: '有意愿未外出', aliases: ['有意愿未外出务工', '有务工意愿未外出'] },
      ],
    }),
    defineCodeTable({
      key: 'destination_category',
      name: '去向类别',
      source: '第三次全国农业普查 按户籍所在地分的劳动力（县内/县外市内/市外省内/外省）；旧国家代码 01 乡（镇）内务工 02 乡（镇）外县内务工 03 县外省内务工 04 省外务工 05 其他（导入时按此读）',
      // Files' bare codes are the old national ones: 01/02 are both 县内, 03 spans two of our classes.
      fileCodes: { '01': '01', '02': '01', '04': '04' },
      ambiguous: [
        {
          labels: ['省内', '省内务工'],
          message: '分不清是县外市内还是市外省内：请写明其中一类，或填写务工所在地（按地点自动判断去向）',
        },
        {
          labels: ['03', '县外省内', '县外省内务工'],
          message: '是旧的“县外省内务工”，包括本市其他县（县外市内）和省内其他市（市外省内）两类：请写明其中一类，或填写务工所在地（按地点自动判断去向）',
        },
        {
          labels: ['05'],
          message: '是旧代码“其他”，不是境外：请写明去向类别，或填写务工所在地',
        },
      ],
      items: [
        { code: '01', label: '县内', aliases: ['本县', '县内务工', '乡外县内', '本村内', '村外乡内', '乡（镇）内务工', '乡（镇）外县内务工', '乡镇内务工', '乡镇外县内务工', '乡（镇）内', '乡（镇）外县内'] },
        { code: '02', label: '县外市内', aliases: ['县外(地)市内', '市内县外', '县外市内务工'] },
        { code: '03', label: '市外省内', aliases: ['省内市外', '市外省内务工'] },
        { code: '04', label: '省外', aliases: ['外省', '省外务工'] },
        { code: '05', label: '境外', aliases: ['国外', '出国'] },
      ],
    }),
    defineCodeTable({
      key: 'employment_channel',
      name: '就业渠道',
      items: [
        { code: '01', label: '政府组织', aliases: ['政府组织输出', '有组织劳务输出', '点对点'] },
        { code: '02', label: '企业招聘', aliases: ['企业直招'] },
        { code: '03', label: '亲友介绍', aliases: ['亲友带动', '亲戚介绍'] },
        { code: '04', label: '自主外出', aliases: ['自主就业', '自行外出', '自主择业'] },
        { code: '05', label: '劳务中介', aliases: ['中介'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
  ],
  fields: [
    { column: 'year', label: '年度', type: 'year', required: true, initial: 'current-year', min: 2014, max: 2100, aliases: ['务工年度', '统计年度', '计划年度', '年份'], help: '每人每年度一条记录；导入的表没有“年度”列时按标题中的年份，否则按当年' },
    { column: 'willing', label: '是否有务工意愿', type: 'bool', aliases: ['有无务工意愿', '务工意愿'] },
    { column: 'planned', label: '是否计划外出务工', type: 'bool', aliases: ['是否计划务工', '计划外出务工', '是否计划外出'] },
    { column: 'planned_place', label: '计划务工地点', type: 'text', aliases: ['计划务工地', '计划外出地点', '拟务工地点', '计划务工所在地'] },
    { column: 'planned_destination', label: '计划去向类别', type: 'code', codeTable: 'destination_category', aliases: ['计划去向', '务工地点类型', '计划务工去向', '计划外出去向', '拟外出去向'], help: '填了计划务工地点且能认出时自动判断' },
    { column: 'status', label: '务工状态', type: 'code', codeTable: 'migrant_status', requiredUnless: ['planned'], aliases: ['是否已务工', '外出状态'], help: '只填“是否计划外出务工”时自动记为计划外出（否：未外出）' },
    { column: 'work_place', label: '务工所在地', type: 'text', aliases: ['务工地点', '务工地', '务工所在县', '务工所在地（省市县）', '务工所在地(省市县)'] },
    { column: 'work_place_code', label: '务工地区划代码', type: 'text', aliases: ['务工所在地代码', '务工地代码'], help: '6 位区划代码；能从务工所在地认出时自动填写' },
    { column: 'destination', label: '去向类别', type: 'code', codeTable: 'destination_category', aliases: ['务工去向', '去向', '外出务工去向'], help: '按务工所在地与本县比较自动判断；认不出地点时按填写的' },
    { column: 'employer', label: '用工单位', type: 'text', aliases: ['务工企业名称', '务工单位', '就业单位', '企业名称'] },
    { column: 'employer_phone', label: '用工单位联系电话', type: 'phone', sensitive: true, aliases: ['用工单位电话', '企业联系电话', '用工单位联系方式'] },
    { column: 'industry', label: '行业', type: 'text', aliases: ['所属行业', '从事行业', '工种'] },
    { column: 'channel', label: '就业渠道', type: 'code', codeTable: 'employment_channel', aliases: ['外出渠道', '就业方式'] },
    { column: 'start_date', label: '开始日期', type: 'date', aliases: ['外出时间', '开始时间', '务工开始时间', '外出日期'] },
    { column: 'end_date', label: '结束日期', type: 'date', aliases: ['结束时间', '务工结束时间', '返乡日期'] },
    { column: 'monthly_income', label: '月收入（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['务工月收入', '月收入', '月工资'] },
    { column: 'point_to_point', label: '是否点对点输送', type: 'bool', aliases: ['点对点输送', '是否“点对点”输送', '点对点'] },
    { column: 'transport_subsidy', label: '交通补贴金额（元）', type: 'decimal', min: 0, max: 100_000, aliases: ['交通补贴', '年度交通费补助', '交通费补助', '一次性交通补贴'] },
    { column: 'training', label: '技能培训', type: 'text', aliases: ['参加技能培训', '培训情况', '技能培训情况'] },
    // 三联单 (一对接两负责): the village's 体检 and 健康证明, the employer's 用工证明, and the slip's own dates.
    { column: 'slip_serial', label: '三联单编号', type: 'text', derived: true, unique: true, help: '首次打印外出务工三联单时自动编号（乡镇代码后3位-年度-5位序号），重印不变，永不重复使用' },
    { column: 'filed_date', label: '备案日期', type: 'date', aliases: ['三联单备案日期', '备案时间'], help: '首次打印三联单时未填写则记为当天' },
    { column: 'health_check_date', label: '体检日期', type: 'date', aliases: ['体检时间', '健康体检日期'] },
    { column: 'health_certificate', label: '健康证明', type: 'bool', aliases: ['是否开具健康证明', '有无健康证明', '健康证明（有/无）'], help: '村组织体检后开具的健康证明（无咳嗽、发热）：有/无' },
    { column: 'employment_proof', label: '用工证明', type: 'bool', aliases: ['是否有用工证明', '有无用工证明', '确保用工证明'], help: '用工单位出具的确保用工证明：有/无' },
    { column: 'receipt_date', label: '回执日期', type: 'date', aliases: ['回执时间', '回执寄回日期', '收到回执日期'], help: '用工回执单寄回村里的日期' },
    { column: 'arrival_date', label: '到岗日期', type: 'date', aliases: ['到岗时间', '实际到岗日期'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['year', 'status', 'planned_destination', 'work_place', 'destination', 'employer', 'start_date', 'monthly_income', 'slip_serial', 'receipt_date'],
  sortColumns: ['year', 'status', 'planned_destination', 'destination', 'employer', 'start_date', 'monthly_income', 'slip_serial', 'receipt_date'],
  filters: ['year', 'status', 'planned', 'planned_destination', 'destination', 'channel', 'point_to_point', 'willing'],
  // 去向 counts only people who left (已外出/已返岗): a 未外出 or 计划 row keeps its 去向类别 without being
  // counted as departed. The planned are counted by their own 计划去向类别; one 年度 at a time.
  summaryYear: 'year',
  // 贫困劳动力外出务工情况统计表 counts distinct households: read household by household (docs/reports.md「速度」).
  reportIndex: {
    year: 'year',
    groupBy: ['planned', 'planned_destination', 'status', 'destination', 'point_to_point', 'transport_subsidy'],
    households: ['planned', 'planned_destination', 'status', 'destination'],
  },
  measures: [
    { key: 'records', label: '登记记录数', kind: 'count' },
    { key: 'planned', label: '计划外出人数', kind: 'count', where: { column: 'planned', in: [1] } },
    { key: 'planned_in_county', label: '计划县内', kind: 'count', where: [{ column: 'planned', in: [1] }, { column: 'planned_destination', in: ['01'] }] },
    { key: 'planned_in_city', label: '计划县外市内', kind: 'count', where: [{ column: 'planned', in: [1] }, { column: 'planned_destination', in: ['02'] }] },
    { key: 'planned_in_province', label: '计划市外省内', kind: 'count', where: [{ column: 'planned', in: [1] }, { column: 'planned_destination', in: ['03'] }] },
    { key: 'planned_out_province', label: '计划省外', kind: 'count', where: [{ column: 'planned', in: [1] }, { column: 'planned_destination', in: ['04'] }] },
    { key: 'out', label: '已外出人数', kind: 'count', where: { column: 'status', in: DEPARTED } },
    { key: 'in_county', label: '已外出县内', kind: 'count', where: [{ column: 'status', in: DEPARTED }, { column: 'destination', in: ['01'] }] },
    { key: 'in_city', label: '已外出县外市内', kind: 'count', where: [{ column: 'status', in: DEPARTED }, { column: 'destination', in: ['02'] }] },
    { key: 'in_province', label: '已外出市外省内', kind: 'count', where: [{ column: 'status', in: DEPARTED }, { column: 'destination', in: ['03'] }] },
    { key: 'out_province', label: '已外出省外', kind: 'count', where: [{ column: 'status', in: DEPARTED }, { column: 'destination', in: ['04'] }] },
    { key: 'willing_not_out', label: '有意愿未外出人数', kind: 'count', where: { column: 'status', in: ['05'] } },
    { key: 'point_to_point', label: '点对点输送人数', kind: 'count', where: { column: 'point_to_point', in: [1] } },
    { key: 'transport_subsidy', label: '交通补贴金额', kind: 'sum', column: 'transport_subsidy' },
  ],
  derive(values, ctx) {
    const place = typeof values.work_place === 'string' ? values.work_place : '';
    // The place as written wins over a code left from an earlier place; a typed code serves when the
    // text is not recognised.
    const fromText = place === '' ? null : ctx.placeCode(place);
    const code = fromText ?? (typeof values.work_place_code === 'string' ? values.work_place_code : null);
    const destination = code === null ? null : destinationOf(ctx.countyCode, code);
    const planned = typeof values.planned_place === 'string' ? ctx.placeCode(values.planned_place) : null;
    const plannedDestination = planned === null ? null : destinationOf(ctx.countyCode, planned);
    // A sheet of planned workers says 是否计划外出务工 and no 务工状态: the status follows from the plan.
    const status = values.status ?? null;
    const statusFromPlan = status !== null ? null : values.planned === 1 ? PLANNED : values.planned === 0 ? NOT_OUT : null;
    return {
      ...(fromText !== null ? { work_place_code: fromText } : {}),
      ...(destination !== null ? { destination } : {}),
      ...(plannedDestination !== null ? { planned_destination: plannedDestination } : {}),
      ...(statusFromPlan !== null ? { status: statusFromPlan } : {}),
    };
  },
  check(values) {
    const issues = notBefore(values, 'start_date', 'end_date', '结束日期不能早于开始日期');
    const code = values.work_place_code;
    if (typeof code === 'string' && !/^\d{6}$/.test(code))
      issues.push({ field: 'work_place_code', level: 'error', message: '务工地区划代码应为 6 位数字' });
    if (typeof values.status === 'string' && DEPARTED.includes(values.status) && (values.work_place ?? null) === null && (values.destination ?? null) === null)
      issues.push({ field: 'work_place', level: 'warning', message: '已外出的人请填写务工所在地或去向类别' });
    if (values.status === PLANNED && values.planned === 0)
      issues.push({ field: 'planned', level: 'error', message: '务工状态为“计划外出”，是否计划外出务工却为“否”：请核对' });
    issues.push(...slipIssues(values));
    return issues;
  },
}); // prettier-ignore
