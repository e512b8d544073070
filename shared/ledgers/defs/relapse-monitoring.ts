// 10. 返贫监测 (household): the 2020 防返贫监测 record of a 脱贫不稳定户 or 边缘易致贫户 (the built-in
// monitor_category table, which counties extend): when and how it was identified, up to five 致贫/返贫风险,
// the 帮扶措施 by category as the national export lists them, the 帮扶责任人, and whether and how the risk
// was eliminated (消除 needs 方式 and 时间).
import type { Issue } from '../../rules/issue.ts';
import { defineCodeTable } from '../../code-tables/define.ts';
import { defineLedger } from '../define.ts';
import { isBlank, notBefore, otherNeedsNote } from '../ledger-helpers.ts';

/** 帮扶措施 fields held as codes; a 99 (其他) in any of them needs 其他帮扶措施 written out. */
export const AID_CODE_COLUMNS = [
  'aid_employment',
  'aid_health',
  'aid_education',
  'aid_social',
  'aid_finance',
] as const;

/** Every 帮扶措施 field, coded or written. */
export const AID_COLUMNS = [
  'aid_industry',
  'aid_employment',
  'aid_public_job',
  'aid_health',
  'aid_education',
  'aid_housing_water',
  'aid_social',
  'aid_finance',
  'aid_social_help',
  'aid_other',
] as const;

export const relapseMonitoring = defineLedger({
  id: 'relapse_monitoring',
  name: '返贫监测',
  group: '防返贫监测',
  description: '防返贫监测对象台账：监测对象类别、识别时间与方式、致贫返贫风险（至多 5 项）、分类帮扶措施、帮扶责任人、风险消除方式与时间。',
  subject: 'household',
  key: ['subject'],
  codeTables: [
    defineCodeTable({
      key: 'monitor_identify_method',
      name: '监测对象识别方式',
      source: '国务院扶贫办 2020 指导意见：农户申报、乡村干部走访排查、相关行业部门筛查预警',
      items: [
        { code: '01', label: '农户申报', aliases: ['农户自主申报', '自主申报', '群众申报', '主动申报'] },
        { code: '02', label: '干部走访排查', aliases: ['乡村干部走访排查', '走访排查', '入户排查', '干部排查'] },
        { code: '03', label: '部门筛查预警', aliases: ['相关行业部门筛查预警', '行业部门筛查预警', '部门预警', '部门筛查', '数据比对'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_risk',
      name: '致贫返贫风险',
      multi: true,
      source: '2020–2021 防返贫监测风险类型；因疫情为 2020 地方口径，因安全住房/因安全饮水为 2022 起新增',
      items: [
        { code: '01', label: '因病', aliases: ['因病致贫', '因病返贫'] },
        { code: '02', label: '因学', aliases: ['因学致贫', '因学返贫'] },
        { code: '03', label: '因残', aliases: ['因残致贫', '因残返贫'] },
        { code: '04', label: '因自然灾害', aliases: ['因灾', '因灾致贫', '因灾返贫', '自然灾害'] },
        { code: '05', label: '因意外事故', aliases: ['意外事故', '因意外'] },
        { code: '06', label: '因产业项目失败', aliases: ['因产业失败', '产业项目失败', '产业失败'] },
        { code: '07', label: '因务工就业不稳', aliases: ['务工就业不稳', '就业不稳', '因务工就业不稳定'] },
        { code: '08', label: '缺劳动力', aliases: ['因缺劳动力', '缺劳力'] },
        { code: '09', label: '因疫情影响', aliases: ['因疫情', '疫情影响', '受疫情影响'] },
        { code: '10', label: '因安全住房', aliases: ['住房安全', '因住房'] },
        { code: '11', label: '因安全饮水', aliases: ['饮水安全', '因饮水'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_aid_employment',
      name: '就业帮扶措施',
      multi: true,
      items: [
        { code: '01', label: '技能培训', aliases: ['职业技能培训', '培训'] },
        { code: '02', label: '劳务输出', aliases: ['组织劳务输出', '点对点输送', '有组织输出'] },
        { code: '03', label: '外出务工补贴', aliases: ['交通补贴', '务工补贴', '一次性交通补贴', '稳岗补贴'] },
        { code: '04', label: '就近就业', aliases: ['扶贫车间就业', '车间就业', '就地就近就业'] },
        { code: '05', label: '创业扶持', aliases: ['创业补贴', '自主创业'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_aid_health',
      name: '健康帮扶措施',
      multi: true,
      items: [
        { code: '01', label: '参保缴费资助', aliases: ['参加城乡居民基本医疗保险个人缴费补贴', '医保缴费补贴', '代缴医保', '资助参保'] },
        { code: '02', label: '医疗救助', aliases: ['医疗救助资金'] },
        { code: '03', label: '大病专项救治', aliases: ['大病救治', '大病保险倾斜'] },
        { code: '04', label: '家庭医生签约', aliases: ['家庭医生签约服务', '签约服务'] },
        { code: '05', label: '门诊慢特病', aliases: ['慢病卡', '办理慢病卡', '门诊慢特病证'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_aid_education',
      name: '教育帮扶措施',
      multi: true,
      items: [
        { code: '01', label: '雨露计划', aliases: ['雨露计划补助'] },
        { code: '02', label: '学前教育资助', aliases: ['学前资助', '幼儿资助'] },
        { code: '03', label: '义务教育资助', aliases: ['两免一补', '营养餐', '营养改善计划', '寄宿生生活补助'] },
        { code: '04', label: '高中阶段资助', aliases: ['普通高中国家助学金', '高中资助', '高中免学费'] },
        { code: '05', label: '中职资助', aliases: ['中职免学费', '中职国家助学金'] },
        { code: '06', label: '大学生资助', aliases: ['生源地助学贷款', '高校资助', '大学生补助'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_aid_social',
      name: '综合保障措施',
      multi: true,
      items: [
        { code: '01', label: '低保', aliases: ['纳入低保', '农村低保', '低保兜底'] },
        { code: '02', label: '特困供养', aliases: ['纳入特困供养', '五保', '特困'] },
        { code: '03', label: '临时救助', aliases: ['临时救助金'] },
        { code: '04', label: '残疾人补贴', aliases: ['残疾人两项补贴', '困难残疾人生活补贴', '重度残疾人护理补贴'] },
        { code: '05', label: '养老保险代缴', aliases: ['代缴养老保险', '城乡居民养老保险代缴'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_aid_finance',
      name: '金融帮扶措施',
      multi: true,
      items: [
        { code: '01', label: '扶贫小额信贷', aliases: ['小额信贷', '小额贷款'] },
        { code: '02', label: '贷款贴息', aliases: ['贴息'] },
        { code: '03', label: '农业保险', aliases: ['产业保险', '种养殖保险'] },
        { code: '04', label: '防贫保险', aliases: ['防返贫保险', '防贫保'] },
        { code: '99', label: '其他', aliases: ['其它'] },
      ],
    }),
    defineCodeTable({
      key: 'monitor_eliminate_method',
      name: '风险消除方式',
      items: [
        { code: '01', label: '帮扶消除', aliases: ['帮扶后消除', '通过帮扶消除'] },
        { code: '02', label: '自然消除', aliases: ['自然消除风险'] },
      ],
    }),
  ],
  fields: [
    { column: 'category', label: '监测对象类别', type: 'code', codeTable: 'monitor_category', required: true, aliases: ['监测类别', '监测户类别', '监测对象类型'] },
    { column: 'identified_date', label: '识别监测时间', type: 'date', aliases: ['识别时间', '纳入监测时间', '识别监测日期', '风险识别时间', '识别日期'] },
    { column: 'identify_method', label: '识别方式', type: 'code', codeTable: 'monitor_identify_method', aliases: ['识别途径', '发现方式', '识别程序'] },
    { column: 'risks', label: '致贫返贫风险', type: 'codes', codeTable: 'monitor_risk', maxItems: 5, required: true, aliases: ['致贫/返贫风险', '致贫（返贫）风险', '风险类型', '返贫风险', '致贫风险', '主要风险', '致贫/返贫风险1', '致贫/返贫风险2', '致贫/返贫风险3', '致贫/返贫风险4', '致贫/返贫风险5'], help: '最多 5 项；国家系统导出的“风险1…风险5”五列导入时合并到这里' },
    { column: 'risk_note', label: '其他风险说明', type: 'text', aliases: ['其他备注', '风险备注', '风险说明'], help: '风险含“其他”时必填' },
    { column: 'income_at_identification', label: '识别时人均纯收入（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['人均纯收入（元）', '人均纯收入', '识别时人均纯收入', '家庭人均纯收入'] },
    { column: 'aid_industry', label: '产业帮扶', type: 'text', aliases: ['产业帮扶措施', '产业扶持'] },
    { column: 'aid_employment', label: '就业帮扶', type: 'codes', codeTable: 'monitor_aid_employment', aliases: ['就业帮扶措施', '就业扶持'] },
    { column: 'aid_public_job', label: '公益岗位帮扶', type: 'text', aliases: ['公益岗位帮扶措施', '公益性岗位帮扶', '公益岗位'] },
    { column: 'aid_health', label: '健康帮扶', type: 'codes', codeTable: 'monitor_aid_health', aliases: ['健康帮扶措施', '健康扶贫措施'] },
    { column: 'aid_education', label: '教育帮扶', type: 'codes', codeTable: 'monitor_aid_education', aliases: ['教育帮扶措施', '教育扶贫措施'] },
    { column: 'aid_housing_water', label: '住房饮水保障', type: 'text', aliases: ['住房安全保障', '饮水安全保障', '住房和饮水安全保障'] },
    { column: 'aid_social', label: '综合保障', type: 'codes', codeTable: 'monitor_aid_social', aliases: ['综合保障措施', '兜底保障', '社会保障兜底'] },
    { column: 'aid_finance', label: '金融帮扶', type: 'codes', codeTable: 'monitor_aid_finance', aliases: ['金融帮扶措施', '金融扶贫'] },
    { column: 'aid_social_help', label: '社会帮扶', type: 'text', aliases: ['社会帮扶措施', '社会扶贫'] },
    { column: 'aid_other', label: '其他帮扶措施', type: 'text', long: true, aliases: ['其他帮扶', '其他措施', '搬迁及生产生活条件改善'], help: '各类帮扶措施选了“其他”的，在此说明' },
    { column: 'helper', label: '帮扶责任人', type: 'text', aliases: ['帮扶人', '结对帮扶责任人', '帮扶干部'] },
    { column: 'helper_phone', label: '帮扶责任人电话', type: 'phone', sensitive: true, aliases: ['帮扶人电话', '帮扶责任人联系电话', '帮扶干部电话'] },
    { column: 'eliminated', label: '风险是否消除', type: 'bool', aliases: ['风险是否已消除', '是否消除风险', '风险消除', '是否已消除风险'] },
    { column: 'eliminate_method', label: '风险消除方式', type: 'code', codeTable: 'monitor_eliminate_method', aliases: ['消除方式'] },
    { column: 'eliminated_date', label: '风险消除时间', type: 'date', aliases: ['消除监测时间', '消除时间', '风险消除日期', '消除日期'] },
    { column: 'income_at_elimination', label: '消除时人均纯收入（元）', type: 'decimal', min: 0, max: 1_000_000, aliases: ['风险消除后人均纯收入', '消除时人均纯收入', '风险消除时人均纯收入'] },
    { column: 'remark', label: '备注', type: 'text', long: true, aliases: ['说明'] },
  ],
  listColumns: ['category', 'identified_date', 'risks', 'helper', 'eliminated', 'eliminate_method', 'eliminated_date'],
  sortColumns: ['category', 'identified_date', 'helper', 'eliminate_method', 'eliminated_date'],
  filters: ['category', 'identify_method', 'eliminated', 'eliminate_method'],
  measures: [
    { key: 'records', label: '监测户数', kind: 'count' },
    { key: 'unstable', label: '脱贫不稳定户', kind: 'count', where: { column: 'category', in: ['1'] } },
    { key: 'edge', label: '边缘易致贫户', kind: 'count', where: { column: 'category', in: ['2'] } },
    { key: 'eliminated', label: '风险已消除户数', kind: 'count', where: { column: 'eliminated', in: [1] } },
    { key: 'not_eliminated', label: '风险未消除户数', kind: 'count', where: { column: 'eliminated', in: [0] } },
    { key: 'eliminated_by_aid', label: '帮扶消除户数', kind: 'count', where: { column: 'eliminate_method', in: ['01'] } },
    { key: 'eliminated_naturally', label: '自然消除户数', kind: 'count', where: { column: 'eliminate_method', in: ['02'] } },
  ],
  check(values) {
    const issues: Issue[] = [
      ...otherNeedsNote(values, 'risks', 'risk_note', '致贫返贫风险含“其他”的，请填写其他风险说明'),
      ...notBefore(values, 'identified_date', 'eliminated_date', '风险消除时间不能早于识别监测时间'),
    ];
    const aidOther = AID_CODE_COLUMNS.some((c) => String(values[c] ?? '').split(',').includes('99'));
    if (aidOther && isBlank(values.aid_other))
      issues.push({ field: 'aid_other', level: 'error', message: '帮扶措施选了“其他”的，请填写其他帮扶措施' });
    if (values.eliminated === 1) {
      if (isBlank(values.eliminate_method))
        issues.push({ field: 'eliminate_method', level: 'error', message: '风险已消除的，请填写风险消除方式' });
      if (isBlank(values.eliminated_date))
        issues.push({ field: 'eliminated_date', level: 'error', message: '风险已消除的，请填写风险消除时间' });
      if (values.eliminate_method === '01' && AID_COLUMNS.every((c) => isBlank(values[c])))
        issues.push({ field: 'eliminate_method', level: 'warning', message: '帮扶消除的，请填写帮扶措施' });
    } else if (!isBlank(values.eliminate_method) || !isBlank(values.eliminated_date)) {
      issues.push({ field: 'eliminated', level: 'warning', message: '填写了风险消除方式或时间的，风险是否消除应为“是”' });
    }
    return issues;
  },
}); // prettier-ignore
